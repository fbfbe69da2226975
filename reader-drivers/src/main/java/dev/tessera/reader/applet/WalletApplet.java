package dev.tessera.reader.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyAgreement;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.Signature;
import javacardx.apdu.ExtendedLength;

/**
 * The Tessera wallet: tickets on a contactless chip (docs/card-protocol.md). Life cycle BLANK → PERSONALIZED →
 * LOCKED; writes need a session opened with the chip's access key and carry a C-MAC (claims 35, 72); the chip's
 * P-256 key signs challenges (genuineness) and opens ticket envelopes by on-card ECDH (claim 79).
 */
public final class WalletApplet extends Applet implements WalletProtocol, ExtendedLength {

    private static final byte[] IA_TAG = {'T', 'I', 'A', '1'};

    private byte lifeCycle = STATE_BLANK;
    private final byte[] chipId = new byte[CHIP_ID_LENGTH];
    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final KeyPair keyPair;
    private final Signature ecdsa;
    private final KeyAgreement ecdh;
    private final TicketStore store;
    private final SecureSession session;
    private final WriteStream writer;
    private final byte[] scratch;
    private final CurvePointCheck pointCheck;

    private WalletApplet() {
        privateKey = (ECPrivateKey) KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PRIVATE, KeyBuilder.LENGTH_EC_FP_256, false);
        publicKey = (ECPublicKey) KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PUBLIC, KeyBuilder.LENGTH_EC_FP_256, false);
        P256Curve.applyTo(privateKey);
        P256Curve.applyTo(publicKey);
        keyPair = new KeyPair(publicKey, privateKey);
        ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
        ecdh = KeyAgreement.getInstance(KeyAgreement.ALG_EC_SVDP_DH_PLAIN, false);
        store = new TicketStore();
        session = new SecureSession();
        writer = new WriteStream(store, session);
        scratch = JCSystem.makeTransientByteArray((short) 80, JCSystem.CLEAR_ON_DESELECT);
        pointCheck = new CurvePointCheck();
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new WalletApplet().register();
    }

    /**
     * Checks every command in the order of docs/card-protocol.md §5.1: chain, CLA, INS, chaining bit, CLA for the
     * INS, P1 P2, life cycle, security, then Lc/Le; secure commands then check their MAC before their data.
     */
    public void process(APDU apdu) {
        store.recover();
        if (selectingApplet()) {
            select(apdu);
            return;
        }
        byte[] buf = apdu.getBuffer();
        byte ins = buf[ISO7816.OFFSET_INS];
        if (writer.inProgress() && ins != INS_WRITE_TICKETS) {
            endChain();
            ISOException.throwIt(SW_LAST_COMMAND_EXPECTED);
        }
        boolean chainBefore = writer.inProgress();
        try {
            dispatch(apdu, buf, ins);
        } catch (ISOException refused) {
            // a WRITE chain survives only whole: any refused block ends it, and a chain already under way the session too
            if (writer.inProgress()) {
                writer.abort();
                if (chainBefore) {
                    session.close();
                }
            }
            throw refused;
        }
    }

    private void dispatch(APDU apdu, byte[] buf, byte ins) {
        byte cla = buf[ISO7816.OFFSET_CLA];
        boolean chained = (cla & CLA_CHAINING_BIT) != 0;
        byte baseClass = (byte) (cla & ~CLA_CHAINING_BIT);
        if (baseClass != CLA_ISO && baseClass != CLA_PLAIN && baseClass != CLA_SECURE) {
            ISOException.throwIt(SW_CLA_NOT_SUPPORTED);
        }
        byte commandClass = commandClass(ins);
        if (chained && ins != INS_WRITE_TICKETS) {
            ISOException.throwIt(SW_CHAINING_NOT_SUPPORTED);
        }
        // CLA 80 on a secure command is a security condition (6982, checked after the life cycle), not a CLA error
        boolean plainForSecure = commandClass == CLA_SECURE && baseClass == CLA_PLAIN;
        if (baseClass != commandClass && !plainForSecure) {
            ISOException.throwIt(SW_CLA_NOT_SUPPORTED);
        }
        switch (ins) {
            case INS_SELECT:
                // a SELECT the runtime did not turn into a selection of this applet: another AID, or extended length
                requireP1P2(buf, SELECT_BY_AID_P1P2);
                ISOException.throwIt(SW_APPLICATION_NOT_FOUND);
                return;
            case INS_GET_INFO:
                requireP1P2(buf, (short) 0);
                requireDataLength(receiveAll(apdu), (short) 0, (short) 0);
                requireNe(apdu, infoLength());
                sendInfo(apdu);
                return;
            case INS_PERSONALIZE:
                requireP1P2(buf, (short) 0);
                requireState(STATE_BLANK);
                personalize(apdu);
                return;
            case INS_AUTH_INIT:
                authInit(apdu, buf);
                return;
            case INS_AUTH_VERIFY:
                authVerify(apdu, buf);
                return;
            case INS_INTERNAL_AUTHENTICATE:
                requireP1P2(buf, (short) 0);
                requireState(STATE_PERSONALIZED);
                internalAuthenticate(apdu);
                return;
            case INS_LIST_TICKETS:
                requireSlotP1(buf);
                requireState(STATE_PERSONALIZED);
                requireAnySession();
                listTickets(apdu);
                return;
            case INS_READ_TICKET:
                requireSlotP1(buf);
                requireState(STATE_PERSONALIZED);
                requireAnySession();
                readTicket(apdu);
                return;
            case INS_KEY_AGREEMENT:
                requireP1P2(buf, (short) 0);
                requireSession(baseClass, (byte) 0);
                keyAgreement(apdu);
                return;
            case INS_WRITE_TICKETS:
                requireP1P2(buf, (short) 0);
                requireSession(baseClass, KEY_ACCESS);
                writeTickets(apdu, chained);
                return;
            case INS_DELETE_TICKETS:
                requireP1P2(buf, (short) 0);
                requireSession(baseClass, KEY_ACCESS);
                deleteTickets(apdu);
                return;
            case INS_MARK_USED:
                requireP1P2(buf, (short) 0);
                requireSession(baseClass, (byte) 0);
                markUsed(apdu);
                return;
            case INS_LOCK:
                requireP1P2(buf, (short) 0);
                requireSession(baseClass, KEY_ACCESS);
                lock(apdu);
                return;
            default:
                ISOException.throwIt(SW_INS_NOT_SUPPORTED);
        }
    }

    /** Another command inside a WRITE chain: the chain and the session end (6883). */
    private void endChain() {
        writer.abort();
        session.close();
    }

    /** The CLA the §4 table gives the instruction (without the chaining bit); 6D00 for an unknown one. */
    private static byte commandClass(byte ins) {
        switch (ins) {
            case INS_SELECT:
                return CLA_ISO;
            case INS_GET_INFO:
            case INS_PERSONALIZE:
            case INS_AUTH_INIT:
            case INS_AUTH_VERIFY:
            case INS_INTERNAL_AUTHENTICATE:
            case INS_LIST_TICKETS:
            case INS_READ_TICKET:
                return CLA_PLAIN;
            case INS_KEY_AGREEMENT:
            case INS_WRITE_TICKETS:
            case INS_DELETE_TICKETS:
            case INS_MARK_USED:
            case INS_LOCK:
                return CLA_SECURE;
            default:
                ISOException.throwIt(SW_INS_NOT_SUPPORTED);
                return 0;
        }
    }

    /** The SELECT that selected this applet: CLA 00 and P1 P2 04 00 get the info block (§4.1). */
    private void select(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        if (buf[ISO7816.OFFSET_CLA] != CLA_ISO) {
            ISOException.throwIt(SW_CLA_NOT_SUPPORTED);
        }
        requireP1P2(buf, SELECT_BY_AID_P1P2);
        receiveAll(apdu);
        requireNe(apdu, infoLength());
        sendInfo(apdu);
    }

    // ---- §4.1 GET INFO (and the SELECT response) ----

    private short infoLength() {
        return lifeCycle == STATE_BLANK ? INFO_BLANK_LENGTH : INFO_FULL_LENGTH;
    }

    private void sendInfo(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        Util.setShort(buf, (short) 0, APP_VERSION);
        buf[2] = lifeCycle;
        buf[3] = CAPACITY;
        buf[4] = store.freeSlots();
        Util.setShort(buf, (short) 5, SLOT_SIZE);
        buf[7] = session.triesLeft();
        buf[8] = FEATURE_EXTENDED_LENGTH;
        short at = 9;
        if (lifeCycle == STATE_BLANK) {
            buf[at++] = 0;
            buf[at++] = 0;
        } else {
            buf[at++] = CHIP_ID_LENGTH;
            at = Util.arrayCopyNonAtomic(chipId, (short) 0, buf, at, CHIP_ID_LENGTH);
            buf[at++] = PUBLIC_KEY_LENGTH;
            at += publicKey.getW(buf, at);
        }
        send(apdu, at);
    }

    // ---- §4.2 PERSONALIZE ----

    private void personalize(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireDataLength(length, (short) (CHIP_ID_LENGTH + 2 * AES_KEY_LENGTH), (short) (CHIP_ID_LENGTH + 2 * AES_KEY_LENGTH));
        requireNe(apdu, PUBLIC_KEY_LENGTH);
        Util.arrayCopy(buf, data, chipId, (short) 0, CHIP_ID_LENGTH);
        TearingProbe.written();
        session.installKeys(buf, (short) (data + CHIP_ID_LENGTH), (short) (data + CHIP_ID_LENGTH + AES_KEY_LENGTH));
        Util.arrayFillNonAtomic(buf, data, length, (byte) 0);
        keyPair.genKeyPair();
        TearingProbe.written();
        lifeCycle = STATE_PERSONALIZED;
        TearingProbe.written();
        send(apdu, publicKey.getW(buf, (short) 0));
    }

    // ---- §4.4 mutual authentication ----

    private void authInit(APDU apdu, byte[] buf) {
        byte keyRef = buf[ISO7816.OFFSET_P2];
        if (buf[ISO7816.OFFSET_P1] != 0 || (keyRef != KEY_ACCESS && keyRef != KEY_GATE)) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
        requireAuthState();
        // a gate session names its event after RND.H (§4.4)
        short nc = keyRef == KEY_GATE ? (short) (CHALLENGE_LENGTH + EVENT_ID_LENGTH) : CHALLENGE_LENGTH;
        requireDataLength(receiveAll(apdu), nc, nc);
        short data = apdu.getOffsetCdata();
        requireNe(apdu, (short) (CHALLENGE_LENGTH + CRYPTOGRAM_LENGTH));
        send(apdu, session.begin(keyRef, buf, data, (short) 0));
    }

    private void authVerify(APDU apdu, byte[] buf) {
        requireP1P2(buf, (short) 0);
        requireAuthState();
        if (!session.pending()) {
            ISOException.throwIt(SW_CONDITIONS_NOT_SATISFIED);
        }
        // a malformed answer ends the pending AUTH INIT without costing a try
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        if (length != CRYPTOGRAM_LENGTH || expectedLength(apdu) != 0) {
            session.close();
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        short result = session.verify(buf, data);
        if (result == SecureSession.VERIFIED) {
            return;
        }
        if (result == 0) {
            lifeCycle = STATE_LOCKED;
            TearingProbe.written();
            ISOException.throwIt(SW_AUTH_BLOCKED);
        }
        ISOException.throwIt((short) (SW_AUTH_FAILED_BASE | result));
    }

    /** AUTH INIT/VERIFY: BLANK has no keys (6985); a LOCKED chip, or one without tries, is blocked (6983). */
    private void requireAuthState() {
        if (lifeCycle == STATE_LOCKED || (lifeCycle == STATE_PERSONALIZED && session.triesLeft() == 0)) {
            ISOException.throwIt(SW_AUTH_BLOCKED);
        }
        requireState(STATE_PERSONALIZED);
    }

    // ---- §4.6 INTERNAL AUTHENTICATE ----

    private void internalAuthenticate(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireDataLength(length, MIN_IA_CHALLENGE, MAX_IA_CHALLENGE);
        // checked before signing: a signature that cannot be sent whole is not made at all
        requireNe(apdu, MAX_SIGNATURE_LENGTH);
        ecdsa.init(privateKey, Signature.MODE_SIGN);
        ecdsa.update(IA_TAG, (short) 0, (short) IA_TAG.length);
        ecdsa.update(chipId, (short) 0, CHIP_ID_LENGTH);
        short signatureLength = ecdsa.sign(buf, data, length, scratch, (short) 0);
        Util.arrayCopyNonAtomic(scratch, (short) 0, buf, (short) 0, signatureLength);
        send(apdu, signatureLength);
    }

    // ---- §4.7 KEY AGREEMENT ----

    private void keyAgreement(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireNe(apdu, SECRET_LENGTH);
        session.verifyCommand(buf, data, length);
        if (length != (short) (PUBLIC_KEY_LENGTH + MAC_LENGTH) || !pointCheck.isOnCurve(buf, data)) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        if (session.activeKey() == KEY_GATE && !sealedForThisEvent(buf, (short) (data + 1))) {
            // a gate opens only the envelopes of its own event's tickets on this chip (§4.7)
            ISOException.throwIt(SW_NOT_FOUND);
        }
        short secretLength = 0;
        try {
            ecdh.init(privateKey);
            secretLength = ecdh.generateSecret(buf, data, PUBLIC_KEY_LENGTH, scratch, (short) 0);
        } catch (CryptoException refusedByPlatform) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        Util.arrayCopyNonAtomic(scratch, (short) 0, buf, (short) 0, secretLength);
        Util.arrayFillNonAtomic(scratch, (short) 0, secretLength, (byte) 0);
        send(apdu, secretLength);
    }

    // ---- §4.8 LIST TICKETS, §4.9 READ TICKET ----

    private void listTickets(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        byte first = buf[ISO7816.OFFSET_P1];
        requireDataLength(receiveAll(apdu), (short) 0, (short) 0);
        short ne = requireNe(apdu, MIN_LIST_NE);
        short fit = (short) ((short) (ne - 1) / LIST_ENTRY_LENGTH);
        short entries = 0;
        byte next = (byte) 0xFF;
        for (byte slot = first; slot < CAPACITY; slot++) {
            if (!visible(slot)) {
                continue;
            }
            if (entries == fit) {
                next = slot;
                break;
            }
            entries++;
        }
        apdu.setOutgoingLength((short) (1 + entries * LIST_ENTRY_LENGTH));
        // assembled in the APDU buffer and sent whenever the next entry would not fit: any buffer size works
        buf[0] = next;
        short at = 1;
        for (byte slot = first; entries > 0; slot++) {
            if (!visible(slot)) {
                continue;
            }
            if ((short) (at + LIST_ENTRY_LENGTH) > (short) buf.length) {
                apdu.sendBytes((short) 0, at);
                at = 0;
            }
            at += store.describe(slot, buf, at);
            entries--;
        }
        apdu.sendBytes((short) 0, at);
    }

    private void readTicket(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        byte slot = buf[ISO7816.OFFSET_P1];
        short length = receiveAll(apdu);
        if (length != 0 && length != 2) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        short from = length == 2 ? Util.getShort(buf, apdu.getOffsetCdata()) : 0;
        short ne = requireNe(apdu, (short) 1);
        if (!visible(slot)) {
            ISOException.throwIt(SW_NOT_FOUND);
        }
        short stored = store.length(slot);
        if (from < 0 || from > stored) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        short count = (short) (stored - from);
        if (ne < count) {
            count = ne;
        }
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(store.data(), (short) (TicketStore.offsetOf(slot) + from), count);
    }

    /** An occupied slot that the session may see: a gate session sees only its own event's tickets (§4.8). */
    private boolean visible(byte slot) {
        return store.state(slot) != SLOT_FREE && !session.scopedOut(store.eventIds(), TicketStore.eventOffset(slot));
    }

    /** True if a ticket of the gate session's event was sealed with the ephemeral key whose x is at xOffset. */
    private boolean sealedForThisEvent(byte[] buf, short xOffset) {
        for (byte slot = 0; slot < CAPACITY; slot++) {
            if (visible(slot) && store.sealedWith(slot, buf, xOffset)) {
                return true;
            }
        }
        return false;
    }

    // ---- §4.10 WRITE TICKETS ----

    private void writeTickets(APDU apdu, boolean chained) {
        byte[] buf = apdu.getBuffer();
        if (!writer.inProgress()) {
            writer.begin(INS_WRITE_TICKETS, (byte) 0, (byte) 0);
        }
        short received = apdu.setIncomingAndReceive();
        short data = apdu.getOffsetCdata();
        while (received > 0) {
            writer.feed(buf, data, received);
            received = apdu.receiveBytes(data);
        }
        if (chained) {
            requireNoLe(apdu);
            return;
        }
        requireNe(apdu, (short) 1);
        writer.finish();
        buf[0] = store.freeSlots();
        send(apdu, (short) 1);
    }

    // ---- §4.11 DELETE TICKETS ----

    private void deleteTickets(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireNe(apdu, (short) 1);
        session.verifyCommand(buf, data, length);
        short count = length > MAC_LENGTH ? (short) (buf[data] & 0xFF) : 0;
        if (count == 0 || length != (short) (1 + count * TICKET_ID_LENGTH + MAC_LENGTH)) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        store.beginBatch();
        for (short i = 0; i < count; i++) {
            byte slot = store.find(buf, (short) (data + 1 + i * TICKET_ID_LENGTH));
            if (slot < 0) {
                ISOException.throwIt(SW_NOT_FOUND);
            }
            store.stage(slot, SLOT_FREE);
        }
        store.commit();
        buf[0] = store.freeSlots();
        send(apdu, (short) 1);
    }

    // ---- §4.12 MARK USED ----

    private void markUsed(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireNoLe(apdu);
        session.verifyCommand(buf, data, length);
        if (length != (short) (TICKET_ID_LENGTH + 2 + MAC_LENGTH)) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        byte slot = store.find(buf, data);
        if (slot < 0 || !visible(slot) || store.version(slot) != Util.getShort(buf, (short) (data + TICKET_ID_LENGTH))) {
            ISOException.throwIt(SW_NOT_FOUND);
        }
        if (store.state(slot) == SLOT_USED) {
            ISOException.throwIt(SW_TICKET_ALREADY_USED);
        }
        store.beginBatch();
        store.stage(slot, SLOT_USED);
        store.commit();
    }

    // ---- §4.13 LOCK ----

    private void lock(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        requireNoLe(apdu);
        session.verifyCommand(buf, data, length);
        if (length != MAC_LENGTH) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        lifeCycle = STATE_LOCKED;
        TearingProbe.written();
        session.close();
    }

    // ---- header checks (§5.1) ----

    private static void requireP1P2(byte[] buf, short p1p2) {
        if (Util.getShort(buf, ISO7816.OFFSET_P1) != p1p2) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
    }

    /** LIST and READ: P1 is a slot number below the capacity, P2 is 00. */
    private static void requireSlotP1(byte[] buf) {
        byte slot = buf[ISO7816.OFFSET_P1];
        if (slot < 0 || slot >= CAPACITY || buf[ISO7816.OFFSET_P2] != 0) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
    }

    private void requireState(byte state) {
        if (lifeCycle != state) {
            ISOException.throwIt(SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    /**
     * LIST and READ (§4.8): a keyless reader learns nothing of the tickets, not even how they are filed. They stay
     * plain commands (CLA 80, no C-MAC): the answer is what a session may see anyway.
     */
    private void requireAnySession() {
        if (session.activeKey() == 0) {
            ISOException.throwIt(SW_SECURITY_NOT_SATISFIED);
        }
    }

    /** @param key the key the session must have been opened with, or 0 for either */
    private void requireSession(byte cla, byte key) {
        requireState(STATE_PERSONALIZED);
        byte active = session.activeKey();
        if (cla != CLA_SECURE || active == 0 || (key != 0 && active != key)) {
            ISOException.throwIt(SW_SECURITY_NOT_SATISFIED);
        }
    }

    private static void requireDataLength(short length, short minimum, short maximum) {
        if (length < minimum || length > maximum) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
    }

    /** A command with response data needs Le, and an Ne that holds the whole response (minimum): else 6700. */
    private static short requireNe(APDU apdu, short minimum) {
        short ne = expectedLength(apdu);
        if (ne == 0 || ne < minimum) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        return ne;
    }

    /** A command without response data takes no Le (ISO case 1 or 3). */
    private static void requireNoLe(APDU apdu) {
        if (expectedLength(apdu) != 0) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
    }

    /**
     * Ne, 0 when Le is absent; a Java Card reports at most 32,767, so a negative value can only mean more. Read the
     * data offset before: once outgoing, jCardSim refuses getOffsetCdata.
     */
    private static short expectedLength(APDU apdu) {
        short ne = apdu.setOutgoing();
        return ne < 0 ? MAX_NE : ne;
    }

    /** All of the data field; more than the APDU buffer holds is more than any command but WRITE takes. */
    private static short receiveAll(APDU apdu) {
        short received = apdu.setIncomingAndReceive();
        if (received != apdu.getIncomingLength()) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        return received;
    }

    /** Sends the first {@code length} bytes of the APDU buffer after {@link #expectedLength} set it outgoing. */
    private static void send(APDU apdu, short length) {
        apdu.setOutgoingLength(length);
        apdu.sendBytes((short) 0, length);
    }
}
