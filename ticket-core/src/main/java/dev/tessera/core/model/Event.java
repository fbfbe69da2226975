package dev.tessera.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event with the service information of claim 71: name, servicer, venue, doors-open and start
 * times, the pinned seat-map version, prices per category, entrance gates, sellers and a contact;
 * {@code attendeeNamesRequired}: the organizer requires an attendee name on every ticket (claim 70).
 */
public record Event(
        long id,
        String name,
        String servicer,
        long venueId,
        String venueName,
        int seatMapVersion,
        Instant doorsOpen,
        Instant startsAt,
        Instant endsAt,
        String currency,
        Map<String, Long> pricesMinor,
        List<String> gates,
        List<String> sellerNames,
        String contact,
        EventStatus status,
        boolean attendeeNamesRequired) {
    /** The most a ticket can carry as its price (a u32 in docs/ticket-format.md), in minor units. */
    public static final long MAX_PRICE_MINOR = 0xFFFF_FFFFL;


    public Event {
        Require.positive(id, "event id");
        Require.text(name, "event name", 200);
        Require.text(servicer, "servicer", 200);
        Require.positive(venueId, "venue id");
        venueName = Require.optionalText(venueName, "venue name", 200);
        Require.positive(seatMapVersion, "seat-map version");
        Require.present(doorsOpen, "doors-open time");
        Require.present(startsAt, "start time");
        Require.present(endsAt, "end time");
        if (doorsOpen.isAfter(startsAt)) {
            throw new IllegalArgumentException("doors open after the event starts");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("the event ends before it starts");
        }
        Require.currency(currency);
        Require.notEmpty(pricesMinor, "prices");
        pricesMinor.forEach((category, price) -> {
            Require.notNegative(price, "price of " + category);
            if (price > MAX_PRICE_MINOR) {
                throw new IllegalArgumentException("price of " + category + " must be at most " + MAX_PRICE_MINOR
                        + " minor units (what a ticket can carry), was " + price);
            }
        });
        pricesMinor = Map.copyOf(new TreeMap<>(pricesMinor));
        gates = List.copyOf(Require.notEmpty(gates, "entrance gates"));
        sellerNames = List.copyOf(Require.noNulls(sellerNames, "seller names"));
        contact = Require.text(contact, "contact", 400);
        Require.present(status, "status");
    }

    public Money price(String categoryId) {
        Long minor = pricesMinor.get(categoryId);
        if (minor == null) {
            throw new IllegalArgumentException("no price for category " + categoryId);
        }
        return new Money(minor, currency);
    }
}
