package dev.tessera.desktop.center;

import dev.tessera.client.ConnectionListener;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterProblemException;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.client.CenterResponseException;
import dev.tessera.client.CenterHttp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.desktop.support.TestCenter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real embedded center on an H2 file. */
class CenterClientTest {
    @TempDir
    static Path dataDir;
    static TestCenter center;

    @BeforeAll
    static void startCenter() {
        center = TestCenter.start(dataDir);
    }

    @AfterAll
    static void stopCenter() {
        center.close();
    }

    @Test
    void underTestAFieldNoRecordNamesIsAnErrorSoDriftFromTheCentersContractShows() {
        assertThat(Boolean.getBoolean(CenterHttp.STRICT_PROPERTY)).as("the build sets " + CenterHttp.STRICT_PROPERTY)
                .isTrue();
        String known = "{\"seatId\":\"A-1\",\"status\":\"SOLD\",\"revision\":7}";
        assertThat(CenterHttp.readValue(known, SeatChange.class).revision()).isEqualTo(7);
        assertThatThrownBy(() -> CenterHttp.readValue(known.replace("}", ",\"newField\":1}"),
                SeatChange.class))
                .isInstanceOf(CenterResponseException.class)
                .hasRootCauseInstanceOf(com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class);
    }

    @Test
    void signsInAndReadsTheDemoEventWithItsServiceInformation() {
        CenterSession clerk = center.clerk();
        assertThat(clerk.account().displayName()).isEqualTo("Box Office 1");
        assertThat(clerk.account().role()).isEqualTo(dev.tessera.core.model.Role.SELLER);
        EventInfo tempest = center.demoEvent(clerk);
        assertThat(tempest.servicer()).isEqualTo("Tessera Players");
        assertThat(tempest.venueName()).isEqualTo("Tessera Theatre");
        assertThat(tempest.pricesMinor()).isNotEmpty();
        assertThat(tempest.gates()).contains("north", "south");
        assertThat(tempest.sellerNames()).contains("Box Office 1");
        assertThat(tempest.doorsOpen()).isBefore(tempest.startsAt());
        assertThat(clerk.event(tempest.id())).isEqualTo(tempest);
    }

    @Test
    void readsTheSeatMapAndTheSnapshot() {
        CenterSession clerk = center.clerk();
        EventInfo tempest = center.demoEvent(clerk);
        SeatMap map = clerk.seatMap(tempest.venueId(), tempest.seatMapVersion());
        Availability seats = clerk.seats(tempest.id());
        int listed = seats.seats().values().stream().mapToInt(List::size).sum();
        assertThat(listed).isEqualTo(map.seatCount());
        assertThat(seats.allocatedToYou()).isNotEmpty();
        assertThat(seats.counts()).extracting(Availability.CategoryCount::categoryId)
                .containsExactlyInAnyOrderElementsOf(map.categories().stream().map(c -> c.id()).toList());
    }

    @Test
    void aWrongPasswordIsAProblemWithTheCentersSentence() {
        assertThatThrownBy(() -> center.client().signIn("manager", "not-the-password"))
                .isInstanceOfSatisfying(CenterProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(401);
                    assertThat(p.kind()).isNotBlank();
                    assertThat(p.detail()).isNotBlank().isEqualTo(p.getMessage());
                });
    }

    @Test
    void aRefusedRequestCarriesTheDetail() {
        CenterSession member = center.signIn("member", "member-demo");
        EventInfo tempest = center.demoEvent(member);
        String seat = member.seats(tempest.id()).seats().get("FREE").getFirst();
        assertThatThrownBy(() -> member.hold(tempest.id(), List.of(seat)))
                .isInstanceOfSatisfying(CenterProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.detail()).contains("member account may not use");
                });
    }

    @Test
    void aCenterThatIsNotThereIsUnreachableAndTheListenerHearsIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        AtomicInteger down = new AtomicInteger();
        try (CenterClient client = new CenterClient(nowhere, new ConnectionListener() {
            @Override
            public void reachable() {}

            @Override
            public void unreachable() {
                down.incrementAndGet();
            }
        })) {
            assertThatThrownBy(() -> client.signIn("clerk", "clerk-demo"))
                    .isInstanceOf(CenterUnreachableException.class)
                    .hasMessage("cannot reach the platform center at " + nowhere);
        }
        assertThat(down).hasValue(1);
    }

    @Test
    void theLiveStreamDeliversAHoldAndStopsWhenClosed() throws Exception {
        CenterSession clerk = center.clerk();
        EventInfo tempest = center.demoEvent(clerk);
        String seat = clerk.seats(tempest.id()).seats().get("FREE").getLast();
        CountDownLatch opened = new CountDownLatch(1);
        BlockingQueue<SeatChanges> received = new LinkedBlockingQueue<>();
        BlockingQueue<CenterException> dropped = new LinkedBlockingQueue<>();
        Hold hold;
        // the watcher has a client of its own, whose close waits for its threads: no callback can come after it
        try (CenterClient watcherTerminal = new CenterClient(center.baseUri())) {
            CenterSession watcher = watcherTerminal.signIn("manager", "manager-demo");
            SeatStream stream = watcher.watchSeats(tempest.id(), new SeatStream.Listener() {
                @Override
                public void opened() {
                    opened.countDown();
                }

                @Override
                public void changes(SeatChanges changes) {
                    received.add(changes);
                }

                @Override
                public void dropped(CenterException cause) {
                    dropped.add(cause);
                }
            });
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            hold = clerk.hold(tempest.id(), List.of(seat));
            SeatChanges changes = received.poll(10, TimeUnit.SECONDS);
            assertThat(changes).isNotNull();
            assertThat(changes.eventId()).isEqualTo(tempest.id());
            assertThat(changes.seats()).anySatisfy(c -> {
                assertThat(c.seatId()).isEqualTo(seat);
                assertThat(c.status()).isEqualTo("HELD");
            });
            stream.close();
            clerk.releaseHold(hold.id());
        }
        assertThat(dropped).as("closing is not a drop").isEmpty();
    }
}
