package dev.tessera.reader.applet;

import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * WRITE TICKETS as a stream (docs/card-protocol.md §4.10): count ‖ entries ‖ C-MAC, arriving in one extended APDU
 * or in a chain of short ones. The last 8 bytes seen so far are held back, since they may be the MAC; every byte
 * before them goes into the C-MAC and into the parser, which copies envelopes straight into reserved FREE slots
 * (nothing reads those). A parse error only stops the parser: the MAC is checked first at the end of the stream
 * (6987/6988), the parse error is answered after it, and only a clean stream commits.
 */
final class WriteStream implements WalletProtocol {

    // st[] indexes
    private static final short PHASE = 0;
    private static final short ENTRIES_LEFT = 1;
    private static final short FILL = 2;
    private static final short SLOT = 3;
    private static final short BODY_OFFSET = 4;
    private static final short BODY_LEFT = 5;
    private static final short SKIP = 6;
    private static final short HELD = 7;
    private static final short ERROR = 8;
    private static final short STATE_LENGTH = 9;

    // phases
    private static final short IDLE = 0;
    private static final short COUNT = 1;
    private static final short HEADER = 2;
    private static final short BODY = 3;
    private static final short COMPLETE = 4;

    private final TicketStore store;
    private final SecureSession session;
    private final short[] st;
    private final byte[] header;
    /** The last bytes of the stream so far, which may turn out to be the MAC. */
    private final byte[] held;

