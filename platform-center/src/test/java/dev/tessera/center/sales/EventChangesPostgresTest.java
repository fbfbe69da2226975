package dev.tessera.center.sales;

import dev.tessera.center.support.PostgresCluster;

/** Cancelled and moved events on a real PostgreSQL server (a throw-away cluster). */
class EventChangesPostgresTest extends EventChangesContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("event_changes");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
