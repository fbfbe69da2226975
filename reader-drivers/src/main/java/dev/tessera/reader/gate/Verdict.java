package dev.tessera.reader.gate;

/** What the gate says, with the sentence gate staff read on the screen. */
public enum Verdict {
    ADMITTED("Welcome."),
    NOT_A_WALLET("This card is not a Tessera ticket card."),
    CARD_BLOCKED("This card is locked or not issued: send the holder to the box office."),
    UNKNOWN_CHIP("This card is not on this gate's list: sync the gate, or send the holder to the box office."),
    NOT_GENUINE("This card is a copy: it cannot prove it is the registered card."),
    NO_TICKET("There is no ticket for this event on the card."),
    ALTERED("The ticket on the card is damaged or was altered."),
    FORGED("The ticket was not issued by the box office (signature not valid)."),
    WRONG_EVENT("This ticket is for another event."),
    WRONG_GATE("This ticket is for another entrance."),
    TOO_EARLY("Too early: the doors are not open yet for this ticket."),
    EXPIRED("This ticket has expired."),
    REVOKED("This ticket was transferred or cancelled: this copy is no longer valid."),
    WRONG_CHIP("This ticket belongs to another card (copied ticket)."),
    ALREADY_USED("This ticket has already been used."),
    AREA_FULL("This standing area is full inside: admit nobody to it until the gate staff open it again."),
    CARD_REMOVED("The card was taken away too early: tap again."),
    UNREADABLE("This code is not a Tessera ticket, or it was not read completely: scan it again.");

    private final String sentence;

    Verdict(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
