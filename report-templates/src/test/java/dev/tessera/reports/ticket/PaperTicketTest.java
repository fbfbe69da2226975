package dev.tessera.reports.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.ticket.IssuerKeyResolver;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.support.PdfTools;
import dev.tessera.reports.support.QrCodes;
import dev.tessera.reports.support.SalesWorld;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Claim 20: a printed ticket carries the service information and a QR code the gate verifies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperTicketTest {
    static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    SalesWorld world;

    @BeforeAll
    void sell(@TempDir Path dir) {
        world = new SalesWorld(dir);
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void thermalTicketShowsTheServiceInformationAndItsQrCodeVerifiesAtTheGate() throws Exception {
        JsonNode sale = saleWithJapaneseAttendee();
        JasperPrint print = PaperTicket.renderSale(world.dsl(), sale.get("saleId").asLong(), PaperFormat.THERMAL_80MM,
                ENGLISH);
        assertThat(print.getPages()).hasSize(sale.get("tickets").size());
        assertThat(print.getPageWidth()).isEqualTo(227);
        Path pdf = PdfTools.writePdf(print, "ticket-thermal");
        String text = PdfTools.text(pdf, 1);
        assertThat(text).contains("Tessera Philharmonic").contains("Tessera Players").contains("Tessera Theatre")
                .contains("Doors open").contains("Starts").contains("Entrance").contains(SalesWorld.JAPANESE_ATTENDEE)
                .contains("box-office@tessera.example").contains("Test " + world.alice.loginId());
        assertThat(PdfTools.fonts(pdf)).contains("IPAexGothic");

        String scanned = QrCodes.decode(PdfTools.renderPage(pdf, 1, PaperFormat.THERMAL_80MM.printerDpi()));
        JsonNode first = sale.get("tickets").get(0);
        assertThat(scanned).startsWith(PaperCode.PREFIX);
        assertThat(PaperCode.decode(scanned)).isEqualTo(Base64.getDecoder().decode(first.get("encoded").asText()));
        SignedTicket verified = TicketCodec.decodeAndVerify(PaperCode.decode(scanned), issuerKeys());
        assertThat(verified.ticket().ticketId().toString()).isEqualTo(first.get("ticketId").asText());
        assertThat(text).contains(first.get("ticketId").asText());

        world.openDoors();
        Response gate = world.signIn(world.gate).post("/api/gate/scans", Map.of("eventId", world.concertId,
                "gateId", verified.ticket().gateId().isEmpty() ? "north" : verified.ticket().gateId(),
                "ticket", scanned));
        assertThat(gate.status()).as(gate.body()).isEqualTo(200);
        assertThat(gate.get("verdict").asText()).isEqualTo("ADMITTED");
    }

    @Test
    void a4AndLetterSheetsCarryTheSameVerifiableCode() throws Exception {
        JsonNode sale = world.sales.get(1);
        long saleId = sale.get("saleId").asLong();
        for (PaperFormat format : List.of(PaperFormat.A4, PaperFormat.LETTER)) {
            JasperPrint print = PaperTicket.renderSale(world.dsl(), saleId, format, ENGLISH);
            assertThat(print.getPageWidth()).isEqualTo(format == PaperFormat.A4 ? 595 : 612);
            Path pdf = PdfTools.writePdf(print, "ticket-" + format.name().toLowerCase(Locale.ROOT));
            // A4 and Letter sheets come out of office printers: 300 dpi (the thermal ticket is read at its 203 dpi);
            // a gate scanner frames the code, not the whole sheet: the QR box and 10 mm around it
            int dpi = format.printerDpi();
            PrintedQrCodeScanTest.Box box = PrintedQrCodeScanTest.qrBox(print);
            double margin = 10 / 25.4 * 72;
            List<Path> framed = PdfTools.renderRegion(pdf, 1, 1, dpi, (int) ((box.x() - margin) * dpi / 72),
                    (int) ((box.y() - margin) * dpi / 72), (int) ((box.width() + 2 * margin) * dpi / 72),
                    (int) ((box.height() + 2 * margin) * dpi / 72), pdf.resolveSibling(format.name() + "-framed"));
            String scanned = QrCodes.decode(framed.getFirst());
            assertThat(TicketCodec.decodeAndVerify(PaperCode.decode(scanned), issuerKeys()).ticket().eventId())
                    .isEqualTo(sale.get("eventId").asLong());
            assertThat(PdfTools.text(pdf, 1)).contains("Cut here").contains("Row").contains("Seat");
        }
    }

    @Test
    void japaneseTicketPrintsJapaneseLabels() throws Exception {
        long saleId = world.sales.get(0).get("saleId").asLong();
        JasperPrint print = PaperTicket.renderSale(world.dsl(), saleId, PaperFormat.A4,
                ReportOptions.of(Locale.JAPANESE, ZoneId.of("Asia/Tokyo")));
        Path pdf = PdfTools.writePdf(print, "ticket-a4-ja");
        assertThat(PdfTools.text(pdf, 1)).contains("開場").contains("開演").contains("入場口").contains("第九");
        PdfTools.renderPage(pdf, 1, 110);
    }

    private JsonNode saleWithJapaneseAttendee() {
        return world.sell(world.alice, world.concertId, "stalls", 2, "CASH",
                List.of(SalesWorld.JAPANESE_ATTENDEE, "Ada Łukasiewicz"));
    }

    private IssuerKeyResolver issuerKeys() {
        List<IssuerPublicKey> keys = new ArrayList<>();
        world.signIn(world.gate).get("/api/issuer-keys").json().forEach(k -> keys.add(IssuerPublicKey.of(
                HexFormat.of().parseHex(k.get("publicKey").asText()))));
        return IssuerKeyResolver.of(keys.toArray(IssuerPublicKey[]::new));
    }
}
