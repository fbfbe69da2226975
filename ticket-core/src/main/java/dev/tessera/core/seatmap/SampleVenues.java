package dev.tessera.core.seatmap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Generated seat maps for the demo data and the tests. Deterministic: the same call gives an equal
 * map, with the same stable ids. Coordinates are centimetres on the plan, x to the right, y down.
 */
public final class SampleVenues {
    public static final int MAX_GENERATED_SEATS = 1_000_000;

    private static final double SEAT_PITCH = 52;
    private static final double ROW_PITCH = 90;
    private static final double AISLE_WIDTH = 120;
    private static final double CONCOURSE_WIDTH = 300;
    private static final double GATE_DISTANCE = 500;
    // seats are placed to the millimetre, which keeps the files short
    private static final double COORDINATE_RESOLUTION = 10;

    // theatre: the stage's front edge runs along y = 0, the audience sits below it
    private static final List<String> THEATRE_ROW_LETTERS =
            List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T");
    private static final int BALCONY_ROWS = 8;
    private static final int STALLS_PREMIUM_ROWS = 8;
    private static final int STALLS_FIRST_ROW_SEATS = 24;
    private static final int BALCONY_FIRST_ROW_SEATS = 50;
    private static final int SEATS_ADDED_PER_ROW = 2;
    private static final double STALLS_FIRST_ROW_DISTANCE = 400;
    // stalls rows are gentle arcs around a point far behind the stage
    private static final double STALLS_CURVE_RADIUS = 3000;
    private static final double BALCONY_FIRST_ROW_RADIUS = 2500;
    private static final double BALCONY_ROW_PITCH = 100;
    private static final int BALCONY_RESTRICTED_ROWS = 3;
    private static final int BALCONY_RESTRICTED_SEATS_PER_SIDE = 2;
    private static final Set<String> THEATRE_ACCESSIBLE_ROWS = Set.of("K", "T");

    private SampleVenues() {}

    /** "Tessera Theatre": stalls and a curved balcony, about 1,200 seats. */
    public static SeatMap theatre() {
        List<Category> categories = List.of(
                new Category("stalls-premium", "Premium stalls", "#C0392B"),
                new Category("stalls", "Stalls", "#2E86C1"),
                new Category("balcony", "Balcony", "#27AE60"));
        Point stage = new Point(0, 0);
        Point stallsCentre = new Point(0, -STALLS_CURVE_RADIUS);
        List<Row> stalls = new ArrayList<>();
        for (int r = 0; r < THEATRE_ROW_LETTERS.size(); r++) {
            String letter = THEATRE_ROW_LETTERS.get(r);
            int seats = STALLS_FIRST_ROW_SEATS + SEATS_ADDED_PER_ROW * r;
            double radius = STALLS_CURVE_RADIUS + STALLS_FIRST_ROW_DISTANCE + r * ROW_PITCH;
            String category = r < STALLS_PREMIUM_ROWS ? "stalls-premium" : "stalls";
            boolean accessible = THEATRE_ACCESSIBLE_ROWS.contains(letter);
            stalls.add(arcRow("ST-" + letter, letter, stallsCentre, radius, seats, category,
                    (seat, count) -> accessible ? accessibleEnd(seat, count) : Set.of()));
        }
        List<Row> balcony = new ArrayList<>();
        for (int r = 0; r < BALCONY_ROWS; r++) {
            String letter = THEATRE_ROW_LETTERS.get(r);
            int seats = BALCONY_FIRST_ROW_SEATS + SEATS_ADDED_PER_ROW * r;
            double radius = BALCONY_FIRST_ROW_RADIUS + r * BALCONY_ROW_PITCH;
            boolean sideViewBlocked = r < BALCONY_RESTRICTED_ROWS;
            balcony.add(arcRow("BA-" + letter, letter, stage, radius, seats, "balcony",
                    (seat, count) -> sideViewBlocked && isNearEnd(seat, count, BALCONY_RESTRICTED_SEATS_PER_SIDE)
                            ? EnumSet.of(SeatFlag.RESTRICTED_VIEW)
                            : Set.of()));
        }
        double backWall = BALCONY_FIRST_ROW_RADIUS + BALCONY_ROWS * BALCONY_ROW_PITCH + GATE_DISTANCE;
        List<Gate> gates = List.of(
                new Gate("north", "North entrance", new Point(STALLS_CURVE_RADIUS / 2, -GATE_DISTANCE)),
                new Gate("south", "South entrance", new Point(0, backWall)));
        return new SeatMap(SeatMap.CURRENT_FORMAT_VERSION, "Tessera Theatre", stage, categories,
                List.of(new Section("ST", "Stalls", stalls), new Section("BA", "Balcony", balcony)),
                List.of(), gates);
    }

