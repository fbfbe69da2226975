package dev.tessera.desktop.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.seatmap.SeatMap;
import org.junit.jupiter.api.Test;

/** Where a ticket is, as paper and the clerk's list print it: a seat by section, row and seat; a standing place by its area. */
class EventPaperTest {
    private final SeatMap map = CenterFixture.theatreWithStanding(200);
    private final EventPaper paper = new EventPaper(null, "1 Main St", map);

    @Test
    void aStandingTicketIsPrintedWithItsAreasNameAndNoRowOrSeat() {
        assertThat(paper.place(CenterFixture.STANDING)).containsExactly("Standing pit", "", "");
    }

    /** Issue 18: a receipt line printed "Standing pit -" for a standing place, as if a seat had lost its row. */
    @Test
    void aReceiptLineNamesAStandingPlacesAreaAndASeatBySectionRowAndSeat() {
        var section = map.sections().getFirst();
        var row = section.rows().getFirst();
        var seat = row.seats().getFirst();
        assertThat(paper.where(CenterFixture.STANDING)).isEqualTo("Standing pit");
        assertThat(paper.where(seat.id())).isEqualTo(section.name() + " " + row.label() + "-" + seat.label());
    }

    @Test
    void aSeatIsPrintedBySectionRowAndSeatAndAnUnknownIdAsItIs() {
        var section = map.sections().getFirst();
        var row = section.rows().getFirst();
        var seat = row.seats().getFirst();
        assertThat(paper.place(seat.id())).containsExactly(section.name(), row.label(), seat.label());
        assertThat(paper.place("NOWHERE-1")).containsExactly("", "", "NOWHERE-1");
    }
}
