package dev.tessera.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import java.io.ByteArrayInputStream;

/**
 * The seat-map loader (docs/seat-map-format.md) on any bytes: a valid map that survives a write and read back
 * unchanged, or a SeatMapFormatException that points at a line and column; never another exception.
 */
class SeatMapLoaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        try {
            SeatMap map = SeatMapFormat.read(new ByteArrayInputStream(input));
            assertThat(SeatMapFormat.read(SeatMapFormat.toJson(map))).isEqualTo(map);
        } catch (SeatMapFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(expected.path()).isNotNull();
            assertThat(expected.line()).isPositive();
            assertThat(expected.column()).isPositive();
        }
    }
}
