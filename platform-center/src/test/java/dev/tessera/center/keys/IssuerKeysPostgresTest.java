package dev.tessera.center.keys;

import static dev.tessera.center.db.schema.Tables.ISSUER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.db.Database;
import dev.tessera.center.support.PostgresCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances of a cluster that start together on a new PostgreSQL database end up with one issuer key: every one signs
 * with the key the others publish at {@code GET /api/issuer-keys}, so a gate that synced from any of them admits the
 * tickets of all.
 */
class IssuerKeysPostgresTest {

    @Test
    void instancesStartingTogetherOnANewDatabaseShareOneIssuerKey(@TempDir Path dir) throws Exception {
        String url = PostgresCluster.shared().createDatabase("issuer_keys_race");
        ChipKek kek = ChipKek.loadOrCreate(dir.resolve("kek"));
        int instances = 4;
        List<Database> databases = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                databases.add(Database.open(url, "postgres", "", 2));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> keys = new ArrayList<>();
            try (ExecutorService starts = Executors.newFixedThreadPool(instances)) {
                for (Database db : databases) {
                    Callable<String> start = () -> {
                        go.await();
                        return IssuerKeys.loadOrCreate(db, Clock.systemUTC(), kek, null).active().publicKey().keyIdHex();
                    };
                    keys.add(starts.submit(start));
                }
                go.countDown();
                List<String> active = new ArrayList<>();
                for (Future<String> key : keys) {
                    active.add(key.get());
                }
                assertThat(active).as("the key each instance signs with").containsOnly(active.getFirst());
            }
            assertThat(databases.getFirst().dsl().fetchCount(ISSUER_KEY)).isEqualTo(1);
        } finally {
            databases.forEach(Database::close);
        }
    }
}
