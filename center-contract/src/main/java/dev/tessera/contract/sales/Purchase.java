package dev.tessera.contract.sales;

import java.util.List;

/**
 * Buys the member's hold for their card; {@code paymentReference} is the online payment's reference (paid by
 * card), attendee names one per seat in the hold's order (claim 70), the member's own name where none is given.
 */
public record Purchase(long holdId, String chipId, String paymentReference, List<String> attendees) {}
