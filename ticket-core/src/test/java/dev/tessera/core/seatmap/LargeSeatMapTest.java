package dev.tessera.core.seatmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class LargeSeatMapTest {
    private static final int ATTEMPTS = 3;

    @Test
    void stadiumOfOneHundredThousandSeatsRoundTripsInUnderASecond() throws Exception {
        SeatMap stadium = SampleVenues.stadium(100_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeatMapFormat.write(stadium, out);
        byte[] file = out.toByteArray();

        SeatMap read = null;
        long fastestMillis = Long.MAX_VALUE;
        // the best of a few reads: the first one also pays for class loading and JIT compilation
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long start = System.nanoTime();
            read = SeatMapFormat.read(new ByteArrayInputStream(file));
            fastestMillis = Math.min(fastestMillis, (System.nanoTime() - start) / 1_000_000);
        }

        assertThat(read).isEqualTo(stadium);
        assertThat(read.seatCount()).isGreaterThanOrEqualTo(98_000);
        assertThat(fastestMillis).as("milliseconds to read %,d bytes", file.length).isLessThan(1_000);
    }
}
