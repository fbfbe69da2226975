package dev.tessera.desktop.gate;

import static dev.tessera.center.db.schema.Tables.GATE_SCAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.reader.gate.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate without its screen: the package and the admissions live in the ledger across a restart, offline. */
class GateStationTest {

    @Test
    void anOfflineAdmissionSurvivesARestartWithoutTheCenterAndIsReportedOnceWhenItIsBack(@TempDir Path data)
            throws Exception {
        Path terminal = data.resolve("gate-terminal");
        java.nio.file.Files.createDirectories(terminal);
        try (TestCenter center = TestCenter.start(data)) {
            PlatformCenter embedded = center.connection().embeddedCenter().orElseThrow();
            long eventId = GateFixtures.tonightsPerformance(embedded.services());
            CenterSession clerk = center.clerk();
            EventInfo event = clerk.event(eventId);
            String seat = clerk.seatMap(event.venueId(), event.seatMapVersion()).sections().getFirst().rows().get(4)
                    .seats().get(3).id();
            IssuedTicket paper = GateFixtures.sale(clerk, eventId, seat, null, List.of("Hanako Yamada")).tickets()
                    .getFirst();
            CenterSession gate = center.signIn("gate", "gate-demo");

            ScanRecord admitted;
            try (LedgerStore ledger = LedgerStore.open(terminal, Clock.systemUTC())) {
                GateStation station = GateStation.open(gate, ledger, event, paper.gateId(), Clock.systemUTC());
                int port = embedded.port();
                embedded.close();
                GateStation.Answer answer = station.scanPaper(paper.encoded());
                assertThat(answer.scan().verdict()).as(answer.scan().detail()).isEqualTo(Verdict.ADMITTED);
                assertThat(answer.seat().seat()).isNotBlank();
                assertThat(answer.attendees()).as("claim 70: the name read offline from the ticket's own bytes")
                        .containsExactly("Hanako Yamada");
                admitted = answer.scan();
                assertThatThrownBy(() -> station.report(gate)).isInstanceOf(CenterUnreachableException.class);
                assertThat(station.counts().unreported()).isEqualTo(1);

                // the terminal restarts while the center is still away: the cached package and the admission are there
                ledger.close();
                try (LedgerStore reopened = LedgerStore.open(terminal, Clock.systemUTC())) {
                    GateStation again = GateStation.open(gate, reopened, event, paper.gateId(), Clock.systemUTC());
                    GateStation.Answer copy = again.scanPaper(paper.encoded());
                    assertThat(copy.scan().verdict()).isEqualTo(Verdict.ALREADY_USED);
                    assertThat(copy.attendees()).as("a refused copy names nobody").isEmpty();
                    assertThat(copy.usedAt()).isEqualTo(admitted.at());
                    assertThat(copy.usedAtGate()).isEqualTo(paper.gateId());
                    assertThat(again.counts().unreported()).isEqualTo(1);

                    try (PlatformCenter back = PlatformCenter.start(CenterConfig.of(
                            CenterConfig.h2FileUrl(data.resolve("center")), "tessera", "", port))) {
                        assertThat(again.report(gate).sent()).isEqualTo(1);
                        assertThat(again.report(gate).sent()).as("nothing twice").isZero();
                        assertThat(again.counts().unreported()).isZero();
                        assertThat(again.recent(10).getFirst().reportedVerdict()).as("the refusal is not reported")
                                .isNull();
                        assertThat(again.recent(10).get(1).reportedVerdict()).isEqualTo("ADMITTED");
                        var rows = back.services().db().dsl().select(GATE_SCAN.RESULT, GATE_SCAN.SCANNED_AT)
                                .from(GATE_SCAN).where(GATE_SCAN.TICKET_ID.eq(paper.ticketId())).fetch();
                        assertThat(rows).hasSize(1);
                        assertThat(rows.getFirst().value1()).isEqualTo("ADMITTED");
                        assertThat(rows.getFirst().value2().toInstant()).as("the time of the admission, not of the sync")
                                .isEqualTo(admitted.at());
                    }
                }
            }
        }
    }

