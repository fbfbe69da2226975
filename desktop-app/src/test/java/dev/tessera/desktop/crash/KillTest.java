package dev.tessera.desktop.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ChildJvm;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.ledger.CrashPoints;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the sale pipeline runs in a child JVM that halts itself dead (as kill -9 would) at
 * one named step; a restart recovers. After each: nothing lost, nothing sold twice, no ticket twice on
 * the chip, no hold the journal knows left open.
 */
class KillTest {
    /** Where the selling child dies, and where the first recovering child dies (the second one finishes). */
    record Round(String sellingDiesAt, String recoveringDiesAt) {}

    static final List<Round> ROUNDS = List.of(
            both("register.before"), both("register.after-center"),
            both("hold.before-center"), both("hold.after-center"), both("hold.after-journal"),
            both("ledger.before-commit"), both("ledger.after-commit"),
            both("sale.before-intent"), both("sale.before-center"), both("sale.after-center"), both("sale.after-journal"),
            both("issue.before-write"), both("chip.after-authenticate"), both("issue.after-write"),
            both("issue.after-journal"),
            both("sync.before-push"), both("sync.after-push"), both("sync.after-ack"),
            // the recovery's own steps: a crash left work behind, then the recovery dies while doing it
            new Round("hold.after-journal", "recovery.before-release"),
            new Round("hold.after-journal", "release.before-center"),
            new Round("hold.after-journal", "release.after-journal"),
            new Round("sale.after-center", "recovery.before-journal"));

    private static Round both(String point) {
        return new Round(point, point);
    }

    @TempDir
    Path centerDir;
    @TempDir
    Path terminalDir;

    @Test
    void aSaleKilledAtAnyStepRecoversWithNothingLostAndNothingTwice() throws Exception {

        try (TestCenter center = TestCenter.start(centerDir)) {
            CenterSession clerk = center.clerk();
            EventInfo tempest = center.demoEvent(clerk);
            long memberId = clerk.registerMember("kill-member", "member-password", "Kill Test Member").accountId();
            java.util.Set<String> diedAt = new java.util.TreeSet<>();
            for (Round round : ROUNDS) {
                String point = round.sellingDiesAt() + " / " + round.recoveringDiesAt();
                // a fresh card each round: a chip holds 16 tickets
                SimulatedChip chip = new SimulatedChip();
                String chipId = new ChipDesk(clerk).issueMemberCard(new WalletCard(
                        command -> chip.simulator().transmitCommand(command)), memberId);
                try (ChipServer chips = new ChipServer(chip)) {
                    if (child(center, chips, chipId, "sell", round.sellingDiesAt()) == CrashPoints.EXIT_CODE) {
                        diedAt.add(round.sellingDiesAt());
                    }
                    if (child(center, chips, chipId, "recover", round.recoveringDiesAt()) == CrashPoints.EXIT_CODE) {
                        diedAt.add(round.recoveringDiesAt());
                        assertThat(child(center, chips, chipId, "recover", null)).as("recovery after " + point).isZero();
                    }
                    // else the recovery never reached the step and finished: it was the recovery run (exit 0)
                    check(point, center, clerk, tempest, chip, chipId);
                }
            }
            assertThat(diedAt).as("distinct steps at which a child really died").hasSizeGreaterThanOrEqualTo(20);
        }
    }

    private void check(String point, TestCenter center, CenterSession clerk, EventInfo tempest, SimulatedChip chip,
                       String chipId)
            throws Exception {
        List<SalesLog.Line> log = clerk.salesLog(tempest.id()).lines();
        assertThat(log.stream().map(SalesLog.Line::seatId)).as("no seat sold twice after " + point).doesNotHaveDuplicates();

        List<StoredTicket> onChip = ChipLook.list(new WalletCard(command -> chip.simulator().transmitCommand(command)),
                center.connection().embeddedCenter().orElseThrow());
        List<String> chipTickets = ChipLook.ids(onChip);
        assertThat(chipTickets).as("no ticket twice on the chip after " + point).doesNotHaveDuplicates();
        assertThat(chipTickets).as("the chip holds exactly the center's tickets after " + point)
                .containsExactlyInAnyOrderElementsOf(ChipLook.onCard(chipId, clerk.chipTickets(chipId).tickets().stream()
                        .map(IssuedTicket::ticketId).toList()));

        try (LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            assertThat(ledger.chainIsIntact(terminal)).isTrue();
            assertThat(ledger.pendingCount(terminal)).as("everything synced after " + point).isZero();
            Map<Long, Integer> journaledSales = new HashMap<>();
            List<Long> holds = new ArrayList<>();
            for (LedgerEntry e : ledger.journal(terminal)) {
                JsonNode p = Journal.read(e);
                if (p.path("type").asText().equals("SALE")) {
                    journaledSales.merge(p.path("saleId").asLong(), 1, Integer::sum);
                }
                if (p.path("type").asText().equals("HOLD")) {
                    holds.add(p.path("holdId").asLong());
                }
            }
            assertThat(log.stream().map(SalesLog.Line::saleId).distinct())
                    .as("every sale of the center is in the journal after " + point)
                    .allMatch(journaledSales::containsKey);
            assertThat(journaledSales.values()).as("each sale journaled once after " + point).allMatch(n -> n == 1);
            for (long holdId : holds) {
                assertThat(clerk.holdStatus(holdId).status()).as("hold " + holdId + " after " + point)
                        .isNotEqualTo(dev.tessera.core.model.HoldStatus.ACTIVE);
            }
        }
    }

    private int child(TestCenter center, ChipServer chips, String chipId, String mode, String crashAt) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        if (crashAt != null) {
            options.add("-D" + CrashPoints.PROPERTY + "=" + crashAt);
        }
        Process child = ChildJvm.start(SaleChild.class, options, List.of(center.baseUri().toString(),
                terminalDir.toString(), Integer.toString(chips.port()), chipId, mode),
                builder -> builder.redirectErrorStream(true).redirectOutput(terminalDir.resolve("child.log").toFile()));
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child finished").isTrue();
        int exit = child.exitValue();
        assertThat(exit).as("child " + mode + " at " + crashAt + ": " + java.nio.file.Files.readString(
                terminalDir.resolve("child.log"))).isIn(0, CrashPoints.EXIT_CODE);
        return exit;
    }
}
