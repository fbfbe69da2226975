package dev.tessera.contract.sales;

import java.util.List;

public record ExchangeResult(long exchangeId, List<Voided> returned, SaleResult sale, long returnedMinor,
                             long newMinor, long differenceMinor) {}
