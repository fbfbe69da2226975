package dev.tessera.core.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleVenuesTest {

    @Test
    void theatreHasAboutTwelveHundredSeatsInStallsAndBalcony() {
        SeatMap theatre = SampleVenues.theatre();

        assertThat(theatre.name()).isEqualTo("Tessera Theatre");
        assertThat(theatre.seatCount()).isBetween(1_150, 1_250);
        assertThat(theatre.sections()).extracting(Section::id).containsExactly("ST", "BA");
        assertThat(theatre.seat("ST-A-1")).isPresent();
        assertThat(theatre.seat("BA-C-14")).isPresent();
        assertThat(theatre.sectionOf("BA-C-14")).get().extracting(Section::name).isEqualTo("Balcony");
        assertThat(theatre.gates()).extracting(Gate::id).containsExactly("north", "south");
    }

    @Test
    void theatreRowsSkipTheLettersIAndO() {
        List<String> stallsRows = SampleVenues.theatre().sections().getFirst().rows().stream().map(Row::label).toList();

        assertThat(stallsRows).startsWith("A", "B").doesNotContain("I", "O").contains("H", "J", "N", "P");
    }

    @Test
    void theatreCategoriesHaveDistinctColours() {
        SeatMap theatre = SampleVenues.theatre();

        assertThat(theatre.categories()).extracting(Category::id).containsExactly("stalls-premium", "stalls", "balcony");
        assertThat(theatre.categories()).extracting(Category::color).doesNotHaveDuplicates();
        assertThat(theatre.seats()).extracting(Seat::categoryId).contains("stalls-premium", "stalls", "balcony");
    }

    @Test
    void theatreHasWheelchairSpacesWithCompanionsAtRowEnds() {
        SeatMap theatre = SampleVenues.theatre();
        List<Seat> wheelchairs = theatre.seats().stream().filter(seat -> seat.has(SeatFlag.WHEELCHAIR)).toList();

        assertThat(wheelchairs).isNotEmpty();
        for (Seat wheelchair : wheelchairs) {
            List<Seat> row = theatre.rowOf(wheelchair.id()).orElseThrow().seats();
            int position = row.indexOf(wheelchair);
            assertThat(position).isIn(0, row.size() - 1);
            Seat neighbour = row.get(position == 0 ? 1 : position - 1);
            assertThat(neighbour.flags()).containsExactly(SeatFlag.COMPANION);
        }
    }

    @Test
    void restrictedViewSeatsAreAtTheBalconySides() {
        SeatMap theatre = SampleVenues.theatre();
        List<Seat> restricted = theatre.seats().stream().filter(seat -> seat.has(SeatFlag.RESTRICTED_VIEW)).toList();

        assertThat(restricted).isNotEmpty().allSatisfy(seat -> {
            assertThat(seat.id()).startsWith("BA-");
            List<Seat> row = theatre.rowOf(seat.id()).orElseThrow().seats();
            int position = row.indexOf(seat);
            assertThat(Math.min(position, row.size() - 1 - position)).isLessThan(2);
        });
    }

    @Test
    void rowsRunLeftToRightAsSeenFacingTheFocalPoint() {
        for (SeatMap map : List.of(SampleVenues.theatre(), SampleVenues.arena(5_000), SampleVenues.stadium(20_000))) {
            Point focal = map.focalPoint();
            for (Section section : map.sections()) {
                for (Row row : section.rows()) {
                    for (int i = 1; i < row.seats().size(); i++) {
                        Seat left = row.seats().get(i - 1);
                        Seat right = row.seats().get(i);
                        // facing the focal point on a plan whose y grows downwards, "right" is (-facingY, facingX)
                        double facingX = focal.x() - left.x();
                        double facingY = focal.y() - left.y();
                        double towardsRight = (right.x() - left.x()) * -facingY + (right.y() - left.y()) * facingX;
                        assertThat(towardsRight).as("%s then %s", left.id(), right.id()).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void seatLabelsAreNumbersFromOneAndIdsFollowSectionAndRow() {
        Row row = SampleVenues.theatre().rowOf("BA-C-14").orElseThrow();

        assertThat(row.seats().getFirst().id()).isEqualTo("BA-C-1");
        assertThat(row.seats().get(13).label()).isEqualTo("14");
    }

    @Test
    void arenaHasTheAskedSeatsAndAStandingFloor() {
        SeatMap arena = SampleVenues.arena(10_000);

        assertThat(arena.seatCount()).isBetween(9_500, 10_500);
        assertThat(arena.areas()).singleElement().satisfies(floor -> {
            assertThat(floor.categoryId()).isEqualTo("floor");
            assertThat(floor.capacity()).isPositive();
        });
        int notForSale = (int) arena.seats().stream().filter(seat -> !seat.isForSale()).count();
        assertThat(arena.capacity()).isEqualTo(arena.seatCount() - notForSale + arena.areas().getFirst().capacity());
        assertThat(arena.gates()).hasSize(4);
    }

    @Test
    void stadiumOfOneHundredThousandSeatsHasItsSections() {
        SeatMap stadium = SampleVenues.stadium(100_000);

        assertThat(stadium.seatCount()).isBetween(98_000, 102_000);
        assertThat(stadium.sections()).extracting(Section::id).contains("101", "124", "201", "301");
        assertThat(stadium.seat("101-1-1")).isPresent();
    }

    @Test
    void smallRequestsGiveSmallBowls() {
        assertThat(SampleVenues.arena(1).seatCount()).isPositive().isLessThan(400);
        assertThat(SampleVenues.stadium(2_000).seatCount()).isBetween(1_500, 2_500);
        assertThatIllegalArgumentException().isThrownBy(() -> SampleVenues.arena(0));
        assertThatIllegalArgumentException().isThrownBy(() -> SampleVenues.stadium(SampleVenues.MAX_GENERATED_SEATS + 1));
    }

    @Test
    void generationIsDeterministic() {
        assertThat(SampleVenues.theatre()).isEqualTo(SampleVenues.theatre());
        assertThat(SampleVenues.arena(6_000)).isEqualTo(SampleVenues.arena(6_000));
        assertThat(SeatMapFormat.toJson(SampleVenues.stadium(30_000)))
                .isEqualTo(SeatMapFormat.toJson(SampleVenues.stadium(30_000)));
    }
}
