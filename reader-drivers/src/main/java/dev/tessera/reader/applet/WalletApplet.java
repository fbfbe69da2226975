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
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new WalletApplet().register();
    }

    public void process(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        store.recover();
        if (selectingApplet()) {
            apdu.setIncomingAndReceive();
            sendInfo(apdu);
            return;
        }
        byte cla = buf[ISO7816.OFFSET_CLA];
        byte ins = buf[ISO7816.OFFSET_INS];
        boolean chained = (cla & CLA_CHAINING_BIT) != 0;
        cla = (byte) (cla & ~CLA_CHAINING_BIT);
        if (writer.inProgress() && ins != INS_WRITE_TICKETS) {
            writer.abort();
            session.close();
            ISOException.throwIt(SW_LAST_COMMAND_EXPECTED);
        }
        if (chained && ins != INS_WRITE_TICKETS) {
            ISOException.throwIt(SW_CHAINING_NOT_SUPPORTED);
        }
        if (cla != CLA_ISO && cla != CLA_PLAIN && cla != CLA_SECURE) {
            ISOException.throwIt(SW_CLA_NOT_SUPPORTED);
        }
        switch (ins) {
            case INS_GET_INFO:
                requirePlain(cla);
                sendInfo(apdu);
                return;
            case INS_PERSONALIZE:
                requirePlain(cla);
                personalize(apdu);
                return;
            case INS_AUTH_INIT:
                requirePlain(cla);
                authInit(apdu);
                return;
            case INS_AUTH_VERIFY:
                requirePlain(cla);
                authVerify(apdu);
                return;
            case INS_INTERNAL_AUTHENTICATE:
                requirePlain(cla);
                internalAuthenticate(apdu);
                return;
            case INS_LIST_TICKETS:
                requirePlain(cla);
                listTickets(apdu);
                return;
            case INS_READ_TICKET:
                requirePlain(cla);
                readTicket(apdu);
                return;
            case INS_KEY_AGREEMENT:
                requireSession(cla, (byte) 0);
                keyAgreement(apdu);
                return;
            case INS_WRITE_TICKETS:
                writeTickets(apdu, cla, chained);
                return;
            case INS_DELETE_TICKETS:
                requireSession(cla, KEY_ACCESS);
                deleteTickets(apdu);
                return;
            case INS_MARK_USED:
                requireSession(cla, (byte) 0);
                markUsed(apdu);
                return;
            case INS_LOCK:
                requireSession(cla, KEY_ACCESS);
                lock(apdu);
                return;
            default:
                ISOException.throwIt(SW_INS_NOT_SUPPORTED);
        }
    }

    // ---- §4.1 GET INFO (and the SELECT response) ----

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
        apdu.setOutgoingAndSend((short) 0, at);
    }

    // ---- §4.2 PERSONALIZE ----

    private void personalize(APDU apdu) {
        if (lifeCycle != STATE_BLANK) {
            ISOException.throwIt(SW_CONDITIONS_NOT_SATISFIED);
        }
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        if (length != (short) (CHIP_ID_LENGTH + 2 * AES_KEY_LENGTH)) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        short data = apdu.getOffsetCdata();
        Util.arrayCopy(buf, data, chipId, (short) 0, CHIP_ID_LENGTH);
        TearingProbe.written();
        session.installKeys(buf, (short) (data + CHIP_ID_LENGTH), (short) (data + CHIP_ID_LENGTH + AES_KEY_LENGTH));
        Util.arrayFillNonAtomic(buf, data, length, (byte) 0);
        keyPair.genKeyPair();
        TearingProbe.written();
        lifeCycle = STATE_PERSONALIZED;
        TearingProbe.written();
        short w = publicKey.getW(buf, (short) 0);
        apdu.setOutgoingAndSend((short) 0, w);
    }

    // ---- §4.4 mutual authentication ----

    private void authInit(APDU apdu) {
        if (lifeCycle == STATE_LOCKED || (lifeCycle == STATE_PERSONALIZED && session.triesLeft() == 0)) {
            ISOException.throwIt(SW_AUTH_BLOCKED);
        }
        requirePersonalized();
        byte[] buf = apdu.getBuffer();
        byte keyRef = buf[ISO7816.OFFSET_P2];
        if (buf[ISO7816.OFFSET_P1] != 0 || (keyRef != KEY_ACCESS && keyRef != KEY_GATE)) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
        if (receiveAll(apdu) != CHALLENGE_LENGTH) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        short length = session.begin(keyRef, buf, apdu.getOffsetCdata(), (short) 0);
        apdu.setOutgoingAndSend((short) 0, length);
    }

    private void authVerify(APDU apdu) {
        if (lifeCycle == STATE_LOCKED) {
            ISOException.throwIt(SW_AUTH_BLOCKED);
        }
        requirePersonalized();
        if (!session.pending()) {
            ISOException.throwIt(SW_CONDITIONS_NOT_SATISFIED);
        }
        if (receiveAll(apdu) != CRYPTOGRAM_LENGTH) {
            session.close();
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        short result = session.verify(apdu.getBuffer(), apdu.getOffsetCdata());
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

    // ---- §4.6 INTERNAL AUTHENTICATE ----

    private void internalAuthenticate(APDU apdu) {
        requirePersonalized();
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        if (length < MIN_IA_CHALLENGE || length > MAX_IA_CHALLENGE) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        ecdsa.init(privateKey, Signature.MODE_SIGN);
        ecdsa.update(IA_TAG, (short) 0, (short) IA_TAG.length);
        ecdsa.update(chipId, (short) 0, CHIP_ID_LENGTH);
        short signatureLength = ecdsa.sign(buf, apdu.getOffsetCdata(), length, scratch, (short) 0);
        Util.arrayCopyNonAtomic(scratch, (short) 0, buf, (short) 0, signatureLength);
        apdu.setOutgoingAndSend((short) 0, signatureLength);
    }

    // ---- §4.7 KEY AGREEMENT ----

    private void keyAgreement(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        session.verifyCommand(buf, data, length);
        if (length != (short) (PUBLIC_KEY_LENGTH + MAC_LENGTH) || buf[data] != 0x04) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        short secretLength = 0;
        try {
            ecdh.init(privateKey);
            secretLength = ecdh.generateSecret(buf, data, PUBLIC_KEY_LENGTH, scratch, (short) 0);
        } catch (CryptoException notOnCurve) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        Util.arrayCopyNonAtomic(scratch, (short) 0, buf, (short) 0, secretLength);
        Util.arrayFillNonAtomic(scratch, (short) 0, secretLength, (byte) 0);
        apdu.setOutgoingAndSend((short) 0, secretLength);
    }

    // ---- §4.8 LIST TICKETS, §4.9 READ TICKET ----

    private void listTickets(APDU apdu) {
        requirePersonalized();
        byte[] buf = apdu.getBuffer();
        byte first = buf[ISO7816.OFFSET_P1];
        if (first < 0 || first >= CAPACITY || buf[ISO7816.OFFSET_P2] != 0) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
        short ne = apdu.setOutgoing();
        short room = (short) (ne < (short) buf.length ? ne : buf.length);
        short at = 1;
        byte next = (byte) 0xFF;
        for (byte slot = first; slot < CAPACITY; slot++) {
            if (store.state(slot) == SLOT_FREE) {
                continue;
            }
            if ((short) (at + LIST_ENTRY_LENGTH) > room) {
                next = slot;
                break;
            }
            at += store.describe(slot, buf, at);
        }
        buf[0] = next;
        apdu.setOutgoingLength(at);
        apdu.sendBytes((short) 0, at);
    }

    private void readTicket(APDU apdu) {
        requirePersonalized();
        byte[] buf = apdu.getBuffer();
        byte slot = buf[ISO7816.OFFSET_P1];
        if (slot < 0 || slot >= CAPACITY || buf[ISO7816.OFFSET_P2] != 0) {
            ISOException.throwIt(SW_WRONG_P1P2);
        }
        short length = receiveAll(apdu);
        short from = 0;
        if (length == 2) {
            from = Util.getShort(buf, apdu.getOffsetCdata());
        } else if (length != 0) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        if (store.state(slot) == SLOT_FREE) {
            ISOException.throwIt(SW_NOT_FOUND);
        }
        short stored = store.length(slot);
        if (from < 0 || from > stored) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        short ne = apdu.setOutgoing();
        short count = (short) (stored - from);
        if (ne < count) {
            count = ne;
        }
        apdu.setOutgoingLength(count);
        apdu.sendBytesLong(store.data(), (short) (TicketStore.offsetOf(slot) + from), count);
    }

    // ---- §4.10 WRITE TICKETS ----

    private void writeTickets(APDU apdu, byte cla, boolean chained) {
        byte[] buf = apdu.getBuffer();
        if (!writer.inProgress()) {
            requireSession(cla, KEY_ACCESS);
            if (buf[ISO7816.OFFSET_P1] != 0 || buf[ISO7816.OFFSET_P2] != 0) {
                session.close();
                ISOException.throwIt(SW_WRONG_P1P2);
            }
            writer.begin(buf[ISO7816.OFFSET_INS], buf[ISO7816.OFFSET_P1], buf[ISO7816.OFFSET_P2]);
        } else if (cla != CLA_SECURE) {
            writer.abort();
            session.close();
            ISOException.throwIt(SW_SECURITY_NOT_SATISFIED);
        }
        short received = apdu.setIncomingAndReceive();
        short data = apdu.getOffsetCdata();
        while (received > 0) {
            writer.feed(buf, data, received);
            received = apdu.receiveBytes(data);
        }
        if (chained) {
            return;
        }
        writer.finish();
        buf[0] = store.freeSlots();
        apdu.setOutgoingAndSend((short) 0, (short) 1);
    }

    // ---- §4.11 DELETE TICKETS ----

    private void deleteTickets(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        session.verifyCommand(buf, data, length);
        short count = length > MAC_LENGTH ? (short) (buf[data] & 0xFF) : 0;
        if (count == 0 || length != (short) (1 + count * TICKET_ID_LENGTH + MAC_LENGTH)) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        store.beginBatch();
        for (short i = 0; i < count; i++) {
            byte slot = store.find(buf, (short) (data + 1 + i * TICKET_ID_LENGTH), false);
            if (slot < 0) {
                ISOException.throwIt(SW_NOT_FOUND);
            }
            store.stage(slot, SLOT_FREE);
        }
        store.commit();
        buf[0] = store.freeSlots();
        apdu.setOutgoingAndSend((short) 0, (short) 1);
    }

    // ---- §4.12 MARK USED ----

    private void markUsed(APDU apdu) {
        byte[] buf = apdu.getBuffer();
        short length = receiveAll(apdu);
        short data = apdu.getOffsetCdata();
        session.verifyCommand(buf, data, length);
        if (length != (short) (TICKET_ID_LENGTH + 2 + MAC_LENGTH)) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        byte slot = store.find(buf, data, false);
        if (slot < 0 || store.version(slot) != Util.getShort(buf, (short) (data + TICKET_ID_LENGTH))) {
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
        session.verifyCommand(buf, apdu.getOffsetCdata(), length);
        if (length != MAC_LENGTH) {
            ISOException.throwIt(SW_WRONG_DATA);
        }
        lifeCycle = STATE_LOCKED;
        TearingProbe.written();
        session.close();
    }

    // ---- security conditions (§5) ----

    private void requirePersonalized() {
        if (lifeCycle != STATE_PERSONALIZED) {
            ISOException.throwIt(SW_CONDITIONS_NOT_SATISFIED);
        }
    }

    private static void requirePlain(byte cla) {
        if (cla == CLA_SECURE) {
            ISOException.throwIt(SW_CLA_NOT_SUPPORTED);
        }
    }

    /** @param key the key the session must have been opened with, or 0 for either */
    private void requireSession(byte cla, byte key) {
        requirePersonalized();
        byte active = session.activeKey();
        if (cla != CLA_SECURE || active == 0 || (key != 0 && active != key)) {
            ISOException.throwIt(SW_SECURITY_NOT_SATISFIED);
        }
    }

    private static short receiveAll(APDU apdu) {
        short received = apdu.setIncomingAndReceive();
        if (received != apdu.getIncomingLength()) {
            ISOException.throwIt(SW_WRONG_LENGTH);
        }
        return received;
    }
}
