package dev.tessera.desktop.counter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Claim 70: the attendee names a clerk or a member types for a basket, one per ticket, comma-separated. */
public final class AttendeeNames {
    private AttendeeNames() {}

    /**
     * The names in the basket's order (seats, then standing places); a name left out (two commas) names nobody on
     * that ticket (the member's name where a member buys), and trailing empty ones are dropped.
     */
    public static List<String> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : typed.split(",", -1)) {
            String n = name.strip();
            names.add(n.isEmpty() ? null : n);
        }
        while (!names.isEmpty() && names.getLast() == null) {
            names.removeLast();
        }
        return Collections.unmodifiableList(names);
    }
}
