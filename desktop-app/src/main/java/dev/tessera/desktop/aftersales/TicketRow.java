package dev.tessera.desktop.aftersales;

import dev.tessera.contract.aftersales.TicketStatus;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.contract.sales.Contact;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One ticket of a looked-up sale, with its place put into words for the clerk; customerName: the member's name when a
 * member bought; contact: how the customer can be reached, as given at the counter (its parts null when not given).
 */
public record TicketRow(long saleId, long eventId, String eventName, TicketView ticket, String section, String row,
                        String seat, String categoryName, String gateName, String currency, String customerName,
                        Contact contact) {
    public TicketRow {
        contact = contact == null ? Contact.NONE : contact;
    }

    public String ticketId() {
        return ticket.ticketId();
    }

    public boolean valid() {
        return ticket.status() == TicketStatus.VALID;
    }

    public boolean onChip() {
        return ticket.holderChipId() != null && !ticket.holderChipId().isBlank();
    }

    /** Who bought, as the clerk reads it: the member's name, then the contact's name, e-mail and phone given. */
    public String customerWords() {
        return Stream.of(customerName, contact.name(), contact.email(), contact.phone()).filter(Objects::nonNull)
                .distinct().collect(Collectors.joining(" · "));
    }
}
