package dev.tessera.core.model;

/** Claims 29 h and 77: the ticket master of one event; issuing tickets adds to {@code issued}. */
public record TicketMaster(long eventId, int capacity, int issued) {
    public TicketMaster {
        Require.positive(eventId, "event id");
        Require.notNegative(capacity, "capacity");
        Require.notNegative(issued, "issued");
        if (issued > capacity) {
            throw new IllegalArgumentException("issued " + issued + " tickets for a capacity of " + capacity);
        }
    }

    public int remaining() {
        return capacity - issued;
    }
}
