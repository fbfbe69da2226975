package dev.tessera.reports.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.support.TicketSamples;
import java.awt.image.Raster;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotGridQrCodeTest {
    private static final String TYPICAL = PaperCode.encode(TicketSamples.typical());

    @Test
    void everyModuleIsAWholeBlockOfDotsInsideAWhiteQuietZone() throws WriterException {
        DotGridQrCode code = DotGridQrCode.fit(TYPICAL, 522, 525);
        int k = code.dotsPerModule();
        int side = (code.modules() + 2 * DotGridQrCode.QUIET_ZONE_MODULES) * k;
        assertThat(side).isLessThanOrEqualTo(522);
        assertThat(k).as("dots a module in a box with room for more").isEqualTo(DotGridQrCode.MAX_DOTS_PER_MODULE);
        assertThat(code.errorCorrection()).isEqualTo(ErrorCorrectionLevel.Q);

        ByteMatrix matrix = Encoder.encode(TYPICAL, ErrorCorrectionLevel.Q,
                Map.of(EncodeHintType.QR_MASK_PATTERN, code.maskPattern())).getMatrix();
        Raster dots = code.image().getRaster();
        int left = (522 - side) / 2 / 8 * 8 + DotGridQrCode.QUIET_ZONE_MODULES * k;
        int top = (525 - side) / 2 / 8 * 8 + DotGridQrCode.QUIET_ZONE_MODULES * k;
        assertThat(left % 8).as("the symbol's grid on the reader's 8-dot blocks").isZero();
        assertThat(top % 8).isZero();
        for (int y = 0; y < 525; y++) {
            for (int x = 0; x < 522; x++) {
                int mx = Math.floorDiv(x - left, k);
                int my = Math.floorDiv(y - top, k);
                boolean inSymbol = mx >= 0 && my >= 0 && mx < code.modules() && my < code.modules();
                int expected = inSymbol && matrix.get(mx, my) == 1 ? 0 : 1;
                assertThat(dots.getSample(x, y, 0)).as("dot %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void aBoxTooSmallForThreeDotsAModuleIsRefused() {
        assertThatThrownBy(() -> DotGridQrCode.fit(TYPICAL, 200, 200)).isInstanceOf(ReportException.class)
                .hasMessageContaining("does not fit");
    }
}
