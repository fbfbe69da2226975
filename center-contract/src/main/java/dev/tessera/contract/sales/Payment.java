package dev.tessera.contract.sales;

/** How a sale is paid: {@code tenderedMinor} is the cash handed over, for the change. */
public record Payment(PaymentMethod method, String reference, Long tenderedMinor) {}
