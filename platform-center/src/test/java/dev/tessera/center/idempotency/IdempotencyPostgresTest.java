package dev.tessera.center.idempotency;

import dev.tessera.center.support.PostgresCluster;

/** Idempotency keys on a real PostgreSQL server (a throw-away cluster). */
class IdempotencyPostgresTest extends IdempotencyContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("idempotency");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
