package dev.tessera.desktop.startup;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.ui.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded center or checks the remote one; blocking, so it runs as a background task. */
public final class CenterStarter {
    private static final Logger LOG = LoggerFactory.getLogger(CenterStarter.class);

    /** A step of the startup and how far along it is, from 0 to 1. */
    public record Progress(Message step, double fraction) {}

    private CenterStarter() {}

    /** The same without a simulated tray: the demo gives no cards. */
    public static CenterConnection connect(StartupSettings settings, Consumer<Progress> progress) {
        return connect(settings, () -> null, progress);
    }

    /**
     * Connects; an embedded center loads the demo on its first start, and with a simulated-cards folder also today's
     * performance and the demo members' cards on {@code tray} (called here, on this background thread).
     */
    public static CenterConnection connect(StartupSettings settings, Supplier<VirtualChips> tray,
                                           Consumer<Progress> progress) {
        if (settings.remoteCenter().isPresent()) {
            URI uri = settings.remoteCenter().get();
            progress.accept(new Progress(Message.of("startup.connecting", uri), 0.5));
            checkHealth(uri, settings.trust());
            LOG.info("using the platform center at {}", uri);
            return CenterConnection.remote(uri);
        }
        Path dataDir = settings.dataDir();
        progress.accept(new Progress(Message.of("startup.openingDatabase"), 0.1));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlatformCenter center = PlatformCenter.start(CenterConfig.embedded(dataDir));
        try {
            progress.accept(new Progress(Message.of("startup.loadingDemo"), 0.6));
            // a quit meanwhile (the center's exit hook) waits for the demo instead of closing the database under it
            if (center.duringStartUp(() -> DemoData.loadIfEmpty(center.services(), Clock.systemUTC()))) {
                LOG.info("loaded the demo venue, event and accounts into {}", dataDir);
            }
            if (settings.simulatedCards().isPresent()) {
                progress.accept(new Progress(Message.of("startup.demoCards"), 0.75));
                center.duringStartUp(() -> {
                    demoCards(center, tray.get());
                    return null;
                });
            }
            progress.accept(new Progress(Message.of("startup.connecting", center.baseUri()), 0.9));
            checkHealth(center.baseUri(), settings.trust());
            return CenterConnection.embedded(center);
        } catch (RuntimeException e) {
            center.close();
            throw e;
        }
    }

    /** Today's performance and the demo members' cards, once the demo is there (issue 14). */
    private static void demoCards(PlatformCenter center, VirtualChips tray) {
        var today = DemoData.todaysPerformance(center.services(), Clock.systemUTC());
        var demo = center.services().events().list(false).stream()
                .filter(e -> e.name().equals(DemoData.EVENT_NAME)).findFirst();
        if (today.isPresent() && demo.isPresent() && tray != null) {
            DemoCards.giveMissing(center.baseUri(), tray, today.get().id(), demo.get().id());
        }
    }

    private static void checkHealth(URI uri, dev.tessera.client.CenterTrust trust) {
        try (CenterClient probe = new CenterClient(uri, dev.tessera.client.ConnectionListener.NONE, trust)) {
            probe.checkHealth();
        }
    }
}
