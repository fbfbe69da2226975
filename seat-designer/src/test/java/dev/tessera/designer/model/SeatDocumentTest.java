package dev.tessera.designer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import org.junit.jupiter.api.Test;

class SeatDocumentTest {
    @Test
    void aSeatMapSurvivesTheRoundTripThroughTheEditableModel() throws Exception {
        SeatMap theatre = SampleVenues.theatre();
        SeatDocument document = SeatDocument.of(theatre);
        assertThat(document.seatCount()).isEqualTo(theatre.seatCount());
        assertThat(document.toSeatMap()).isEqualTo(theatre);
    }

    @Test
    void seatIndexesFollowTheDocumentOrder() {
        SeatDocument document = SeatDocument.of(SampleVenues.theatre());
        for (int i = 0; i < document.seatCount(); i++) {
            assertThat(document.seats().get(i).index()).isEqualTo(i);
        }
        assertThat(document.seat("ST-A-1")).isPresent();
    }

    @Test
    void anUnnumberedSeatCannotBeSavedAndTheReasonIsNamed() {
        SeatDocument document = SeatDocument.of(SampleVenues.theatre());
        document.seats().get(0).setLabel(" ");
        assertThatThrownBy(document::toSeatMap)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("label");
    }

    @Test
    void removingAndReinsertingAPlacementRestoresTheOrder() throws Exception {
        SeatMap theatre = SampleVenues.theatre();
        SeatDocument document = SeatDocument.of(theatre);
        DesignSeat seat = document.seats().get(3);
        Placement placement = document.placementOf(seat);
        document.remove(placement);
        assertThat(document.seatCount()).isEqualTo(theatre.seatCount() - 1);
        document.insert(placement);
        assertThat(document.toSeatMap()).isEqualTo(theatre);
    }
}
