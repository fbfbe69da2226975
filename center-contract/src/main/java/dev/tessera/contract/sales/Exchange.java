package dev.tessera.contract.sales;

import java.util.List;

public record Exchange(List<String> ticketIds, long holdId, String reason, Payment payment) {}
