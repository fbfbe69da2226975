package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.center.AfterSalesApiTypes.TicketView;

/** One ticket of a looked-up sale, with its place put into words for the clerk. */
public record TicketRow(long saleId, long eventId, String eventName, TicketView ticket, String section, String row,
                        String seat, String categoryName, String gateName, String currency, String customerName) {

    public String ticketId() {
        return ticket.ticketId();
    }

    public boolean valid() {
        return "VALID".equals(ticket.status());
    }

    public boolean onChip() {
        return ticket.holderChipId() != null && !ticket.holderChipId().isBlank();
    }
}
