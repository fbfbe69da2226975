package dev.tessera.center.sales;

import dev.tessera.center.support.PostgresCluster;

/** Standing areas on a real PostgreSQL server (a throw-away cluster). */
class StandingAreaPostgresTest extends StandingAreaContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("standing_areas");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
