package dev.tessera.reports.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.support.TicketSamples;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's before and after, printed: the payload, the QR version and the dots a module for the typical ticket (two
 * attendees, one Japanese) and one at the 512-byte limit. Before: base64 in byte mode at M, drawn by the barcode4j
 * component into a 175 pt (thermal) or 150 pt (sheet) box with a 2-module margin, whatever fraction of a dot that
 * made. After: the paper code in alphanumeric mode at Q, whole dots a module.
 */
class PaperCodeSizeTest {
    private static final int BEFORE_THERMAL_BOX_PT = 175;
    private static final int BEFORE_SHEET_BOX_PT = 150;
    private static final int BEFORE_MARGIN_MODULES = 2;

    @Test
    void thePaperCodeNeedsNoLargerSymbolAtTheSameLevelAndEveryModuleIsWholeDots() throws WriterException {
        for (String name : new String[] {"typical", "maximal"}) {
            byte[] signed = name.equals("typical") ? TicketSamples.typical() : TicketSamples.maximal();
            String base64 = Base64.getEncoder().encodeToString(signed);
            String paperCode = PaperCode.encode(signed);
            QRCode before = Encoder.encode(base64, ErrorCorrectionLevel.M);
            int beforeModules = before.getMatrix().getWidth() + 2 * BEFORE_MARGIN_MODULES;
            PaperTicketData ticket = TicketSamples.paper(signed, 0);
            DotGridQrCode thermal = PaperTicket.qrCode(ticket, PaperFormat.THERMAL_80MM);
            DotGridQrCode sheet = PaperTicket.qrCode(ticket, PaperFormat.A4);

            System.out.printf(Locale.ROOT, "QR SIZE %s ticket, %d bytes%n", name, signed.length);
            System.out.printf(Locale.ROOT, "  before: %d chars base64, %s mode, EC M, version %d (%d modules); "
                            + "%.2f dots a module at 203 dpi, %.2f at 300 dpi%n", base64.length(), before.getMode(),
                    before.getVersion().getVersionNumber(), before.getMatrix().getWidth(),
                    BEFORE_THERMAL_BOX_PT * 203 / 72.0 / beforeModules, BEFORE_SHEET_BOX_PT * 300 / 72.0 / beforeModules);
            System.out.printf(Locale.ROOT, "  after:  %d chars paper code, %s mode, EC %s, version %d (%d modules); "
                            + "%d dots a module at 203 dpi (%.2f mm), %d at 300 dpi (%.2f mm)%n", paperCode.length(),
                    thermal.mode(), thermal.errorCorrection(), thermal.version(), thermal.modules(),
                    thermal.dotsPerModule(), thermal.dotsPerModule() * 25.4 / 203, sheet.dotsPerModule(),
                    sheet.dotsPerModule() * 25.4 / 300);

            assertThat(thermal.mode()).isEqualTo(Mode.ALPHANUMERIC.name());
            assertThat(Encoder.encode(paperCode, ErrorCorrectionLevel.M).getVersion().getVersionNumber())
                    .as("the paper code at the old level M").isLessThan(before.getVersion().getVersionNumber());
            assertThat(thermal.dotsPerModule()).as("dots a module at 203 dpi").isEqualTo(4);
            assertThat(sheet.dotsPerModule()).as("dots a module at 300 dpi").isEqualTo(4);
        }
    }
}
