package dev.tessera.bench;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The desktop's embedded default for the desktop-side benchmarks: a center on a fresh H2 file with the demo data. */
final class BenchCenter implements AutoCloseable {
    static final String DEMO_EVENT = "The Tempest";

    final Path dir;
    final PlatformCenter center;

    private BenchCenter(Path dir, PlatformCenter center) {
        this.dir = dir;
        this.center = center;
    }

    static BenchCenter start(String name) throws IOException {
        Path dir = BenchTemp.dir("tessera-bench-" + name);
        PlatformCenter center = PlatformCenter.start(CenterConfig.embedded(dir));
        DemoData.loadIfEmpty(center.services(), Clock.systemUTC());
        return new BenchCenter(dir, center);
    }

    static EventInfo demoEvent(CenterSession session) {
        return session.events().stream().filter(e -> e.name().equals(DEMO_EVENT)).findFirst().orElseThrow();
    }

    static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
    }

    @Override
    public void close() {
        center.close();
    }
}
