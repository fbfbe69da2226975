package dev.tessera.center.gate;

import dev.tessera.center.support.PostgresCluster;

/** Gate reports on a real PostgreSQL server (a throw-away cluster). */
class PostgresGateScanReportTest extends GateScanReportContract {
    private String url;

    @Override
    String jdbcUrl() {
        if (url == null) {
            url = PostgresCluster.shared().createDatabase("gate_reports");
        }
        return url;
    }

    @Override
    String dbUser() {
        return "postgres";
    }
}
