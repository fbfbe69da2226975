package dev.tessera.contract.availability;

/**
 * Issue 18: a standing area's places. {@code remaining} is what can still be held: capacity less held, sold and
 * allocated to sellers' offline counters. {@code admitted} counts the area's tickets used at the gates;
 * {@code doorFull} is set while the gate staff report the area full inside.
 */
public record AreaCount(String areaId, String categoryId, int capacity, int held, int sold, int allocated,
                        int remaining, int admitted, boolean doorFull, long revision) {}
