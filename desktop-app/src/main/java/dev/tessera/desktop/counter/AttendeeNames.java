package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        return withoutTrailingBlanks(names);
    }

    /**
     * The names typed in the basket's order (the held seats as the seat map lists them, section by section, row by
     * row, then the standing places as the map lists its areas) put in the order the center issues the hold's
     * tickets and reads its names (seat ids sorted, then standing places by area id), so that each name lands on the
     * seat it was typed for. More names than tickets are returned as typed, for the caller to refuse.
     */
    public static List<String> inIssueOrder(List<String> typed, SeatMap map, List<String> seatIds,
                                            Map<String, Integer> areas) {
        Map<String, Integer> standing = areas == null ? Map.of() : areas;
        int tickets = seatIds.size() + standing.values().stream().mapToInt(Integer::intValue).sum();
        if (typed.isEmpty() || typed.size() > tickets) {
            return typed;
        }
        Map<String, Deque<String>> byPlace = new HashMap<>();
        int next = 0;
        for (String place : basketOrder(map, seatIds, standing)) {
            String name = next < typed.size() ? typed.get(next) : null;
            next++;
            byPlace.computeIfAbsent(place, p -> new ArrayDeque<>()).add(name == null ? "" : name);
        }
        List<String> issued = new ArrayList<>();
        for (String seatId : new TreeSet<>(seatIds)) {
            issued.add(blankAsNull(byPlace.get(seatId).poll()));
        }
        new TreeMap<>(standing).forEach((areaId, quantity) -> {
            for (int n = 0; n < quantity; n++) {
                issued.add(blankAsNull(byPlace.get(areaId).poll()));
            }
        });
        return withoutTrailingBlanks(issued);
    }

    private static List<String> basketOrder(SeatMap map, List<String> seatIds, Map<String, Integer> areas) {
        Set<String> held = new HashSet<>(seatIds);
        List<String> order = new ArrayList<>();
        for (Section section : map.sections()) {
            for (Row row : section.rows()) {
                for (Seat seat : row.seats()) {
                    if (held.remove(seat.id())) {
                        order.add(seat.id());
                    }
                }
            }
        }
        order.addAll(new TreeSet<>(held));
        Map<String, Integer> left = new TreeMap<>(areas);
        for (var area : map.areas()) {
            Integer quantity = left.remove(area.id());
            for (int n = 0; quantity != null && n < quantity; n++) {
                order.add(area.id());
            }
        }
        left.forEach((areaId, quantity) -> {
            for (int n = 0; n < quantity; n++) {
                order.add(areaId);
            }
        });
        return order;
    }

    private static String blankAsNull(String name) {
        return name == null || name.isEmpty() ? null : name;
    }

    private static List<String> withoutTrailingBlanks(List<String> names) {
        List<String> kept = new ArrayList<>(names);
        while (!kept.isEmpty() && kept.getLast() == null) {
            kept.removeLast();
        }
        return Collections.unmodifiableList(kept);
    }
}
