package dev.tessera.center.sales;

import dev.tessera.center.support.PostgresCluster;

/** Member card proof on a real PostgreSQL server (a throw-away cluster). */
class MemberCardProofPostgresTest extends MemberCardProofContractTest {
    @Override
    String jdbcUrl() {
        return PostgresCluster.shared().createDatabase("card_proof");
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
