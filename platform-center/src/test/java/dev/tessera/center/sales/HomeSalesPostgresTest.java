package dev.tessera.center.sales;

import dev.tessera.center.support.PostgresCluster;

/** Buying at home on a real PostgreSQL server (a throw-away cluster). */
class HomeSalesPostgresTest extends HomeSalesContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("home_sales");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
