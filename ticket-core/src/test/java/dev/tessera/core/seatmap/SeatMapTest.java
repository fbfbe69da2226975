package dev.tessera.core.seatmap;

import static dev.tessera.core.seatmap.TestMaps.map;
import static dev.tessera.core.seatmap.TestMaps.seat;
import static dev.tessera.core.seatmap.TestMaps.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapTest {
    private static final List<Category> STALLS = List.of(new Category("stalls", "Stalls", "#2E86C1"));

    @Test
    void seatIsFoundByIdWithItsRowAndSection() {
        SeatMap map = TestMaps.small();

        assertThat(map.seat("ST-A-2")).get().extracting(Seat::label).isEqualTo("2");
        assertThat(map.rowOf("ST-A-2")).get().extracting(Row::id).isEqualTo("ST-A");
        assertThat(map.sectionOf("ST-A-2")).get().extracting(Section::id).isEqualTo("ST");
        assertThat(map.category("balcony")).get().extracting(Category::name).isEqualTo("Balcony");
    }

    @Test
    void unknownIdsFindNothing() {
        SeatMap map = TestMaps.small();

        assertThat(map.seat("ST-Z-9")).isEmpty();
        assertThat(map.seat(null)).isEmpty();
        assertThat(map.rowOf("FLOOR")).isEmpty();
        assertThat(map.sectionOf("nope")).isEmpty();
        assertThat(map.category("vip")).isEmpty();
    }

    @Test
    void seatsAreListedBySectionRowAndSeatOrder() {
        SeatMap map = map(STALLS, section("B", seat("B-1", "stalls"), seat("B-2", "stalls")),
                section("A", seat("A-1", "stalls")));

        assertThat(map.seats()).extracting(Seat::id).containsExactly("B-1", "B-2", "A-1");
        assertThat(map.seatCount()).isEqualTo(3);
    }

    @Test
    void capacityCountsSeatsForSaleAndGeneralAdmission() {
        Seat camera = new Seat("ST-A-3", "3", 0, 0, "stalls", EnumSet.of(SeatFlag.NOT_FOR_SALE));
        SeatMap small = TestMaps.small();
        Section withCamera = new Section("ST", "Stalls", List.of(new Row("ST-A", "A",
                List.of(small.seats().get(0), small.seats().get(1), camera))));
        SeatMap map = new SeatMap(1, "Hall", new Point(0, 0), small.categories(), List.of(withCamera),
                small.areas(), List.of());

        assertThat(map.seatCount()).isEqualTo(3);
        assertThat(map.capacity()).isEqualTo(2 + 100);
    }

    @Test
    void duplicateSeatIdAcrossSectionsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(STALLS, section("A", seat("X-1", "stalls")), section("B", seat("X-1", "stalls"))))
                .withMessage("duplicate seat id \"X-1\": in row \"A-A\" and in row \"B-A\"");
    }

    @Test
    void unknownCategoryIsRejectedNamingTheSeat() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(STALLS, section("A", seat("A-1", "vip"))))
                .withMessage("seat \"A-1\": unknown category \"vip\"; declared categories are: stalls");
    }

    @Test
    void badColourIsRejectedNamingTheCategory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Category("vip", "VIP", "red"))
                .withMessage("category \"vip\": color \"red\" is not a colour of the form #RRGGBB");
        assertThatIllegalArgumentException().isThrownBy(() -> new Category("vip", "VIP", "#12345G"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Category("vip", "VIP", "#１２３４５６"));
        assertThat(new Category("vip", "VIP", "#a0B1c2").color()).isEqualTo("#a0B1c2");
    }

    @Test
    void malformedIdsAreRejected() {
        for (String id : List.of("", "-A", "A B", "Ä", "a/b", "x".repeat(65))) {
            assertThatIllegalArgumentException().as(id).isThrownBy(() -> seat(id, "stalls"))
                    .withMessageStartingWith("invalid seat id");
        }
        assertThat(seat("A.b_c-9", "stalls").id()).isEqualTo("A.b_c-9");
        assertThat(seat("x".repeat(64), "stalls").id()).hasSize(64);
    }

    @Test
    void otherDuplicateIdsAreRejected() {
        Category stalls = STALLS.getFirst();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(List.of(stalls, stalls)))
                .withMessage("duplicate category id \"stalls\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(STALLS, section("A", seat("A-1", "stalls")), section("A", seat("A-2", "stalls"))))
                .withMessage("duplicate section id \"A\"");
        Row row = new Row("R", "R", List.of());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(STALLS, new Section("A", "A", List.of(row)), new Section("B", "B", List.of(row))))
                .withMessage("duplicate row id \"R\"");
        Gate gate = new Gate("north", "North", new Point(0, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeatMap(1, "Map", new Point(0, 0), STALLS, List.of(), List.of(), List.of(gate, gate)))
                .withMessage("duplicate gate id \"north\"");
    }

    @Test
    void areasAndSeatsShareOneSetOfIds() {
        GeneralAdmissionArea area = new GeneralAdmissionArea("A-1", "Floor", "stalls", 10,
                List.of(new Point(0, 0), new Point(1, 0), new Point(0, 1)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeatMap(1, "Map", new Point(0, 0), STALLS,
                        List.of(section("A", seat("A-1", "stalls"))), List.of(area), List.of()))
                .withMessageContaining("area id \"A-1\" is already the id of a seat");
    }

    @Test
    void generalAdmissionNeedsCapacityAndOutline() {
        List<Point> triangle = List.of(new Point(0, 0), new Point(1, 0), new Point(0, 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneralAdmissionArea("FLOOR", "Floor", "stalls", 0, triangle))
                .withMessage("area \"FLOOR\": capacity must be between 1 and 2147483647, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GeneralAdmissionArea("FLOOR", "Floor", "stalls", 5, triangle.subList(0, 2)))
                .withMessage("area \"FLOOR\": outline needs at least 3 points, has 2");
    }

    @Test
    void coordinatesMustBeFinite() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Point(Double.NaN, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Seat("A-1", "1", 0, Double.POSITIVE_INFINITY, "stalls"))
                .withMessage("seat \"A-1\": y must be a finite number, was Infinity");
        assertThat(new Point(-0.0, 0)).isEqualTo(new Point(0.0, 0));
    }

    @Test
    void missingValuesAreIllegalArgumentsNotNullPointers() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat("A-1", null, 0, 0, "stalls"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat("A-1", "1", 0, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat("A-1", "1", 0, 0, "stalls", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Row("R", "R", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Row("R", "R", Arrays.asList((Seat) null)))
                .withMessage("row \"R\": seats has a missing entry at index 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat(null, "1", 0, 0, "stalls"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Category("c", " ", "#000000"));
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        EnumSet<SeatFlag> flags = EnumSet.of(SeatFlag.WHEELCHAIR);
        Seat seat = new Seat("A-1", "1", 0, 0, "stalls", flags);
        flags.add(SeatFlag.NOT_FOR_SALE);
        List<Seat> seats = new ArrayList<>(List.of(seat));
        Row row = new Row("A", "A", seats);
        seats.clear();

        assertThat(seat.flags()).containsExactly(SeatFlag.WHEELCHAIR);
        assertThat(row.seats()).containsExactly(seat);
        assertThatThrownBy(() -> seat.flags().add(SeatFlag.COMPANION)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.seats().clear()).isInstanceOf(UnsupportedOperationException.class);
        SeatMap map = map(STALLS, new Section("S", "S", List.of(row)));
        assertThatThrownBy(() -> map.seats().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalMapsAreEqual() {
        assertThat(TestMaps.small()).isEqualTo(TestMaps.small()).hasSameHashCodeAs(TestMaps.small());
        assertThat(TestMaps.small().toString()).contains("Test Hall", "seats=2");
    }
}
