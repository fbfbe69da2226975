package dev.tessera.reader.applet;

import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * WRITE TICKETS as a stream (docs/card-protocol.md §4.9): count ‖ entries ‖ C-MAC, arriving in one extended APDU
 * or in a chain of short ones, parsed as it arrives and copied straight into reserved FREE slots. Nothing becomes
 * visible before the MAC has verified and the batch commits.
 */
final class WriteStream implements WalletProtocol {

    private static final short PHASE = 0;
    private static final short ENTRIES_LEFT = 1;
    private static final short FILL = 2;
    private static final short SLOT = 3;
    private static final short BODY_OFFSET = 4;
    private static final short BODY_LEFT = 5;
    private static final short SKIP = 6;

    private static final short IDLE = 0;
    private static final short COUNT = 1;
    private static final short HEADER = 2;
    private static final short BODY = 3;
    private static final short MAC = 4;
    private static final short DONE = 5;

    private static final short MAC_AT = ENTRY_HEADER_LENGTH;

    private final TicketStore store;
    private final SecureSession session;
    private final short[] st;
    /** entry header (20) then the received MAC (8) */
    private final byte[] buf;

    WriteStream(TicketStore store, SecureSession session) {
        this.store = store;
        this.session = session;
        st = JCSystem.makeTransientShortArray((short) 7, JCSystem.CLEAR_ON_DESELECT);
        buf = JCSystem.makeTransientByteArray((short) (ENTRY_HEADER_LENGTH + MAC_LENGTH), JCSystem.CLEAR_ON_DESELECT);
    }

    boolean inProgress() {
        return st[PHASE] != IDLE;
    }

    void begin(byte ins, byte p1, byte p2) {
        session.macBegin(ins, p1, p2);
        store.beginBatch();
        st[PHASE] = COUNT;
    }

    void abort() {
        Util.arrayFillNonAtomic(buf, (short) 0, (short) buf.length, (byte) 0);
        for (short i = 0; i < (short) st.length; i++) {
            st[i] = 0;
        }
    }

    /** Any refusal mid-stream ends the stream and the session: the host re-authenticates and sends it again. */
    private void fail(short sw) {
        abort();
        session.close();
        ISOException.throwIt(sw);
    }

    void feed(byte[] in, short offset, short length) {
        while (length > 0) {
            short used;
            switch (st[PHASE]) {
                case COUNT:
                    short count = (short) (in[offset] & 0xFF);
                    if (count == 0 || count > CAPACITY) {
                        fail(SW_WRONG_DATA);
                    }
                    session.macUpdate(in, offset, (short) 1);
                    st[ENTRIES_LEFT] = count;
                    st[FILL] = 0;
                    st[PHASE] = HEADER;
                    used = 1;
                    break;
                case HEADER:
                    used = min(length, (short) (ENTRY_HEADER_LENGTH - st[FILL]));
                    Util.arrayCopyNonAtomic(in, offset, buf, st[FILL], used);
                    session.macUpdate(in, offset, used);
                    st[FILL] += used;
                    if (st[FILL] == ENTRY_HEADER_LENGTH) {
                        startEntry();
                    }
                    break;
                case BODY:
                    used = min(length, st[BODY_LEFT]);
                    if (st[SKIP] == 0) {
                        store.writeBody((byte) st[SLOT], st[BODY_OFFSET], in, offset, used);
                    }
                    session.macUpdate(in, offset, used);
                    st[BODY_OFFSET] += used;
                    st[BODY_LEFT] -= used;
                    if (st[BODY_LEFT] == 0) {
                        st[ENTRIES_LEFT]--;
                        st[FILL] = 0;
                        st[PHASE] = st[ENTRIES_LEFT] == 0 ? MAC : HEADER;
                    }
                    break;
                case MAC:
                    used = min(length, (short) (MAC_LENGTH - st[FILL]));
                    Util.arrayCopyNonAtomic(in, offset, buf, (short) (MAC_AT + st[FILL]), used);
                    st[FILL] += used;
                    if (st[FILL] == MAC_LENGTH) {
                        st[PHASE] = DONE;
                    }
                    break;
                default:
                    fail(SW_WRONG_LENGTH);
                    return;
            }
            offset += used;
            length -= used;
        }
    }

    // Same id and version already on the chip: the entry is a repeat of a write that succeeded, and is skipped.
    private void startEntry() {
        short version = Util.getShort(buf, TICKET_ID_LENGTH);
        short length = Util.getShort(buf, (short) (TICKET_ID_LENGTH + 2));
        if (version == 0 || length <= 0 || length > SLOT_SIZE) {
            fail(SW_WRONG_DATA);
        }
        st[SKIP] = 0;
        st[BODY_OFFSET] = 0;
        st[BODY_LEFT] = length;
        st[PHASE] = BODY;
        byte existing = store.find(buf, (short) 0, false);
        if (existing >= 0) {
            short present = store.version(existing);
            if (present == version) {
                st[SKIP] = 1;
                return;
            }
            if (unsignedLess(version, present)) {
                fail(SW_NEWER_VERSION_PRESENT);
            }
        }
        if (store.find(buf, (short) 0, true) >= 0 && existing < 0) {
            fail(SW_WRONG_DATA);
        }
        byte slot = store.reserveFreeSlot();
        if (slot < 0) {
            fail(SW_NO_FREE_SLOT);
        }
        store.writeHeader(slot, buf, (short) 0, version, length);
        store.stage(slot, SLOT_VALID);
        if (existing >= 0) {
            store.stage(existing, SLOT_FREE);
        }
        st[SLOT] = slot;
    }

    /** Last APDU of the stream: the MAC must verify before the batch commits. */
    void finish() {
        if (st[PHASE] != DONE) {
            fail(SW_WRONG_LENGTH);
        }
        abortOnBadMac();
        store.commit();
        abort();
    }

    private void abortOnBadMac() {
        try {
            session.macVerify(buf, MAC_AT);
        } catch (ISOException e) {
            abort();
            throw e;
        }
    }

    private static short min(short a, short b) {
        return a < b ? a : b;
    }

    private static boolean unsignedLess(short a, short b) {
        return (short) (a ^ (short) 0x8000) < (short) (b ^ (short) 0x8000);
    }
}
