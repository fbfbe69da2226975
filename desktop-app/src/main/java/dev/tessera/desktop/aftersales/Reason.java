package dev.tessera.desktop.aftersales;

/**
 * Why a clerk voids, refunds, exchanges or reprints: a choice from this list plus free text. The
 * center's audit trail keeps the English label, whatever language the counter shows.
 */
public enum Reason {
    CUSTOMER_REQUEST("Customer request"),
    ILLNESS("Illness"),
    EVENT_CHANGED("Event changed"),
    CLERK_ERROR("Clerk error"),
    SEAT_PROBLEM("Seat problem"),
    LOST_TICKET("Lost ticket"),
    DAMAGED_TICKET("Damaged ticket"),
    PRINTER_FAULT("Printer fault"),
    OTHER("Other");

    private final String audit;

    Reason(String audit) {
        this.audit = audit;
    }

    /** The bundle key of the label the clerk reads. */
    public String key() {
        return "aftersales.reason." + name();
    }

    /** The text the center records: the English label and the clerk's note; "Other" needs a note. */
    public String audit(String note) {
        String n = note == null ? "" : note.strip();
        return n.isEmpty() ? audit : audit + ": " + n;
    }
}