    /** An indoor arena: a two-tier bowl of 16 sections around a standing floor. */
    public static SeatMap arena(int approxSeats) {
        Bowl bowl = new Bowl(2000, 16, 15, "lower", "upper");
        double floorHalfWidth = 1400;
        double floorHalfDepth = 1000;
        // two people per square metre of standing floor
        int floorCapacity = (int) (2 * (2 * floorHalfWidth / 100) * (2 * floorHalfDepth / 100));
        GeneralAdmissionArea floor = new GeneralAdmissionArea("FLOOR", "Floor (standing)", "floor", floorCapacity,
                List.of(new Point(-floorHalfWidth, -floorHalfDepth), new Point(floorHalfWidth, -floorHalfDepth),
                        new Point(floorHalfWidth, floorHalfDepth), new Point(-floorHalfWidth, floorHalfDepth)));
        List<Category> categories = List.of(
                new Category("floor", "Floor", "#8E44AD"),
                new Category("lower", "Lower tier", "#D35400"),
                new Category("upper", "Upper tier", "#16A085"));
        return bowl.build("Tessera Arena", approxSeats, categories, List.of(floor));
    }

    /** An open-air stadium: a bowl of 24 sections per tier around the field. */
    public static SeatMap stadium(int approxSeats) {
        Bowl bowl = new Bowl(6500, 24, 30, "lower", "upper");
        List<Category> categories = List.of(
                new Category("lower", "Lower tier", "#1F618D"),
                new Category("upper", "Upper tier", "#B7950B"));
        return bowl.build("Tessera Stadium", approxSeats, categories, List.of());
    }

    @FunctionalInterface
    private interface FlagRule {
        Set<SeatFlag> flagsOf(int seat, int seatsInRow);
    }

    /**
     * A row on an arc around {@code centre}, seats numbered from 1 left to right as seen from the
     * seats facing the centre: for a spectator below the centre on the plan that is along +x.
     */
    private static Row arcRow(String id, String label, Point centre, double radius, int seats,
            String category, FlagRule flags) {
        double step = SEAT_PITCH / radius;
        List<Seat> row = new ArrayList<>(seats);
        for (int i = 0; i < seats; i++) {
            double angle = (i - (seats - 1) / 2.0) * step;
            double x = centre.x() + radius * StrictMath.sin(angle);
            double y = centre.y() + radius * StrictMath.cos(angle);
            String number = Integer.toString(i + 1);
            row.add(new Seat(id + "-" + number, number, round(x), round(y), category, flags.flagsOf(i, seats)));
        }
        return new Row(id, label, row);
    }

    /** Wheelchair spaces at both ends of the row, each with a companion seat beside it. */
    private static Set<SeatFlag> accessibleEnd(int seat, int seatsInRow) {
        if (seat == 0 || seat == seatsInRow - 1) {
            return EnumSet.of(SeatFlag.WHEELCHAIR);
        }
        if (seat == 1 || seat == seatsInRow - 2) {
            return EnumSet.of(SeatFlag.COMPANION);
        }
        return Set.of();
    }