    WriteStream(TicketStore store, SecureSession session) {
        this.store = store;
        this.session = session;
        st = JCSystem.makeTransientShortArray(STATE_LENGTH, JCSystem.CLEAR_ON_DESELECT);
        header = JCSystem.makeTransientByteArray(ENTRY_HEADER_LENGTH, JCSystem.CLEAR_ON_DESELECT);
        held = JCSystem.makeTransientByteArray(MAC_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    }

    boolean inProgress() {
        return st[PHASE] != IDLE;
    }

    void begin(byte ins, byte p1, byte p2) {
        abort();
        session.macBegin(ins, p1, p2);
        store.beginBatch();
        st[PHASE] = COUNT;
    }

    /** Forgets the stream; what it copied into FREE slots stays invisible (no commit). */
    void abort() {
        Util.arrayFillNonAtomic(header, (short) 0, ENTRY_HEADER_LENGTH, (byte) 0);
        Util.arrayFillNonAtomic(held, (short) 0, MAC_LENGTH, (byte) 0);
        for (short i = 0; i < STATE_LENGTH; i++) {
            st[i] = 0;
        }
    }

    /** Takes the next bytes of the stream: all but the last 8 seen so far go to the MAC and the parser. */
    void feed(byte[] in, short offset, short length) {
        short heldCount = st[HELD];
        short release = (short) (heldCount + length - MAC_LENGTH);
        if (release <= 0) {
            Util.arrayCopyNonAtomic(in, offset, held, heldCount, length);
            st[HELD] = (short) (heldCount + length);
            return;
        }
        short fromHeld = release < heldCount ? release : heldCount;
        consume(held, (short) 0, fromHeld);
        Util.arrayCopyNonAtomic(held, fromHeld, held, (short) 0, (short) (heldCount - fromHeld));
        heldCount -= fromHeld;
        short fromInput = (short) (release - fromHeld);
        consume(in, offset, fromInput);
        Util.arrayCopyNonAtomic(in, (short) (offset + fromInput), held, heldCount, (short) (length - fromInput));
        st[HELD] = (short) (heldCount + length - fromInput);
    }

    /**
     * Last APDU of the stream: MAC first (a missing or wrong one closes the session), then the first parse error,
     * then the commit. A refusal after the MAC verified keeps the session with the new chaining value.
     */
    void finish() {
        if (st[HELD] < MAC_LENGTH) {
            abort();
            session.close();
            ISOException.throwIt(SW_MAC_MISSING);
        }
        try {
            session.macVerify(held, (short) 0);
        } catch (ISOException wrongMac) {
            abort();
            throw wrongMac;
        }
        short error = st[ERROR];
        if (error == 0 && st[PHASE] != COMPLETE) {
            error = SW_WRONG_DATA;
        }
        if (error != 0) {
            abort();
            ISOException.throwIt(error);
        }
        store.commit();
        abort();
    }

    private void consume(byte[] in, short offset, short length) {
        if (length <= 0) {
            return;
        }
        session.macUpdate(in, offset, length);
        while (length > 0 && st[ERROR] == 0) {
            short used = parse(in, offset, length);
            offset += used;
            length -= used;
        }
    }

    /** Parses what it can of the data bytes; returns how many it used. Errors are kept for {@link #finish()}. */
    private short parse(byte[] in, short offset, short length) {
        short used;
        switch (st[PHASE]) {
            case COUNT:
                short count = (short) (in[offset] & 0xFF);
                if (count == 0 || count > CAPACITY) {
                    return refuse(SW_WRONG_DATA, length);
                }
                st[ENTRIES_LEFT] = count;
                st[FILL] = 0;
                st[PHASE] = HEADER;
                return 1;
            case HEADER:
                used = min(length, (short) (ENTRY_HEADER_LENGTH - st[FILL]));
                Util.arrayCopyNonAtomic(in, offset, header, st[FILL], used);
                st[FILL] += used;
                if (st[FILL] == ENTRY_HEADER_LENGTH) {
                    startEntry();
                }
                return used;
            case BODY:
                used = min(length, st[BODY_LEFT]);
                if (st[SKIP] == 0) {
                    store.writeBody((byte) st[SLOT], st[BODY_OFFSET], in, offset, used);
                }
                st[BODY_OFFSET] += used;
                st[BODY_LEFT] -= used;
                if (st[BODY_LEFT] == 0) {
                    st[ENTRIES_LEFT]--;
                    st[FILL] = 0;
                    st[PHASE] = st[ENTRIES_LEFT] == 0 ? COMPLETE : HEADER;
                }
                return used;
            default:
                // data after the last entry
                return refuse(SW_WRONG_DATA, length);
        }
    }

    private short refuse(short sw, short length) {
        st[ERROR] = sw;
        return length;
    }

    // Checks in the order of §4.10; the same id and version already on the chip is a repeat of a write that
    // succeeded, and is skipped.
    private void startEntry() {
        short version = Util.getShort(header, TICKET_ID_LENGTH);
        short length = Util.getShort(header, (short) (TICKET_ID_LENGTH + 2));
        if (version == 0 || length <= 0 || length > SLOT_SIZE || store.namedInBatch(header, (short) 0)) {
            st[ERROR] = SW_WRONG_DATA;
            return;
        }
        st[SKIP] = 0;
        st[BODY_OFFSET] = 0;
        st[BODY_LEFT] = length;
        st[PHASE] = BODY;
        byte existing = store.find(header, (short) 0);
        if (existing >= 0) {
            store.markNamed(existing);
            short present = store.version(existing);
            if (present == version) {
                st[SKIP] = 1;
                return;
            }
            if (unsignedLess(version, present)) {
                st[ERROR] = SW_NEWER_VERSION_PRESENT;
                return;
            }
        }
        byte slot = store.reserveFreeSlot();
        if (slot < 0) {
            st[ERROR] = SW_NO_FREE_SLOT;
            return;
        }
        store.writeHeader(slot, header, (short) 0, version, length, (short) (TICKET_ID_LENGTH + 4));
        store.stage(slot, SLOT_VALID);
        if (existing >= 0) {
            store.stage(existing, SLOT_FREE);
        }
        st[SLOT] = slot;
    }

    private static short min(short a, short b) {
        return a < b ? a : b;
    }

    private static boolean unsignedLess(short a, short b) {
        return (short) (a ^ (short) 0x8000) < (short) (b ^ (short) 0x8000);
    }
}
