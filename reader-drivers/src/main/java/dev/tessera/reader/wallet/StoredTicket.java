package dev.tessera.reader.wallet;

import dev.tessera.reader.applet.WalletProtocol;
import java.util.UUID;

/**
 * One LIST TICKETS entry (docs/card-protocol.md §4.8): where a ticket sits on the chip and whether it was used.
 * {@code cardTicketId} is the ticket's id on this chip ({@link CardTicketIds}), not the ticket id itself.
 */
public record StoredTicket(int slot, int state, UUID cardTicketId, int version, int length) {

    public boolean used() {
        return state == WalletProtocol.SLOT_USED;
    }
}
