package dev.tessera.contract.shift;

import java.util.List;

public record CurrencyDenominations(String currency, int fractionDigits, List<Long> denominations) {}
