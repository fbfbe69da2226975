package dev.tessera.reader.wallet;

import static dev.tessera.reader.applet.WalletProtocol.*;
import static dev.tessera.reader.support.SimTap.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.ticket.IssuerKeyResolver;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.support.SimTap;
import dev.tessera.reader.support.TestTickets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every command, status word and security condition of docs/card-protocol.md, on the in-JVM reader. */
class WalletCardTest {

    private final byte[] chipId = randomBytes(CHIP_ID_LENGTH);
    private final byte[] accessKey = randomBytes(16);
    private final byte[] gateKey = randomBytes(16);
    private SimTap tap;
    private WalletCard card;

    @BeforeEach
    void blankChip() {
        tap = new SimTap();
        card = tap.card();
    }

    @AfterEach
    void close() {
        tap.close();
    }

    private ChipInfo personalized() throws WalletException {
        card.select();
        card.personalize(chipId, accessKey, gateKey);
        return card.select();
    }

    /** A gate session for the tickets' event (4711, TestTickets): the key its gate package would carry. */
    private void gateSession() throws WalletException {
        card.authenticateGate(4711, dev.tessera.core.crypto.ChipSessionCrypto.diversify(gateKey, (byte) 0x04,
                java.nio.ByteBuffer.allocate(8).putLong(4711).array()));
    }

    private int sw(byte[] command) throws WalletException {
        return Apdu.response(tap.transport.transmit(command)).sw();
    }

    private byte[] raw(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        return Apdu.command(cla, ins, p1, p2, data, ne);
    }

    /** A secure command MAC'd with the driver's live session, for malformed-data cases the driver never sends. */
    private int secureSw(int ins, byte[] data) throws WalletException {
        SessionMac mac = card.currentSession();
        byte[] full = mac.mac((byte) ins, (byte) 0, (byte) 0, data);
        byte[] payload = Arrays.copyOf(data, data.length + MAC_LENGTH);
        System.arraycopy(full, 0, payload, data.length, MAC_LENGTH);
        // MARK USED and LOCK answer no data, so they take no Le (§4)
        int ne = ins == INS_MARK_USED || ins == INS_LOCK ? 0 : 256;
        int sw = sw(raw(CLA_SECURE, ins, 0, 0, payload, ne));
        mac.accepted(full);
        return sw;
    }

