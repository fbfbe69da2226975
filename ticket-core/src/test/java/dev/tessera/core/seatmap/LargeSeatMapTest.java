package dev.tessera.core.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

// How long the read takes is a benchmark figure (DesignerBenchmark's "read" of the stadium file), not a unit test's.
class LargeSeatMapTest {
    @Test
    void stadiumOfOneHundredThousandSeatsRoundTrips() throws Exception {
        SeatMap stadium = SampleVenues.stadium(100_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeatMapFormat.write(stadium, out);

        SeatMap read = SeatMapFormat.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(read).isEqualTo(stadium);
        assertThat(read.seatCount()).isGreaterThanOrEqualTo(98_000);
    }
}
