package dev.tessera.contract.sales;

import java.util.List;

/** contact: how the customer can be reached, as given at the counter (optional; issue 17). */
public record ConfirmSale(long holdId, Customer customer, Payment payment, List<String> attendees,
                          Contact contact) {
    public ConfirmSale(long holdId, Customer customer, Payment payment, List<String> attendees) {
        this(holdId, customer, payment, attendees, null);
    }
}
