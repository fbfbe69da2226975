package dev.tessera.contract.aftersales;

import dev.tessera.contract.sales.Contact;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * customerName: the member's display name when a member bought (null for a walk-in customer); contact: how the
 * customer can be reached, as given at the counter (its parts null when not given).
 */
public record SaleView(long saleId, long eventId, long sellerId, String sellerName, OffsetDateTime soldAt,
                       String paymentMethod, String paymentReference, long totalMinor, String currency,
                       String customerAuth, String customerName, Contact contact, String chipId,
                       List<TicketView> tickets) {}
