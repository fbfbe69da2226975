package dev.tessera.center;

import dev.tessera.center.support.PostgresCluster;

/** The same center contract on a real PostgreSQL server (Debian's package, a throw-away cluster). */
class PostgresCenterTest extends CenterContractTest {
    private String url;

    @Override
    String jdbcUrl() {
        if (url == null) {
            url = PostgresCluster.shared().createDatabase("center_contract");
        }
        return url;
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
