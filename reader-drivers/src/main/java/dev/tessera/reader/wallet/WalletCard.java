package dev.tessera.reader.wallet;

import static dev.tessera.reader.applet.WalletProtocol.*;

import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.crypto.SharedSecretAgent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The wallet card driver: every command of docs/card-protocol.md as a method, over a {@link CardTransport}.
 * Not thread-safe: one tap, one thread (the reader's own thread serializes the PC/SC calls underneath).
 */
public final class WalletCard {

    public static final byte[] AID = HexFormat.of().parseHex("F054535241574C01");
    /**
     * Status words a secure command can only get after its MAC verified (§4.5): the card keeps the session and has
     * taken the MAC as its chaining value. 6987, 6988 and 6883 close the session; the rest come before the MAC.
     */
    private static final int[] SESSION_KEPT = {SW_OK & 0xFFFF, SW_WRONG_DATA & 0xFFFF, SW_NO_FREE_SLOT & 0xFFFF,
            SW_NOT_FOUND & 0xFFFF, SW_NEWER_VERSION_PRESENT & 0xFFFF, SW_TICKET_ALREADY_USED & 0xFFFF};
    /** Ne 65,536: an extended Le of 00 00, "as much as there is" (a Java Card reads it as 32,767). */
    private static final int EXTENDED_NE_ALL = 65_536;

    /** How multi-ticket writes travel: one extended-length APDU, or a chain of short ones (§4.10). */
    public enum LengthMode { EXTENDED, SHORT }

    private final CardTransport transport;
    private final SecureRandom random;
    private LengthMode lengthMode;
    private SessionMac session;
    private KeyRef sessionKey;
    private ChipInfo info;

    public WalletCard(CardTransport transport, LengthMode lengthMode, SecureRandom random) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.lengthMode = Objects.requireNonNull(lengthMode, "lengthMode");
        this.random = Objects.requireNonNull(random, "random");
    }

    public WalletCard(CardTransport transport) {
        this(transport, LengthMode.EXTENDED, new SecureRandom());
    }

    public LengthMode lengthMode() {
        return lengthMode;
    }

    /** SELECT by AID; the answer is the GET INFO block, so one round trip tells the chip id and free slots. */
    public ChipInfo select() throws WalletException {
        session = null;
        sessionKey = null;
        byte[] response = expect("SELECT", Apdu.command(CLA_ISO, INS_SELECT, 0x04, 0x00, AID, 256));
        info = ChipInfo.parse(response);
        if (!info.extendedLength()) {
            lengthMode = LengthMode.SHORT;
        }
        return info;
    }

    public ChipInfo info() throws WalletException {
        info = ChipInfo.parse(expect("GET INFO", Apdu.command(CLA_PLAIN, INS_GET_INFO, 0, 0, null, 256)));
        return info;
    }

    /** The info from the last SELECT or GET INFO, without a round trip. */
    public ChipInfo lastInfo() {
        if (info == null) {
            throw new IllegalStateException("SELECT the wallet first");
        }
        return info;
    }

    /**
     * PERSONALIZE, once per chip: the chip generates its P-256 key pair on-card and stores the two diversified keys.
     *
     * @return the chip's public key, SEC1 uncompressed
     */
    public byte[] personalize(byte[] chipId, byte[] accessKey, byte[] gateKey) throws WalletException {
        requireLength(chipId, CHIP_ID_LENGTH, "chip id");
        requireLength(accessKey, AES_KEY_LENGTH, "access key");
        requireLength(gateKey, AES_KEY_LENGTH, "gate key");
        byte[] data = concat(chipId, accessKey, gateKey);
        try {
            byte[] publicKey = expect("PERSONALIZE", Apdu.command(CLA_PLAIN, INS_PERSONALIZE, 0, 0, data, 256));
            if (publicKey.length != PUBLIC_KEY_LENGTH || publicKey[0] != 0x04) {
                throw new CardProtocolException("PERSONALIZE returned " + publicKey.length + " bytes, not a P-256 point");
            }
            return publicKey;
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * AUTH INIT + AUTH VERIFY with the chip's static key held here: offline gates (their gate package) and the
     * holder's own tools. Counter terminals use {@link #authenticate(KeyRef, SessionAuthority)}.
     *
     * @throws CardProtocolException if the card's cryptogram is wrong: the card does not hold this key
     */
    public void authenticate(KeyRef key, byte[] chipKey) throws WalletException {
        if (key == KeyRef.GATE) {
            throw new IllegalArgumentException("a gate session names its event: authenticateGate(eventId, key)");
        }
        authenticate(key, new byte[0], withKey(chipKey));
    }

    /**
     * A gate session for one event (docs/card-protocol.md §4.4, §7): AUTH INIT names the event, the card keys the
     * session with the event's gate key and shows it only that event's tickets. {@code eventGateKey} is the key of
     * the event's gate package, AES-CMAC(chip gate key, 04 ‖ event id).
     */
    public void authenticateGate(long eventId, byte[] eventGateKey) throws WalletException {
        authenticate(KeyRef.GATE, eventIdBytes(eventId), withKey(eventGateKey));
    }

    /** A gate session for one event, opened by the center (POST /api/chip-sessions, purpose GATE). */
    public void authenticateGate(long eventId, SessionAuthority authority) throws WalletException {
        authenticate(KeyRef.GATE, eventIdBytes(eventId), authority);
    }

    private static byte[] eventIdBytes(long eventId) {
        return ByteBuffer.allocate(EVENT_ID_LENGTH).putLong(eventId).array();
    }

    private static SessionAuthority withKey(byte[] chipKey) {
        requireLength(chipKey, AES_KEY_LENGTH, "chip key");
        byte[] staticKey = chipKey.clone();
        return (chipId, ref, hostChallenge, answer) -> {
            byte[] cardChallenge = Arrays.copyOf(answer, CHALLENGE_LENGTH);
            byte[] sessionMacKey = ChipSessionCrypto.sessionMacKey(staticKey, hostChallenge, cardChallenge);
            if (!MessageDigest.isEqual(ChipSessionCrypto.cardCryptogram(sessionMacKey, hostChallenge, cardChallenge),
                    Arrays.copyOfRange(answer, CHALLENGE_LENGTH, answer.length))) {
                throw new CardProtocolException("the card's cryptogram is wrong: it does not hold this " + ref + " key");
            }
            return new SessionAuthority.Grant(ChipSessionCrypto.hostCryptogram(sessionMacKey, hostChallenge, cardChallenge),
                    sessionMacKey);
        };
    }

    /**
     * AUTH INIT + AUTH VERIFY with the key held by an authority (the center): the terminal relays RND.H and the
     * card's answer, and gets back the host cryptogram and this session's MAC key only (docs/card-protocol.md §7).
     * The card cryptogram is checked once more here against the session key, so a grant that does not fit the
     * card never reaches AUTH VERIFY.
     */
    public void authenticate(KeyRef key, SessionAuthority authority) throws WalletException {
        if (key == KeyRef.GATE) {
            throw new IllegalArgumentException("a gate session names its event: authenticateGate(eventId, authority)");
        }
        authenticate(key, new byte[0], authority);
    }

    private void authenticate(KeyRef key, byte[] scope, SessionAuthority authority) throws WalletException {
        Objects.requireNonNull(authority, "authority");
        String chipId = info == null ? null : info.chipIdHex();
        session = null;
        sessionKey = null;
        byte[] hostChallenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(hostChallenge);
        byte[] answer = expect("AUTH INIT", Apdu.command(CLA_PLAIN, INS_AUTH_INIT, 0, key.p2(),
                concat(hostChallenge, scope), 256));
        if (answer.length != CHALLENGE_LENGTH + CRYPTOGRAM_LENGTH) {
            throw new CardProtocolException("AUTH INIT returned " + answer.length + " bytes");
        }
        SessionAuthority.Grant grant = authority.open(chipId, key, hostChallenge.clone(), answer.clone());
        requireLength(grant.sessionMacKey(), AES_KEY_LENGTH, "session key");
        SessionMac candidate = SessionMac.fromSessionKey(grant.sessionMacKey(), hostChallenge,
                Arrays.copyOf(answer, CHALLENGE_LENGTH));
        byte[] hostCryptogram = candidate.hostCryptogram();
        if (!MessageDigest.isEqual(candidate.cardCryptogram(), Arrays.copyOfRange(answer, CHALLENGE_LENGTH, answer.length))
                || !MessageDigest.isEqual(hostCryptogram, grant.hostCryptogram())) {
            throw new CardProtocolException("the session granted for this card does not fit its answer");
        }
        expect("AUTH VERIFY", Apdu.command(CLA_PLAIN, INS_AUTH_VERIFY, 0, 0, hostCryptogram, 0));
        session = candidate;
        sessionKey = key;
    }

    /** The live session's MAC chain, for tests that craft raw secure commands. */
    SessionMac currentSession() {
        return session;
    }

    public boolean authenticated() {
        return session != null;
    }

    public KeyRef sessionKey() {
        return sessionKey;
    }

    /** INTERNAL AUTHENTICATE: the chip's ECDSA P-256 signature over 'TIA1' ‖ chip id ‖ challenge (DER). */
    public byte[] internalAuthenticate(byte[] challenge) throws WalletException {
        return expect("INTERNAL AUTHENTICATE",
                Apdu.command(CLA_PLAIN, INS_INTERNAL_AUTHENTICATE, 0, 0, challenge, 256));
    }

    /**
     * A fresh challenge signed by the chip and checked against the public key the chip presented (or the one a
     * registry expects): a copy without the private key cannot answer.
     */
    public boolean proveGenuine(byte[] expectedPublicKey) throws WalletException {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        byte[] signature = internalAuthenticate(challenge);
        return ChipSignatures.verify(expectedPublicKey, lastInfo().chipId(), challenge, signature);
    }

    /**
     * The id {@code ticketId} has on the selected chip (§4.10, {@link CardTicketIds}): what LIST shows and WRITE,
     * DELETE and MARK USED name.
     */
    public UUID cardTicketId(UUID ticketId) {
        return CardTicketIds.of(lastInfo().chipId(), ticketId);
    }

    /**
     * LIST TICKETS, every page, in a session (1.2: a keyless reader gets {@code 6982}): one APDU with an extended
     * Le, up to 11 entries a page with a short one. A gate session lists its event's tickets only.
     */
    public List<StoredTicket> list() throws WalletException {
        List<StoredTicket> tickets = new ArrayList<>();
        int next = 0;
        int ne = lengthMode == LengthMode.EXTENDED ? EXTENDED_NE_ALL : 256;
        while (next >= 0 && next < CAPACITY) {
            byte[] page = expect("LIST TICKETS", Apdu.command(CLA_PLAIN, INS_LIST_TICKETS, next, 0, null, ne));
            if (page.length < 1 || (page.length - 1) % LIST_ENTRY_LENGTH != 0) {
                throw new CardProtocolException("LIST TICKETS page of " + page.length + " bytes");
            }
            ByteBuffer in = ByteBuffer.wrap(page);
            int following = in.get() & 0xFF;
            while (in.hasRemaining()) {
                int slot = in.get();
                int state = in.get();
                UUID id = new UUID(in.getLong(), in.getLong());
                tickets.add(new StoredTicket(slot, state, id, in.getShort() & 0xFFFF, in.getShort() & 0xFFFF));
            }
            if (following != 0xFF && following <= next) {
                // a card whose pages do not move forward would keep the counter listing forever
                throw new CardProtocolException("LIST TICKETS page " + next + " points back to page " + following);
            }
            next = following == 0xFF ? -1 : following;
        }
        return tickets;
    }

    /** READ TICKET: the stored envelope, in as many pieces as the length mode needs. */
    public byte[] read(StoredTicket ticket) throws WalletException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ticket.length());
        while (out.size() < ticket.length()) {
            int offset = out.size();
            byte[] from = offset == 0 ? null : new byte[] {(byte) (offset >> 8), (byte) offset};
            int ne = lengthMode == LengthMode.EXTENDED ? ticket.length() - offset : Math.min(256, ticket.length() - offset);
            byte[] piece = expect("READ TICKET", Apdu.command(CLA_PLAIN, INS_READ_TICKET, ticket.slot(), 0, from, ne));
            if (piece.length == 0) {
                throw new CardProtocolException("READ TICKET returned nothing at offset " + offset);
            }
            out.write(piece, 0, piece.length);
        }
        return out.toByteArray();
    }

    /**
     * WRITE TICKETS in one command: one extended APDU, or a chain of short ones. The batch is atomic on the chip;
     * a ticket already there in the same version is skipped, an older version is replaced.
     *
     * @return the free slots left
     */
    public int write(List<ChipTicket> tickets) throws WalletException {
        if (tickets.isEmpty() || tickets.size() > CAPACITY) {
            throw new IllegalArgumentException("write 1.." + CAPACITY + " tickets at a time, not " + tickets.size());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(tickets.size());
        for (ChipTicket t : tickets) {
            byte[] envelope = t.envelope();
            if (envelope.length > SLOT_SIZE) {
                throw new IllegalArgumentException(t + " exceeds the slot size " + SLOT_SIZE);
            }
            UUID onCard = cardTicketId(t.ticketId());
            ByteBuffer header = ByteBuffer.allocate(ENTRY_HEADER_LENGTH)
                    .putLong(onCard.getMostSignificantBits()).putLong(onCard.getLeastSignificantBits())
                    .putShort((short) t.version()).putShort((short) envelope.length).putLong(t.eventId());
            body.write(header.array(), 0, ENTRY_HEADER_LENGTH);
            body.write(envelope, 0, envelope.length);
        }
        byte[] data = body.toByteArray();
        SessionMac mac = requireSession("WRITE TICKETS");
        byte[] fullMac = mac.mac(INS_WRITE_TICKETS, (byte) 0, (byte) 0, data);
        byte[] payload = concat(data, Arrays.copyOf(fullMac, MAC_LENGTH));
        ChainEnd last;
        try {
            // exactly 255 bytes would go as a 261-byte short APDU (255 data + Le), which jCardSim answers 6F00
            last = lengthMode == LengthMode.EXTENDED && payload.length != Apdu.MAX_SHORT_DATA
                    ? new ChainEnd(send(Apdu.command(CLA_SECURE, INS_WRITE_TICKETS, 0, 0, payload, 256)), true)
                    : sendChained(payload);
        } catch (CardGoneException e) {
            dropSession();
            throw e;
        }
        Apdu.Response r = last.response();
        if (last.macChecked() && Arrays.stream(SESSION_KEPT).anyMatch(sw -> sw == r.sw())) {
            mac.accepted(fullMac);
        } else if (r.sw() != (SW_SECURITY_NOT_SATISFIED & 0xFFFF) || last.afterFirstBlock()) {
            // a refused block after the first ends the chain and the session on the card (§4.10)
            dropSession();
        }
        if (!r.ok()) {
            throw new CardRefusedException("WRITE TICKETS", r.sw());
        }
        return r.data().length == 1 ? r.data()[0] & 0xFF : -1;
    }

    /** The answer that ended a WRITE: to its last block (the MAC was checked), or to a block the card refused. */
    private record ChainEnd(Apdu.Response response, boolean macChecked, boolean afterFirstBlock) {
        ChainEnd(Apdu.Response response, boolean macChecked) {
            this(response, macChecked, false);
        }
    }

    private ChainEnd sendChained(byte[] payload) throws WalletException {
        int offset = 0;
        while (true) {
            int n = Math.min(Apdu.MAX_SHORT_DATA, payload.length - offset);
            if (n == payload.length - offset && n == Apdu.MAX_SHORT_DATA) {
                n--; // the last block carries Le: at most 254 data bytes keep it a 260-byte APDU
            }
            boolean lastBlock = offset + n == payload.length;
            byte[] block = Arrays.copyOfRange(payload, offset, offset + n);
            int cla = lastBlock ? CLA_SECURE : CLA_SECURE | CLA_CHAINING_BIT;
            Apdu.Response r = send(Apdu.command(cla, INS_WRITE_TICKETS, 0, 0, block, lastBlock ? 256 : 0));
            if (lastBlock || !r.ok()) {
                return new ChainEnd(r, lastBlock, offset > 0);
            }
            offset += n;
        }
    }

    /** DELETE TICKETS: nullifies the tickets (by ticket id), all or none. @return the free slots left */
    public int delete(List<UUID> ticketIds) throws WalletException {
        return deleteOnCard(ticketIds.stream().map(this::cardTicketId).toList());
    }

    /** DELETE TICKETS of entries LIST showed (a ticket the terminal knows only from the chip). */
    public int deleteStored(List<StoredTicket> stored) throws WalletException {
        return deleteOnCard(stored.stream().map(StoredTicket::cardTicketId).distinct().toList());
    }

    private int deleteOnCard(List<UUID> cardTicketIds) throws WalletException {
        if (cardTicketIds.isEmpty() || cardTicketIds.size() > 14) {
            throw new IllegalArgumentException("delete 1..14 tickets at a time, not " + cardTicketIds.size());
        }
        ByteBuffer data = ByteBuffer.allocate(1 + cardTicketIds.size() * TICKET_ID_LENGTH).put((byte) cardTicketIds.size());
        cardTicketIds.forEach(id -> data.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        byte[] answer = secure("DELETE TICKETS", INS_DELETE_TICKETS, data.array(), 256);
        return answer.length == 1 ? answer[0] & 0xFF : -1;
    }

    /** MARK USED (access or gate session), by ticket id. */
    public void markUsed(UUID ticketId, int version) throws WalletException {
        markUsedOnCard(cardTicketId(ticketId), version);
    }

    /** MARK USED of an entry LIST showed. */
    public void markUsed(StoredTicket stored) throws WalletException {
        markUsedOnCard(stored.cardTicketId(), stored.version());
    }

    private void markUsedOnCard(UUID cardTicketId, int version) throws WalletException {
        ByteBuffer data = ByteBuffer.allocate(TICKET_ID_LENGTH + 2)
                .putLong(cardTicketId.getMostSignificantBits()).putLong(cardTicketId.getLeastSignificantBits())
                .putShort((short) version);
        secure("MARK USED", INS_MARK_USED, data.array(), 0);
    }

    /** KEY AGREEMENT: plain ECDH with the chip's private key, on the chip; 32-byte x-coordinate. */
    public byte[] agree(byte[] ephemeralPublicKeySec1) throws WalletException {
        byte[] secret = secure("KEY AGREEMENT", INS_KEY_AGREEMENT, ChipSignatures.uncompressed(ephemeralPublicKeySec1), 256);
        if (secret.length != SECRET_LENGTH) {
            throw new CardProtocolException("KEY AGREEMENT returned " + secret.length + " bytes");
        }
        return secret;
    }

    /** The chip as the envelope's ECDH agent: {@code ChipEnvelope.open(envelope, chipId, card.agent())}. */
    public SharedSecretAgent agent() {
        return ephemeral -> {
            try {
                return agree(ephemeral);
            } catch (WalletException e) {
                throw new AgentFailure(e);
            }
        };
    }

    /** LOCK: the chip refuses everything but SELECT and GET INFO from now on. */
    public void lock() throws WalletException {
        secure("LOCK", INS_LOCK, new byte[0], 0);
        dropSession();
    }

    /** Carries a card failure out of {@link SharedSecretAgent#agree}, which cannot throw checked exceptions. */
    public static final class AgentFailure extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        AgentFailure(WalletException cause) {
            super(cause);
        }

        @Override
        public synchronized WalletException getCause() {
            return (WalletException) super.getCause();
        }
    }

    // ---- plumbing ----

    private byte[] secure(String name, byte ins, byte[] data, int ne) throws WalletException {
        SessionMac mac = requireSession(name);
        byte[] fullMac = mac.mac(ins, (byte) 0, (byte) 0, data);
        Apdu.Response r;
        try {
            r = send(Apdu.command(CLA_SECURE, ins, 0, 0, concat(data, Arrays.copyOf(fullMac, MAC_LENGTH)), ne));
        } catch (CardGoneException e) {
            dropSession();
            throw e;
        }
        if (Arrays.stream(SESSION_KEPT).anyMatch(sw -> sw == r.sw())) {
            mac.accepted(fullMac);
        } else if (r.sw() != (SW_SECURITY_NOT_SATISFIED & 0xFFFF)) {
            dropSession();
        }
        if (!r.ok()) {
            throw new CardRefusedException(name, r.sw());
        }
        return r.data();
    }

    private SessionMac requireSession(String name) throws CardRefusedException {
        if (session == null) {
            throw new CardRefusedException(name, SW_SECURITY_NOT_SATISFIED & 0xFFFF);
        }
        return session;
    }

    private void dropSession() {
        session = null;
        sessionKey = null;
    }

    private byte[] expect(String name, byte[] command) throws WalletException {
        Apdu.Response r = send(command);
        if (!r.ok()) {
            throw new CardRefusedException(name, r.sw());
        }
        return r.data();
    }

    private Apdu.Response send(byte[] command) throws WalletException {
        return Apdu.response(transport.transmit(command));
    }

    private static void requireLength(byte[] value, int length, String what) {
        if (Objects.requireNonNull(value, what).length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, was " + value.length);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
