package dev.tessera.center.sales;

import dev.tessera.center.support.PostgresCluster;

/** After-sales on a real PostgreSQL server (a throw-away cluster). */
class AfterSalesPostgresTest extends AfterSalesContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("after_sales");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
