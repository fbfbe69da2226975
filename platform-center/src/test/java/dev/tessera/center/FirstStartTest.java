package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.demo.DemoData;
import dev.tessera.core.model.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: every first start works. The standalone center is started the way users start it (CenterMain with
 * {@code --demo}) on a fresh H2 file, 200 times in this JVM with {@code -Dtessera.faults.full=true} ({@code ./tessera
 * faults}) and 50 in CI, which is near its time budget; a JVM per start would take 5 to 10 s each on the 2-core
 * machine, so {@link StandaloneCenterTest} starts a few in JVMs of their own.
 */
class FirstStartTest {
    static final int IN_PROCESS_STARTS = Boolean.getBoolean("tessera.faults.full") ? 200 : 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void everyFirstStartWithTheDemoSucceeds() {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < IN_PROCESS_STARTS; i++) {
            String url = CenterConfig.h2FileUrl(dir.resolve("start-" + i).resolve("center"));
            try {
                firstStart(url);
            } catch (AssertionError | RuntimeException e) {
                failures.add("start " + i + ": " + e);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("FIRST STARTS: " + (IN_PROCESS_STARTS - failures.size()) + " ok, " + failures.size()
                + " failed (in-process, fresh H2 file each, --demo, " + seconds + " s)");
        failures.stream().limit(10).forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private void firstStart(String url) {
        CenterMain.Options options = CenterMain.Options.parse(new String[] {"--db", url, "--port", "0", "--demo"});
        try (PlatformCenter center = CenterMain.start(options, variable -> null)) {
            assertThat(center.services().events().list(true)).extracting(Event::name).containsExactly(DemoData.EVENT_NAME);
            assertThat(get(center.baseUri().resolve("/health")).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
