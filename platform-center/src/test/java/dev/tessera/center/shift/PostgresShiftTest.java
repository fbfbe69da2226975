package dev.tessera.center.shift;

import dev.tessera.center.support.PostgresCluster;

/** Counter shifts on a real PostgreSQL server (Debian's package, a throw-away cluster). */
class PostgresShiftTest extends ShiftContractTest {
    private String url;

    @Override
    String jdbcUrl() {
        if (url == null) {
            url = PostgresCluster.shared().createDatabase("shift_contract");
        }
        return url;
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