    private static boolean isNearEnd(int seat, int seatsInRow, int seatsPerSide) {
        return seat < seatsPerSide || seat >= seatsInRow - seatsPerSide;
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * COORDINATE_RESOLUTION) / COORDINATE_RESOLUTION;
    }

    /**
     * Rings of rows around the centre, split into sections with an aisle between neighbours and
     * into tiers with a concourse between them. Tier t's sections are numbered t01, t02, …
     * clockwise from the north.
     */
    private record Bowl(double innerRadius, int sectionsPerTier, int rowsPerTier, String firstTierCategory,
            String higherTierCategory) {

        SeatMap build(String name, int approxSeats, List<Category> categories, List<GeneralAdmissionArea> areas) {
            if (approxSeats < 1 || approxSeats > MAX_GENERATED_SEATS) {
                throw new IllegalArgumentException("approxSeats must be between 1 and " + MAX_GENERATED_SEATS
                        + ", was " + approxSeats);
            }
            int rings = ringsFor(approxSeats);
            List<Section> sections = new ArrayList<>();
            for (int tier = 0; tier * rowsPerTier < rings; tier++) {
                int tierRows = Math.min(rowsPerTier, rings - tier * rowsPerTier);
                for (int s = 0; s < sectionsPerTier; s++) {
                    sections.add(section(tier, s, tierRows));
                }
            }
            double gateRadius = radius(rings) + GATE_DISTANCE;
            List<Gate> gates = List.of(
                    new Gate("north", "North gate", new Point(0, -gateRadius)),
                    new Gate("east", "East gate", new Point(gateRadius, 0)),
                    new Gate("south", "South gate", new Point(0, gateRadius)),
                    new Gate("west", "West gate", new Point(-gateRadius, 0)));
            return new SeatMap(SeatMap.CURRENT_FORMAT_VERSION, name, new Point(0, 0), categories, sections, areas,
                    gates);
        }

        /** The number of rings whose seat total comes closest to the target. */
        private int ringsFor(int approxSeats) {
            int total = 0;
            for (int ring = 0; ; ring++) {
                int next = total + sectionsPerTier * seatsPerSectionRow(radius(ring));
                if (next >= approxSeats) {
                    boolean closerWithout = ring > 0 && approxSeats - total < next - approxSeats;
                    return closerWithout ? ring : ring + 1;
                }
                total = next;
            }
        }

        private Section section(int tier, int index, int tierRows) {
            String id = Integer.toString((tier + 1) * 100 + index + 1);
            String category = tier == 0 ? firstTierCategory : higherTierCategory;
            double sectorAngle = 2 * Math.PI / sectionsPerTier;
            // clockwise on the plan (y down) from the north
            double middleAngle = -Math.PI / 2 + (index + 0.5) * sectorAngle;
            List<Row> rows = new ArrayList<>(tierRows);
            for (int r = 0; r < tierRows; r++) {
                boolean accessibleRow = tier == 0 && r == tierRows - 1;
                rows.add(row(id, r + 1, radius(tier * rowsPerTier + r), middleAngle, category, accessibleRow));
            }
            return new Section(id, "Section " + id, rows);
        }

        private Row row(String sectionId, int number, double radius, double middleAngle, String category,
                boolean accessible) {
            String rowId = sectionId + "-" + number;
            int seats = seatsPerSectionRow(radius);
            double step = SEAT_PITCH / radius;
            List<Seat> row = new ArrayList<>(seats);
            for (int i = 0; i < seats; i++) {
                // left to right for a spectator facing the centre is counter-clockwise on the plan
                double angle = middleAngle + ((seats - 1) / 2.0 - i) * step;
                String seatNumber = Integer.toString(i + 1);
                row.add(new Seat(rowId + "-" + seatNumber, seatNumber,
                        round(radius * StrictMath.cos(angle)), round(radius * StrictMath.sin(angle)), category,
                        accessible ? accessibleEnd(i, seats) : Set.of()));
            }
            return new Row(rowId, Integer.toString(number), row);
        }

        private int seatsPerSectionRow(double radius) {
            double usableArc = radius * 2 * Math.PI / sectionsPerTier - AISLE_WIDTH;
            return Math.max(1, (int) (usableArc / SEAT_PITCH));
        }

        private double radius(int ring) {
            return innerRadius + ring * ROW_PITCH + (ring / rowsPerTier) * CONCOURSE_WIDTH;
        }
    }
}
