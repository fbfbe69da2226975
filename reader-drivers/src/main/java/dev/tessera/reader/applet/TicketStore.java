package dev.tessera.reader.applet;

import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * The ticket slots and their commit journal (docs/card-protocol.md §6). New data only ever goes into FREE slots,
 * which nothing reads; a batch of slot state changes becomes visible at once when the one-byte commit flag is set,
 * and {@link #recover()} finishes a batch that a power cut interrupted after that point.
 */
final class TicketStore implements WalletProtocol {

    private final byte[] data = new byte[(short) (CAPACITY * SLOT_SIZE)];
    private final byte[] slotStates = new byte[CAPACITY];
    private final byte[] ticketIds = new byte[(short) (CAPACITY * TICKET_ID_LENGTH)];
    private final byte[] eventIds = new byte[(short) (CAPACITY * EVENT_ID_LENGTH)];
    private final short[] versions = new short[CAPACITY];
    private final short[] lengths = new short[CAPACITY];
    /** Pairs (slot, new state); a batch changes each slot at most once and frees at most one slot per new one. */
    private final byte[] journal = new byte[(short) (4 * CAPACITY)];
    private byte journalEntries;
    private byte committing;
    /** Per slot, what the batch in progress did with it: {@link #RESERVED} (a new copy) or {@link #NAMED}. */
    private final byte[] batchMarks;
    private static final byte RESERVED = 1;
    /** An occupied slot whose ticket id an entry of this batch named (skipped or replaced). */
    private static final byte NAMED = 2;

    TicketStore() {
        batchMarks = JCSystem.makeTransientByteArray(CAPACITY, JCSystem.CLEAR_ON_DESELECT);
    }

    /** Completes a committed batch whose application a power cut interrupted; a no-op otherwise. */
    void recover() {
        if (committing != 0) {
            apply();
            committing = 0;
            TearingProbe.written();
        }
    }

    void beginBatch() {
        journalEntries = 0;
        TearingProbe.written();
        Util.arrayFillNonAtomic(batchMarks, (short) 0, CAPACITY, (byte) 0);
    }

    void stage(byte slot, byte newState) {
        short at = (short) (journalEntries * 2);
        journal[at] = slot;
        journal[(short) (at + 1)] = newState;
        TearingProbe.written();
        journalEntries++;
        TearingProbe.written();
    }

    /** The commit point is the single write of the flag; everything before it is invisible, everything after redoable. */
    void commit() {
        committing = 1;
        TearingProbe.written();
        apply();
        committing = 0;
        TearingProbe.written();
    }

    private void apply() {
        for (short i = 0; i < journalEntries; i++) {
            byte slot = journal[(short) (i * 2)];
            byte newState = journal[(short) (i * 2 + 1)];
            if (slotStates[slot] != newState) {
                slotStates[slot] = newState;
                TearingProbe.written();
            }
            if (newState == SLOT_FREE && lengths[slot] != 0) {
                nullify(slot);
            }
        }
    }

    // DELETE is "nullify": the freed slot's bytes are overwritten, not just unlinked.
    private void nullify(byte slot) {
        Util.arrayFillNonAtomic(data, offsetOf(slot), SLOT_SIZE, (byte) 0);
        Util.arrayFillNonAtomic(ticketIds, (short) (slot * TICKET_ID_LENGTH), TICKET_ID_LENGTH, (byte) 0);
        Util.arrayFillNonAtomic(eventIds, (short) (slot * EVENT_ID_LENGTH), EVENT_ID_LENGTH, (byte) 0);
        versions[slot] = 0;
        lengths[slot] = 0;
        TearingProbe.written();
    }

    /** A FREE slot not yet taken by this batch, reserved for it; -1 if none. */
    byte reserveFreeSlot() {
        for (byte slot = 0; slot < CAPACITY; slot++) {
            if (slotStates[slot] == SLOT_FREE && batchMarks[slot] == 0) {
                batchMarks[slot] = RESERVED;
                return slot;
            }
        }
        return -1;
    }

    /** The occupied (VALID or USED) slot holding the ticket id; -1 if none. */
    byte find(byte[] buf, short idOffset) {
        for (byte slot = 0; slot < CAPACITY; slot++) {
            if (slotStates[slot] != SLOT_FREE && holds(slot, buf, idOffset)) {
                return slot;
            }
        }
        return -1;
    }

    /** True if an earlier entry of the batch in progress named this ticket id (a copy reserved, or one named). */
    boolean namedInBatch(byte[] buf, short idOffset) {
        for (byte slot = 0; slot < CAPACITY; slot++) {
            if (batchMarks[slot] != 0 && holds(slot, buf, idOffset)) {
                return true;
            }
        }
        return false;
    }

    /** Remembers that the batch in progress named the ticket of this occupied slot. */
    void markNamed(byte slot) {
        batchMarks[slot] = NAMED;
    }

    private boolean holds(byte slot, byte[] buf, short idOffset) {
        return Util.arrayCompare(ticketIds, (short) (slot * TICKET_ID_LENGTH), buf, idOffset, TICKET_ID_LENGTH) == 0;
    }

    void writeHeader(byte slot, byte[] buf, short idOffset, short version, short length, short eventOffset) {
        Util.arrayCopyNonAtomic(buf, idOffset, ticketIds, (short) (slot * TICKET_ID_LENGTH), TICKET_ID_LENGTH);
        Util.arrayCopyNonAtomic(buf, eventOffset, eventIds, (short) (slot * EVENT_ID_LENGTH), EVENT_ID_LENGTH);
        versions[slot] = version;
        lengths[slot] = length;
        TearingProbe.written();
    }

    void writeBody(byte slot, short bodyOffset, byte[] buf, short offset, short length) {
        Util.arrayCopyNonAtomic(buf, offset, data, (short) (offsetOf(slot) + bodyOffset), length);
        TearingProbe.written();
    }

    byte freeSlots() {
        byte free = 0;
        for (byte slot = 0; slot < CAPACITY; slot++) {
            if (slotStates[slot] == SLOT_FREE) {
                free++;
            }
        }
        return free;
    }

    byte state(byte slot) {
        return slotStates[slot];
    }

    short version(byte slot) {
        return versions[slot];
    }

    short length(byte slot) {
        return lengths[slot];
    }

    /** slot, state, ticket id, version, length: one LIST TICKETS entry. */
    short describe(byte slot, byte[] out, short offset) {
        out[offset] = slot;
        out[(short) (offset + 1)] = slotStates[slot];
        Util.arrayCopyNonAtomic(ticketIds, (short) (slot * TICKET_ID_LENGTH), out, (short) (offset + 2), TICKET_ID_LENGTH);
        Util.setShort(out, (short) (offset + 18), versions[slot]);
        Util.setShort(out, (short) (offset + 20), lengths[slot]);
        return LIST_ENTRY_LENGTH;
    }

    byte[] data() {
        return data;
    }

    /** The event ids of the slots, 8 bytes each at {@link #eventOffset}. */
    byte[] eventIds() {
        return eventIds;
    }

    static short eventOffset(byte slot) {
        return (short) (slot * EVENT_ID_LENGTH);
    }

    /**
     * True if the slot's envelope (docs/ticket-format.md §7: magic, version, chip id length c, chip id, compressed
     * ephemeral key) was sealed with the ephemeral key whose x-coordinate is at {@code xOffset}.
     */
    boolean sealedWith(byte slot, byte[] buf, short xOffset) {
        short at = offsetOf(slot);
        short c = (short) (data[(short) (at + 3)] & 0xFF);
        short x = (short) (4 + c + 1);
        return (short) (x + SECRET_LENGTH) <= lengths[slot]
                && Util.arrayCompare(data, (short) (at + x), buf, xOffset, SECRET_LENGTH) == 0;
    }

    static short offsetOf(byte slot) {
        return (short) (slot * SLOT_SIZE);
    }
}
