package dev.tessera.contract.sales;

import java.util.List;

public record SaleResult(long saleId, long issuingInfoId, long eventId, long holdId, String paymentMethod,
                         long totalMinor, String currency, long changeMinor, List<IssuedTicket> tickets) {}
