package dev.tessera.designer.validation;

import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.geometry.SpatialGrid;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what keeps a document from being a good seat map: duplicate ids or labels, overlapping
 * seats, unnumbered seats, seats without a (known) category, empty sections and rows. Runs in
 * O(n) with a spatial grid for the overlaps: a stadium takes a few tens of milliseconds.
 */
public final class Validator {
    /** Seats whose centres are closer than this (centimetres) overlap. */
    public static final double MIN_SEAT_DISTANCE = 30;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Long lists of one kind are cut, so a broken stadium does not drown the list. */
    private static final int MAX_PER_KIND = 500;

    private Validator() {}

    public static List<Problem> validate(SeatDocument document) {
        List<Problem> problems = new ArrayList<>();
        List<DesignSeat> seats = document.seats();
        Set<String> categories = new HashSet<>();
        document.categories().forEach(c -> categories.add(c.id()));

        Map<String, List<PlanElement>> byId = new LinkedHashMap<>();
        for (DesignSeat seat : seats) {
            byId.computeIfAbsent(seat.id(), id -> new ArrayList<>(1)).add(seat);
        }
        for (DesignArea area : document.areas()) {
            byId.computeIfAbsent(area.id(), id -> new ArrayList<>(1)).add(area);
        }
        Counter duplicates = new Counter();
        for (Map.Entry<String, List<PlanElement>> entry : byId.entrySet()) {
            if (entry.getValue().size() > 1 && duplicates.allow()) {
                problems.add(new Problem(Problem.Kind.DUPLICATE_ID,
                        Messages.get("problem.duplicateId", entry.getKey(), entry.getValue().size()), entry.getValue()));
            }
        }
        Counter invalidIds = new Counter();
        for (DesignSeat seat : seats) {
            if ((seat.id() == null || !ID.matcher(seat.id()).matches()) && invalidIds.allow()) {
                problems.add(new Problem(Problem.Kind.INVALID_ID, Messages.get("problem.invalidId", seat.id()), List.of(seat)));
            }
        }

        Counter unnumbered = new Counter();
        Counter noCategory = new Counter();
        Counter duplicateLabels = new Counter();
        Counter emptyRows = new Counter();
        for (DesignSection section : document.sections()) {
            if (section.seatCount() == 0) {
                problems.add(new Problem(Problem.Kind.EMPTY_SECTION, Messages.get("problem.emptySection", section.name()),
                        List.of()));
            }
            for (DesignRow row : section.rows()) {
                if (row.seats().isEmpty() && emptyRows.allow()) {
                    problems.add(new Problem(Problem.Kind.EMPTY_ROW,
                            Messages.get("problem.emptyRow", section.name(), row.label()), List.of()));
                }
                Map<String, List<PlanElement>> byLabel = new HashMap<>();
                for (DesignSeat seat : row.seats()) {
                    if (seat.label() == null || seat.label().isBlank()) {
                        if (unnumbered.allow()) {
                            problems.add(new Problem(Problem.Kind.UNNUMBERED_SEAT,
                                    Messages.get("problem.unnumbered", section.name(), row.label(), seat.id()), List.of(seat)));
                        }
                    } else {
                        byLabel.computeIfAbsent(seat.label(), l -> new ArrayList<>(1)).add(seat);
                    }
                    if (seat.categoryId() == null || !categories.contains(seat.categoryId())) {
                        if (noCategory.allow()) {
                            problems.add(new Problem(
                                    seat.categoryId() == null ? Problem.Kind.NO_CATEGORY : Problem.Kind.UNKNOWN_CATEGORY,
                                    seat.categoryId() == null
                                            ? Messages.get("problem.noCategory", section.name(), row.label(), seat.label())
                                            : Messages.get("problem.unknownCategory", section.name(), row.label(),
                                                    seat.label(), seat.categoryId()),
                                    List.of(seat)));
                        }
                    }
                }
                for (Map.Entry<String, List<PlanElement>> entry : byLabel.entrySet()) {
                    if (entry.getValue().size() > 1 && duplicateLabels.allow()) {
                        problems.add(new Problem(Problem.Kind.DUPLICATE_LABEL,
                                Messages.get("problem.duplicateLabel", section.name(), row.label(), entry.getKey()),
                                entry.getValue()));
                    }
                }
            }
        }
        overlaps(seats, problems);
        for (DesignGate gate : document.gates()) {
            if (gate.name() == null || gate.name().isBlank()) {
                problems.add(new Problem(Problem.Kind.NO_NAME, Messages.get("problem.gateName", gate.id()), List.of(gate)));
            }
        }
        return problems;
    }

    private static void overlaps(List<DesignSeat> seats, List<Problem> problems) {
        int n = seats.size();
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) seats.get(i).x();
            ys[i] = (float) seats.get(i).y();
        }
        SpatialGrid grid = SpatialGrid.build(xs, ys, n, DesignSeat.DIAMETER);
        IntList near = new IntList();
        Counter overlaps = new Counter();
        double d2 = MIN_SEAT_DISTANCE * MIN_SEAT_DISTANCE;
        for (int i = 0; i < n && overlaps.more(); i++) {
            near.clear();
            grid.queryRect(xs[i] - MIN_SEAT_DISTANCE, ys[i] - MIN_SEAT_DISTANCE, xs[i] + MIN_SEAT_DISTANCE,
                    ys[i] + MIN_SEAT_DISTANCE, near);
            for (int k = 0; k < near.size(); k++) {
                int j = near.get(k);
                if (j > i) {
                    double dx = xs[i] - xs[j];
                    double dy = ys[i] - ys[j];
                    if (dx * dx + dy * dy < d2 && overlaps.allow()) {
                        DesignSeat a = seats.get(i);
                        DesignSeat b = seats.get(j);
                        problems.add(new Problem(Problem.Kind.OVERLAPPING_SEATS,
                                Messages.get("problem.overlap", a.id(), b.id()), List.of(a, b)));
                    }
                }
            }
        }
    }

    private static final class Counter {
        private int count;

        boolean allow() {
            return count++ < MAX_PER_KIND;
        }

        boolean more() {
            return count < MAX_PER_KIND;
        }
    }
}
