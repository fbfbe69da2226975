package dev.tessera.contract.sales;

import dev.tessera.core.model.Event;
import java.util.Map;

/** An event a member can buy at home: its seats left in the channel's quota per category, and the hold period. */
public record OnSale(Event event, Map<String, Integer> quotaLeft, long holdSeconds) {}
