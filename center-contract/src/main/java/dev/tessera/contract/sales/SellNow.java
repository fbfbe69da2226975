package dev.tessera.contract.sales;

import java.util.List;

/**
 * Issue 13: a counter sale paid at once, "sell now": the seats (and standing places, per area id) are taken and
 * sold in one transaction, with no hold the seller confirms later.
 */
public record SellNow(List<String> seatIds, java.util.Map<String, Integer> areas, Customer customer,
                      Payment payment, List<String> attendees, Contact contact) {
    public SellNow(List<String> seatIds, java.util.Map<String, Integer> areas, Customer customer,
                   Payment payment, List<String> attendees) {
        this(seatIds, areas, customer, payment, attendees, null);
    }
}
