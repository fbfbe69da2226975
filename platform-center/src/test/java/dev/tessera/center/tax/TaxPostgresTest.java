package dev.tessera.center.tax;

import dev.tessera.center.support.PostgresCluster;

/** Tax on a real PostgreSQL server (a throw-away cluster). */
class TaxPostgresTest extends TaxContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("tax");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
