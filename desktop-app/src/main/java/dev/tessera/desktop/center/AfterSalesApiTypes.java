package dev.tessera.desktop.center;


/** The center's JSON for after-sales at the counter: lookup, refund, exchange, reprint, audit list. */
public final class AfterSalesApiTypes {
    private AfterSalesApiTypes() {}

    public record Venue(long id, String name, String address, int latestSeatMapVersion) {}
}