    @Test
    void aStandingTicketEntersOnceIsCountedForItsAreaAndIsRefusedWhileTheAreaIsMarkedFull(@TempDir Path data)
            throws Exception {
        Path terminal = data.resolve("gate-terminal");
        java.nio.file.Files.createDirectories(terminal);
        try (TestCenter center = TestCenter.start(data)) {
            PlatformCenter embedded = center.connection().embeddedCenter().orElseThrow();
            long eventId = GateFixtures.tonightsStanding(embedded.services(), 50);
            CenterSession clerk = center.clerk();
            EventInfo event = clerk.event(eventId);
            String seat = clerk.seatMap(event.venueId(), event.seatMapVersion()).sections().getFirst().rows().get(2)
                    .seats().get(5).id();
            // a mixed basket: one seat and three standing places in one hold and one sale
            long hold = clerk.hold(eventId, java.util.List.of(seat), java.util.Map.of(GateFixtures.PIT, 3)).id();
            var sale = clerk.confirmSale(new ConfirmSale(hold,
                    new Customer(CustomerAuth.WALK_IN, null, null, null),
                    new Payment(PaymentMethod.CASH, null, 100_000L), java.util.List.of()));
            assertThat(sale.tickets()).hasSize(4);
            var standing = sale.tickets().stream().filter(IssuedTicket::generalAdmission).toList();
            assertThat(standing).hasSize(3).allSatisfy(t -> assertThat(t.seatId()).isEqualTo(GateFixtures.PIT));
            assertThat(clerk.areas(eventId).getFirst().remaining()).isEqualTo(47);
            CenterSession gate = center.signIn("gate", "gate-demo");

            try (LedgerStore ledger = LedgerStore.open(terminal, Clock.systemUTC())) {
                GateStation station = GateStation.open(gate, ledger, event, standing.getFirst().gateId(),
                        Clock.systemUTC());
                GateStation.Answer first = station.scanPaper(standing.get(0).encoded());
                assertThat(first.scan().verdict()).as(first.scan().detail()).isEqualTo(Verdict.ADMITTED);
                assertThat(first.seat().standing()).isTrue();
                assertThat(first.seat().section()).isEqualTo("Standing pit");
                assertThat(station.scanPaper(standing.get(0).encoded()).scan().verdict()).isEqualTo(Verdict.ALREADY_USED);
                assertThat(station.areas()).singleElement().satisfies(a -> {
                    assertThat(a.admittedHere()).isEqualTo(1);
                    assertThat(a.capacity()).isEqualTo(50);
                    assertThat(a.full()).isFalse();
                });

                station.markAreaFull(GateFixtures.PIT, true);
                assertThat(station.report(gate).sent()).as("the first admission, and the door mark").isEqualTo(1);
                GateStation.Answer refused = station.scanPaper(standing.get(1).encoded());
                assertThat(refused.scan().verdict()).isEqualTo(Verdict.AREA_FULL);
                assertThat(refused.scan().admitted()).isFalse();
                assertThat(station.areas().getFirst().full()).isTrue();
                assertThat(clerk.areas(eventId).getFirst().doorFull()).as("the center heard of it").isTrue();

                station.markAreaFull(GateFixtures.PIT, false);
                assertThat(station.scanPaper(standing.get(1).encoded()).scan().verdict()).as("the ticket stayed good")
                        .isEqualTo(Verdict.ADMITTED);
                assertThat(station.areas().getFirst().admittedHere()).isEqualTo(2);
                assertThat(station.report(gate).sent()).isEqualTo(1);
                assertThat(clerk.areas(eventId).getFirst().admitted()).as("counted at the center per area").isEqualTo(2);
                assertThat(clerk.areas(eventId).getFirst().doorFull()).as("the door opened again at the center").isFalse();
            }
        }
    }
}