    private static void assertRefused(ThrowingCall call, short sw) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CardRefusedException.class,
                e -> assertThat(e.sw()).as(e.getMessage()).isEqualTo(sw & 0xFFFF));
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    // ---- SELECT, GET INFO, PERSONALIZE ----

    @Test
    void aBlankChipAnswersSelectWithItsInfo() throws Exception {
        ChipInfo info = card.select();
        assertThat(info.blank()).isTrue();
        assertThat(info.appVersion()).isEqualTo(APP_VERSION);
        assertThat(info.capacity()).isEqualTo(CAPACITY);
        assertThat(info.freeSlots()).isEqualTo(CAPACITY);
        assertThat(info.slotSize()).isEqualTo(SLOT_SIZE);
        assertThat(info.extendedLength()).isTrue();
        assertThat(info.chipId()).isEmpty();
        assertThat(info.publicKey()).isEmpty();
        assertThat(card.info()).isEqualTo(info);
    }

    @Test
    void personalizationGeneratesTheKeyOnCardAndHappensOnce() throws Exception {
        card.select();
        byte[] publicKey = card.personalize(chipId, accessKey, gateKey);
        assertThat(ChipKeys.isValidPublicKey(publicKey)).isTrue();
        ChipInfo info = card.info();
        assertThat(info.personalized()).isTrue();
        assertThat(info.chipId()).isEqualTo(chipId);
        assertThat(info.publicKey()).isEqualTo(publicKey);
        assertThat(info.authTriesLeft()).isEqualTo(MAX_AUTH_TRIES);
        assertRefused(() -> card.personalize(chipId, accessKey, gateKey), SW_CONDITIONS_NOT_SATISFIED);
        assertThat(sw(raw(CLA_PLAIN, INS_PERSONALIZE, 0, 0, new byte[39], 256))).isEqualTo(SW_CONDITIONS_NOT_SATISFIED & 0xFFFF);
    }

    @Test
    void personalizeWithTheWrongLengthIsRefused() throws Exception {
        card.select();
        assertThat(sw(raw(CLA_PLAIN, INS_PERSONALIZE, 0, 0, new byte[39], 256))).isEqualTo(SW_WRONG_LENGTH & 0xFFFF);
        assertThat(card.info().blank()).isTrue();
    }

    @Test
    void aBlankChipRefusesEverythingButInfoAndPersonalize() throws Exception {
        card.select();
        assertRefused(card::list, SW_CONDITIONS_NOT_SATISFIED);
        assertRefused(() -> card.authenticate(KeyRef.ACCESS, accessKey), SW_CONDITIONS_NOT_SATISFIED);
        assertRefused(() -> card.internalAuthenticate(randomBytes(32)), SW_CONDITIONS_NOT_SATISFIED);
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, 0, 0, null, 256))).isEqualTo(SW_CONDITIONS_NOT_SATISFIED & 0xFFFF);
        assertThat(sw(raw(CLA_SECURE, INS_WRITE_TICKETS, 0, 0, new byte[12], 256))).isEqualTo(SW_CONDITIONS_NOT_SATISFIED & 0xFFFF);
    }

    // ---- classes, instructions, chaining ----

    @Test
    void unknownInstructionsAndClassesAreRefused() throws Exception {
        personalized();
        assertThat(sw(raw(CLA_PLAIN, 0x42, 0, 0, null, 256))).isEqualTo(SW_INS_NOT_SUPPORTED & 0xFFFF);
        assertThat(sw(raw(0xA0, INS_GET_INFO, 0, 0, null, 256))).isEqualTo(SW_CLA_NOT_SUPPORTED & 0xFFFF);
        assertThat(sw(raw(CLA_SECURE, INS_GET_INFO, 0, 0, null, 256))).isEqualTo(SW_CLA_NOT_SUPPORTED & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN | CLA_CHAINING_BIT, INS_LIST_TICKETS, 0, 0, null, 256)))
                .isEqualTo(SW_CHAINING_NOT_SUPPORTED & 0xFFFF);
    }

    @Test
    void anInterruptedWriteChainIsRefusedAndEndsTheSession() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(sw(raw(CLA_SECURE | CLA_CHAINING_BIT, INS_WRITE_TICKETS, 0, 0, new byte[] {1, 0, 0}, 0))).isEqualTo(0x9000);
        assertThat(sw(raw(CLA_PLAIN, INS_LIST_TICKETS, 0, 0, null, 256))).isEqualTo(SW_LAST_COMMAND_EXPECTED & 0xFFFF);
        assertThat(sw(raw(CLA_SECURE, INS_MARK_USED, 0, 0, new byte[26], 0))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_LIST_TICKETS, 0, 0, null, 256))).as("the session ended: no LIST")
                .isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(card.list()).isEmpty();
        assertThat(info.freeSlots()).isEqualTo(CAPACITY);
    }

    // ---- mutual authentication, try counter, LOCKED ----

    @ParameterizedTest
    @EnumSource(KeyRef.class)
    void bothKeysAuthenticate(KeyRef key) throws Exception {
        personalized();
        if (key == KeyRef.ACCESS) {
            card.authenticate(key, accessKey);
        } else {
            gateSession();
        }
        assertThat(card.authenticated()).isTrue();
        assertThat(card.sessionKey()).isEqualTo(key);
    }

    @Test
    void aTerminalWithTheWrongKeyNoticesBeforeItSendsItsCryptogram() throws Exception {
        personalized();
        assertThatThrownBy(() -> card.authenticate(KeyRef.ACCESS, gateKey)).isInstanceOf(CardProtocolException.class)
                .hasMessageContaining("does not hold this ACCESS key");
        assertThat(card.info().authTriesLeft()).isEqualTo(MAX_AUTH_TRIES);
    }

    @Test
    void wrongCryptogramsCountDownThenLockTheChip() throws Exception {
        personalized();
        for (int left = MAX_AUTH_TRIES - 1; left >= 1; left--) {
            assertThat(sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, KEY_ACCESS, randomBytes(8), 256))).isEqualTo(0x9000);
            int sw = sw(raw(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, randomBytes(8), 0));
            assertThat(sw).isEqualTo(0x63C0 | left);
            assertThat(StatusWord.of(sw)).isEqualTo(StatusWord.AUTH_FAILED);
        }
        sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, KEY_ACCESS, randomBytes(8), 256));
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, randomBytes(8), 0))).isEqualTo(SW_AUTH_BLOCKED & 0xFFFF);
        assertThat(card.info().locked()).isTrue();
        assertRefused(() -> card.authenticate(KeyRef.ACCESS, accessKey), SW_AUTH_BLOCKED);
        assertRefused(card::list, SW_CONDITIONS_NOT_SATISFIED);
    }

    @Test
    void aRightAuthenticationResetsTheTryCounter() throws Exception {
        personalized();
        sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, KEY_ACCESS, randomBytes(8), 256));
        sw(raw(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, randomBytes(8), 0));
        assertThat(card.info().authTriesLeft()).isEqualTo(MAX_AUTH_TRIES - 1);
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(card.info().authTriesLeft()).isEqualTo(MAX_AUTH_TRIES);
    }

    @Test
    void authenticationCommandsCheckTheirParameters() throws Exception {
        personalized();
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, randomBytes(8), 0))).isEqualTo(SW_CONDITIONS_NOT_SATISFIED & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, 3, randomBytes(8), 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_INIT, 1, KEY_ACCESS, randomBytes(8), 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, KEY_ACCESS, randomBytes(7), 256))).isEqualTo(SW_WRONG_LENGTH & 0xFFFF);
        sw(raw(CLA_PLAIN, INS_AUTH_INIT, 0, KEY_ACCESS, randomBytes(8), 256));
        assertThat(sw(raw(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, randomBytes(9), 0))).isEqualTo(SW_WRONG_LENGTH & 0xFFFF);
    }

    @Test
    void lockIsFinalAndNeedsTheAccessKey() throws Exception {
        personalized();
        gateSession();
        assertRefused(card::lock, SW_SECURITY_NOT_SATISFIED);
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.lock();
        ChipInfo info = card.select();
        assertThat(info.locked()).isTrue();
        assertThat(info.chipId()).isEqualTo(chipId);
        assertRefused(() -> card.authenticate(KeyRef.ACCESS, accessKey), SW_AUTH_BLOCKED);
        assertRefused(() -> card.internalAuthenticate(randomBytes(32)), SW_CONDITIONS_NOT_SATISFIED);
        assertRefused(() -> card.personalize(chipId, accessKey, gateKey), SW_CONDITIONS_NOT_SATISFIED);
    }

    // ---- secure messaging ----

    @Test
    void secureCommandsNeedASessionAndTheSecureClass() throws Exception {
        personalized();
        assertRefused(() -> card.write(List.of(TestTickets.sealedFor(card.lastInfo()))), SW_SECURITY_NOT_SATISFIED);
        assertThat(sw(raw(CLA_SECURE, INS_DELETE_TICKETS, 0, 0, new byte[25], 256))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(sw(raw(CLA_PLAIN, INS_MARK_USED, 0, 0, new byte[26], 0))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_WRITE_TICKETS, 0, 0, new byte[30], 0))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
    }

    @Test
    void theGateKeyMayOnlyMarkUsedAndAgree() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        var ticket = TestTickets.sealedFor(info);
        card.write(List.of(ticket));
        gateSession();
        assertRefused(() -> card.write(List.of(TestTickets.sealedFor(info))), SW_SECURITY_NOT_SATISFIED);
        assertRefused(() -> card.delete(List.of(ticket.ticketId())), SW_SECURITY_NOT_SATISFIED);
        assertThat(card.authenticated()).as("a refused key leaves the session open").isTrue();
        byte[] opened = ChipEnvelope.open(ticket.envelope(), chipId, card.agent());
        assertThat(TicketCodec.decodeAndVerify(opened, IssuerKeyResolver.of(TestTickets.ISSUER.publicKey())).ticket()
                .ticketId()).isEqualTo(ticket.ticketId());
        card.markUsed(ticket.ticketId(), 1);
        assertThat(card.list().getFirst().used()).isTrue();
    }

    @Test
    void aWrongMacClosesTheSession() throws Exception {
        personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] data = new byte[1 + 16 + MAC_LENGTH];
        data[0] = 1;
        assertThat(sw(raw(CLA_SECURE, INS_DELETE_TICKETS, 0, 0, data, 256))).isEqualTo(SW_MAC_INVALID & 0xFFFF);
        assertThat(sw(raw(CLA_SECURE, INS_DELETE_TICKETS, 0, 0, data, 256))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
    }

    @Test
    void aSecureCommandWithoutRoomForAMacIsRefused() throws Exception {
        personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(sw(raw(CLA_SECURE, INS_DELETE_TICKETS, 0, 0, new byte[3], 256))).isEqualTo(SW_MAC_MISSING & 0xFFFF);
    }

    @Test
    void aReplayedCommandFailsTheMacChain() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        List<byte[]> sent = new ArrayList<>();
        WalletCard recording = new WalletCard(c -> {
            sent.add(c);
            return tap.transport.transmit(c);
        });
        recording.select();
        recording.authenticate(KeyRef.ACCESS, accessKey);
        var ticket = TestTickets.sealedFor(info);
        recording.write(List.of(ticket));
        recording.delete(List.of(ticket.ticketId()));
        byte[] delete = sent.getLast();
        recording.write(List.of(ticket));
        assertThat(sw(delete)).as("the same DELETE again").isEqualTo(SW_MAC_INVALID & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(card.list()).hasSize(1);
    }

    @Test
    void theSessionEndsWithDeselection() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        tap.retap();
        WalletCard again = tap.card();
        again.select();
        SessionMac stale = card.currentSession();
        byte[] data = new byte[17];
        data[0] = 1;
        byte[] full = stale.mac(INS_DELETE_TICKETS, (byte) 0, (byte) 0, data);
        byte[] payload = Arrays.copyOf(data, 25);
        System.arraycopy(full, 0, payload, 17, 8);
        assertThat(sw(raw(CLA_SECURE, INS_DELETE_TICKETS, 0, 0, payload, 256))).isEqualTo(SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        assertThat(info.personalized()).isTrue();
    }

    // ---- WRITE, LIST, READ, DELETE, MARK USED ----

    @ParameterizedTest
    @EnumSource(WalletCard.LengthMode.class)
    void severalTicketsGoOnInOneCommandAndReadBackExactly(WalletCard.LengthMode mode) throws Exception {
        card = tap.card(mode);
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        List<dev.tessera.reader.wallet.ChipTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(TestTickets.sealedFor(info));
        }
        assertThat(card.write(tickets)).isEqualTo(CAPACITY - 4);
        List<StoredTicket> stored = card.list();
        assertThat(stored).extracting(StoredTicket::cardTicketId).containsExactlyElementsOf(
                tickets.stream().map(t -> card.cardTicketId(t.ticketId())).toList());
        for (int i = 0; i < 4; i++) {
            assertThat(stored.get(i).state()).isEqualTo(SLOT_VALID);
            assertThat(stored.get(i).version()).isEqualTo(1);
            assertThat(card.read(stored.get(i))).isEqualTo(tickets.get(i).envelope());
        }
        assertThat(card.info().freeSlots()).isEqualTo(CAPACITY - 4);
    }

    @Test
    void aLargeEnvelopeIsReadInPiecesWithShortApdus() throws Exception {
        card = tap.card(WalletCard.LengthMode.SHORT);
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        var big = new ChipTicket(UUID.randomUUID(), 1, 4711, randomBytes(SLOT_SIZE));
        card.write(List.of(big));
        assertThat(card.read(card.list().getFirst())).isEqualTo(big.envelope());
        assertThat(info.freeSlots()).isEqualTo(CAPACITY);
    }

    @Test
    void listingPagesThroughAFullChip() throws Exception {
        personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        List<dev.tessera.reader.wallet.ChipTicket> tickets = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            tickets.add(new ChipTicket(UUID.randomUUID(), 1, 4711, randomBytes(40)));
        }
        card.write(tickets.subList(0, 8));
        card.write(tickets.subList(8, 16));
        assertThat(card.list()).hasSize(CAPACITY);
        assertRefused(() -> card.write(List.of(new ChipTicket(UUID.randomUUID(), 1, 4711,
                randomBytes(40)))), SW_NO_FREE_SLOT);
        assertThat(card.authenticated()).as("a WRITE refused after its MAC verified keeps the session (§4.5)").isTrue();
        assertThat(card.delete(List.of(tickets.getFirst().ticketId()))).isEqualTo(1);
    }

    @Test
    void writingIsIdempotentAndNeverGoesBackAVersion() throws Exception {
        personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        UUID id = UUID.randomUUID();
        card.write(List.of(new ChipTicket(id, 2, 4711, randomBytes(50))));
        card.write(List.of(new ChipTicket(id, 2, 4711, randomBytes(50))));
        assertThat(card.list()).hasSize(1);
        assertRefused(() -> card.write(List.of(new ChipTicket(id, 1, 4711, randomBytes(50)))),
                SW_NEWER_VERSION_PRESENT);
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] v3 = randomBytes(60);
        card.write(List.of(new ChipTicket(id, 3, 4711, v3)));
        List<StoredTicket> stored = card.list();
        assertThat(stored).singleElement().satisfies(t -> assertThat(t.version()).isEqualTo(3));
        assertThat(card.read(stored.getFirst())).isEqualTo(v3);
        assertThat(card.info().freeSlots()).isEqualTo(CAPACITY - 1);
    }

    @Test
    void malformedWriteStreamsAreRefused() throws Exception {
        personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        UUID id = UUID.randomUUID();
        byte[] zeroCount = {0};
        assertThat(secureSw(INS_WRITE_TICKETS, zeroCount)).isEqualTo(SW_WRONG_DATA & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] oversized = java.nio.ByteBuffer.allocate(21).put((byte) 1).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).putShort((short) 1).putShort((short) (SLOT_SIZE + 1)).array();
        assertThat(secureSw(INS_WRITE_TICKETS, oversized)).isEqualTo(SW_WRONG_DATA & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] truncated = java.nio.ByteBuffer.allocate(25).put((byte) 1).putLong(1).putLong(2).putShort((short) 1)
                .putShort((short) 10).array();
        assertThat(secureSw(INS_WRITE_TICKETS, truncated)).as("short stream").isEqualTo(SW_WRONG_DATA & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(sw(raw(CLA_SECURE, INS_WRITE_TICKETS, 1, 0, new byte[30], 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        card.authenticate(KeyRef.ACCESS, accessKey);
        var twice = new ChipTicket(id, 1, 4711, randomBytes(30));
        assertRefused(() -> card.write(List.of(twice, twice)), SW_WRONG_DATA);
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] trailing = java.nio.ByteBuffer.allocate(22 + 8 + 3).put((byte) 1).putLong(1).putLong(2).putShort((short) 1)
                .putShort((short) 1).put((byte) 7).array();
        assertThat(secureSw(INS_WRITE_TICKETS, trailing)).as("bytes after the last entry").isEqualTo(SW_WRONG_DATA & 0xFFFF);
        assertThat(card.list()).isEmpty();
    }

    @Test
    void deleteNullifiesAllOrNothing() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        var a = TestTickets.sealedFor(info);
        var b = TestTickets.sealedFor(info);
        card.write(List.of(a, b));
        assertRefused(() -> card.delete(List.of(a.ticketId(), UUID.randomUUID())), SW_NOT_FOUND);
        assertThat(card.list()).hasSize(2);
        assertThat(card.delete(List.of(a.ticketId()))).isEqualTo(CAPACITY - 1);
        assertThat(card.list()).extracting(StoredTicket::cardTicketId).containsExactly(card.cardTicketId(b.ticketId()));
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, 0, 0, null, 256))).as("the freed slot").isEqualTo(SW_NOT_FOUND & 0xFFFF);
        assertThat(secureSw(INS_DELETE_TICKETS, new byte[] {2, 1})).isEqualTo(SW_WRONG_DATA & 0xFFFF);
    }

    @Test
    void markUsedOnceThenRefuses() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        var t = TestTickets.sealedFor(info);
        card.write(List.of(t));
        assertRefused(() -> card.markUsed(t.ticketId(), 2), SW_NOT_FOUND);
        assertRefused(() -> card.markUsed(UUID.randomUUID(), 1), SW_NOT_FOUND);
        card.markUsed(t.ticketId(), 1);
        assertRefused(() -> card.markUsed(t.ticketId(), 1), SW_TICKET_ALREADY_USED);
        assertThat(card.authenticated()).isTrue();
        assertThat(card.list().getFirst().state()).isEqualTo(SLOT_USED);
        assertThat(secureSw(INS_MARK_USED, new byte[5])).isEqualTo(SW_WRONG_DATA & 0xFFFF);
    }

    @Test
    void readAndListCheckTheirParameters() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.write(List.of(TestTickets.sealedFor(info)));
        assertThat(sw(raw(CLA_PLAIN, INS_LIST_TICKETS, CAPACITY, 0, null, 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_LIST_TICKETS, 0, 1, null, 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, CAPACITY, 0, null, 256))).isEqualTo(SW_WRONG_P1P2 & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, 1, 0, null, 256))).isEqualTo(SW_NOT_FOUND & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, 0, 0, new byte[] {0x7F, 0}, 256))).isEqualTo(SW_WRONG_DATA & 0xFFFF);
        assertThat(sw(raw(CLA_PLAIN, INS_READ_TICKET, 0, 0, new byte[] {1}, 256))).isEqualTo(SW_WRONG_LENGTH & 0xFFFF);
    }

    // ---- INTERNAL AUTHENTICATE, KEY AGREEMENT ----

    @Test
    void internalAuthenticateProvesTheChipHoldsItsKey() throws Exception {
        ChipInfo info = personalized();
        assertThat(card.proveGenuine(info.publicKey())).isTrue();
        assertThat(card.proveGenuine(ChipKeys.generate(SimTap.RANDOM).publicKeySec1())).isFalse();
        byte[] challenge = randomBytes(16);
        byte[] signature = card.internalAuthenticate(challenge);
        assertThat(ChipSignatures.verify(info.publicKey(), chipId, challenge, signature)).isTrue();
        assertThat(ChipSignatures.verify(info.publicKey(), randomBytes(8), challenge, signature)).isFalse();
        assertRefused(() -> card.internalAuthenticate(randomBytes(15)), SW_WRONG_LENGTH);
        assertRefused(() -> card.internalAuthenticate(randomBytes(65)), SW_WRONG_LENGTH);
    }

    @Test
    void keyAgreementNeedsASessionAndAPointOnTheCurve() throws Exception {
        ChipInfo info = personalized();
        var t = TestTickets.sealedFor(info);
        assertThatThrownBy(() -> ChipEnvelope.open(t.envelope(), chipId, card.agent()))
                .isInstanceOf(WalletCard.AgentFailure.class)
                .satisfies(e -> assertThat(((WalletCard.AgentFailure) e).getCause()).isInstanceOf(CardRefusedException.class));
        card.authenticate(KeyRef.ACCESS, accessKey);
        assertThat(ChipEnvelope.open(t.envelope(), chipId, card.agent())).isNotEmpty();
        // jCardSim does not check that the point is on the curve (a real card's ECDH should): see card-protocol §4.7
        byte[] notUncompressed = new byte[65];
        notUncompressed[0] = 5;
        assertThat(secureSw(INS_KEY_AGREEMENT, notUncompressed)).isEqualTo(SW_WRONG_DATA & 0xFFFF);
        assertThat(secureSw(INS_KEY_AGREEMENT, new byte[33])).isEqualTo(SW_WRONG_DATA & 0xFFFF);
        assertThat(ChipEnvelope.open(t.envelope(), chipId, card.agent())).as("session still up").isNotEmpty();
    }

    @Test
    void theChipSecretMatchesSoftwareEcdh() throws Exception {
        ChipInfo info = personalized();
        card.authenticate(KeyRef.ACCESS, accessKey);
        ChipKeys ephemeral = ChipKeys.generate(SimTap.RANDOM);
        byte[] fromChip = card.agree(ephemeral.publicKeySec1());
        byte[] inSoftware = dev.tessera.core.crypto.SharedSecretAgent.software(ephemeral.privateScalar())
                .agree(info.publicKey());
        assertThat(fromChip).isEqualTo(inSoftware);
    }

    // ---- logging ----

    @Test
    void theApduLogNeverShowsKeys() throws Exception {
        List<String> lines = new ArrayList<>();
        WalletCard logged = new WalletCard(new ApduLog(tap.transport, lines::add));
        logged.select();
        logged.personalize(chipId, accessKey, gateKey);
        ChipInfo info = logged.select();
        logged.authenticate(KeyRef.ACCESS, accessKey);
        var t = TestTickets.sealedFor(info);
        logged.write(List.of(t));
        byte[] secret = logged.agree(ChipKeys.generate(SimTap.RANDOM).publicKeySec1());
        String log = String.join("\n", lines).toLowerCase();
        assertThat(lines).hasSizeGreaterThan(8);
        assertThat(log).doesNotContain(HexFormat.of().formatHex(accessKey)).doesNotContain(HexFormat.of().formatHex(gateKey))
                .doesNotContain(HexFormat.of().formatHex(secret).substring(0, 16))
                .contains(HexFormat.of().formatHex(chipId)).contains("redacted");
    }
}
