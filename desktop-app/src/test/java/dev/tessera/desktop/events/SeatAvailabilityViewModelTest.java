package dev.tessera.desktop.events;

import dev.tessera.designer.availability.SeatStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import dev.tessera.contract.availability.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.Eventually;
import dev.tessera.desktop.ui.BackgroundTaskExecutor;
import dev.tessera.desktop.ui.TaskExecutor;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live availability without a stage: a real center on an H2 file at a fixed port, which the test
 * stops and starts again to drop the live stream.
 */
class SeatAvailabilityViewModelTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final TaskExecutor tasks = new BackgroundTaskExecutor(uiThread);
    private PlatformCenter center;
    private CenterClient client;
    private SeatAvailabilityViewModel viewModel;

    private PlatformCenter startCenter(int port) {
        CenterConfig embedded = CenterConfig.embedded(dataDir);
        CenterConfig config = new CenterConfig(embedded.jdbcUrl(), embedded.dbUser(), embedded.dbPassword(),
                embedded.host(), port, embedded.poolSize(), embedded.holdPeriod(), embedded.sessionTtl(),
                embedded.lapseSweepInterval(), embedded.passwordHasher(), embedded.clock());
        PlatformCenter started = PlatformCenter.start(config);
        DemoData.loadIfEmpty(started.services(), Clock.systemUTC());
        return started;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (viewModel != null) {
            viewModel.close();
        }
        // the client first: its close ends the requests and the stream under way, then the tasks are waited for
        if (client != null) {
            client.close();
        }
        tasks.close();
        uiThread.shutdown();
        assertThat(uiThread.awaitTermination(10, TimeUnit.SECONDS)).as("the UI thread ended").isTrue();
        if (center != null) {
            center.close();
        }
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return uiThread.submit(read).get();
    }

    private static Map<String, List<Integer>> counts(List<Availability.CategoryCount> counts) {
        return counts.stream().collect(Collectors.toMap(Availability.CategoryCount::categoryId,
                c -> List.of(c.free(), c.held(), c.sold(), c.blocked())));
    }

    private Map<String, List<Integer>> shownCounts() throws Exception {
        return onUi(() -> viewModel.categories().stream().collect(Collectors.toMap(CategoryAvailability::categoryId,
                c -> List.of(c.freeProperty().get(), c.heldProperty().get(), c.soldProperty().get(),
                        c.blockedProperty().get()))));
    }

    @Test
    void showsTheCentersCountsAndFollowsChangesThroughADroppedStream() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        center = startCenter(port);
        client = new CenterClient(center.baseUri());
        CenterSession manager = client.signIn("manager", "manager-demo");
        EventInfo tempest = manager.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst().orElseThrow();
        viewModel = new SeatAvailabilityViewModel(manager, tasks, Duration.ofMillis(200), Duration.ofSeconds(1));

        uiThread.submit(() -> viewModel.show(tempest)).get();
        Eventually.await(WITHIN, "the seat map is shown and live", () -> onUi(
                () -> viewModel.seatMapProperty().get() != null && viewModel.liveProperty().get()));
        Availability snapshot = manager.seats(tempest.id());
        assertThat(shownCounts()).isEqualTo(counts(snapshot.counts()));

        CenterSession clerk = client.signIn("clerk", "clerk-demo");
        String first = snapshot.seats().get("FREE").getFirst();
        clerk.hold(tempest.id(), List.of(first));
        Eventually.await(WITHIN, "the hold of " + first + " is shown", () -> onUi(
                () -> viewModel.status(first) == SeatStatus.HELD));
        assertThat(shownCounts()).isEqualTo(counts(manager.seats(tempest.id()).counts()));

        center.close();
        Eventually.await(WITHIN, "the dropped stream is noticed", () -> onUi(() -> !viewModel.liveProperty().get()));

        center = startCenter(port);
        String second = snapshot.seats().get("FREE").get(1);
        CenterSession clerkAgain = client.signIn("clerk", "clerk-demo");
        // made while nobody watches: the snapshot after reconnecting must bring it
        clerkAgain.hold(tempest.id(), List.of(second));
        Eventually.await(WITHIN, "the stream is back and the missed hold shown", () -> onUi(
                () -> viewModel.liveProperty().get() && viewModel.status(second) == SeatStatus.HELD));
        assertThat(shownCounts()).isEqualTo(counts(manager.seats(tempest.id()).counts()));
    }

    @Test
    void aMemberSeesTheSeatMapToo() throws Exception {
        center = startCenter(0);
        client = new CenterClient(center.baseUri());
        CenterSession member = client.signIn("member", "member-demo");
        EventInfo tempest = member.events().getFirst();
        viewModel = new SeatAvailabilityViewModel(member, tasks);
        uiThread.submit(() -> viewModel.show(tempest)).get();
        Eventually.await(WITHIN, "a member sees the seat map, live", () -> onUi(
                () -> viewModel.seatMapProperty().get() != null && viewModel.liveProperty().get()));
        assertThat(shownCounts()).isEqualTo(counts(member.seats(tempest.id()).counts()));
    }
}
