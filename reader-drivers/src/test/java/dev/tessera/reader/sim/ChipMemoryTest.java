package dev.tessera.reader.sim;

import static dev.tessera.reader.support.SimTap.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.support.SimTap;
import dev.tessera.reader.support.TestTickets;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChipMemoryTest {
    private static final long EVENT = 4711;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final byte[] accessKey = randomBytes(16);
    private final byte[] gateKey = randomBytes(16);

    /** A personalized chip with one ticket on it, saved off the reader and written out as JSON text. */
    private record Saved(ChipInfo chip, Ticket ticket, String json) {}

    private Saved chipWithATicket() throws Exception {
        try (SimTap tap = new SimTap(new SimulatedChip(), "Tessera reader before")) {
            WalletCard card = tap.card();
            card.select();
            card.personalize(randomBytes(8), accessKey, gateKey);
            ChipInfo chip = card.select();
            card.authenticate(KeyRef.ACCESS, accessKey);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Ticket ticket = TestTickets.ticket(chip.chipIdHex(), EVENT, "north", now.minus(1, ChronoUnit.HOURS),
                    now.plus(3, ChronoUnit.HOURS), 1);
            card.write(List.of(TestTickets.sealed(ticket, TestTickets.ISSUER, chip)));
            tap.chip.remove();
            return new Saved(chip, ticket, JSON.writeValueAsString(ChipMemory.save(tap.chip)));
        }
    }

    @Test
    void aRestoredChipIsTheSameCardWithItsTicketAndIsAdmittedAtTheGate() throws Exception {
        Saved saved = chipWithATicket();

        SimulatedChip restored = ChipMemory.restore(JSON.readTree(saved.json()));

        try (SimTap tap = new SimTap(restored, "Tessera reader after");
             GateLog log = GateLog.open(dir.resolve("gate.log"))) {
            ChipInfo info = tap.card().select();
            assertThat(info.chipIdHex()).isEqualTo(saved.chip().chipIdHex());
            assertThat(info.publicKey()).as("the chip's EC key pair").isEqualTo(saved.chip().publicKey());
            WalletCard card = tap.card();
            card.select();
            card.authenticate(KeyRef.ACCESS, accessKey);
            assertThat(card.list()).as("the ticket, unused").singleElement()
                    .satisfies(t -> assertThat(t.used()).isFalse());
            byte[] eventGateKey = ChipSessionCrypto.diversify(gateKey, (byte) 0x04,
                    ByteBuffer.allocate(8).putLong(EVENT).array());
            GateTrust trust = new GateTrust(EVENT, List.of(TestTickets.ISSUER.publicKey()), Set.of(),
                    List.of(new GateChip(saved.chip().chipIdHex(), saved.chip().publicKey(), eventGateKey)), 0);
            GateDecision admitted = new GateVerifier(trust, "north", log, Clock.systemUTC(), Duration.ofMinutes(2))
                    .tap(tap.card());
            assertThat(admitted.verdict()).as("genuine (its private key signs), the gate key opens it: " + admitted.detail())
                    .isEqualTo(Verdict.ADMITTED);
            assertThat(admitted.ticketId()).isEqualTo(saved.ticket().ticketId());
        }
    }

    @Test
    void anImageThatDoesNotFitTheAppletIsRefusedWithThePlaceItFailsAt() throws Exception {
        Saved saved = chipWithATicket();
        ObjectNode shortChipId = (ObjectNode) JSON.readTree(saved.json());
        shortChipId.put("chipId", "00ff");
        ObjectNode noStore = (ObjectNode) JSON.readTree(saved.json());
        noStore.remove("store");
        ObjectNode notHex = (ObjectNode) JSON.readTree(saved.json());
        notHex.put("chipId", "not hex at all!");

        assertThatThrownBy(() -> ChipMemory.restore(shortChipId)).isInstanceOf(ChipMemory.ChipMemoryException.class)
                .hasMessage("applet.chipId has 2 bytes, the chip 8");
        assertThatThrownBy(() -> ChipMemory.restore(noStore)).isInstanceOf(ChipMemory.ChipMemoryException.class)
                .hasMessage("applet.store is missing from the image");
        assertThatThrownBy(() -> ChipMemory.restore(notHex)).isInstanceOf(ChipMemory.ChipMemoryException.class)
                .hasMessageStartingWith("applet.chipId cannot be read: ");
    }
}
