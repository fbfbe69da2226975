package dev.tessera.reports.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.settlement.ShiftSettlement.Count;
import dev.tessera.reports.settlement.ShiftSettlement.Data;
import dev.tessera.reports.support.PdfTools;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shift settlement as a person reads the printout: pdftotext of the exported PDF, in both languages. */
class ShiftSettlementTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    // float 26,000 + cash sales 10,000 - cash refunds 5,000 = 31,000 expected; 30,500 counted
    private static final Data SHORT = new Data(12, "Box Office Clerk", "till-7f3a", "JPY",
            Instant.parse("2026-11-25T00:30:00Z"), Instant.parse("2026-11-25T09:15:00Z"), 26_000, 10_000, 5_000,
            31_000, 30_500, 5_000, 0, 5_000, 3, 4, 2, 1, "a 500 coin given as change twice",
            List.of(new Count(10_000, 3), new Count(500, 1)),
            List.of(new TaxTable.Line("", "JPY", 1000, 12_000, 1_091), new TaxTable.Line("", "JPY", 800, 3_000, 222)));

    @Test
    void theSettlementShowsTheDrawerAgainstTheCountAndTheNote() throws Exception {
        Path pdf = PdfTools.writePdf(ShiftSettlement.render(SHORT, ReportOptions.of(Locale.ENGLISH, TOKYO)),
                "shift-settlement-en");
        String text = PdfTools.text(pdf).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("Shift settlement #12", "Box Office Clerk", "Terminal till-7f3a",
                "Opening float JPY 26,000", "+ Cash sales JPY 10,000", "Cash refunds JPY 5,000",
                "Expected cash JPY 31,000", "Counted cash JPY 30,500", "Difference (short) JPY -500",
                "Card sales JPY 5,000", "Invoice sales JPY 5,000", "Sales: 3 · tickets: 4 · voided: 2 (refunded: 1)",
                "Note: a 500 coin given as change twice", "JPY 10,000 3 JPY 30,000", "JPY 500 1 JPY 500",
                "Clerk", "Supervisor", "Tax per rate (sales less refunds)", "Tax rate Gross (incl. tax) Tax Net");
        // issue 17: one line per rate, net = gross − tax
        assertThat(text).containsPattern("JPY 10%\\s+JPY 12,000\\s+JPY 1,091\\s+JPY 10,909")
                .containsPattern("JPY 8%\\s+JPY 3,000\\s+JPY 222\\s+JPY 2,778");
        assertThat(PdfTools.fonts(pdf)).as("fonts are embedded").contains("yes");
        // Asia/Tokyo: opened 09:30, closed 18:15 local time
        assertThat(text).contains("9:30").contains("6:15");
    }

    @Test
    void japaneseSettlementSaysOverWhenTheDrawerHoldsMore() throws Exception {
        Data over = new Data(13, "窓口 花子", "till-1", "JPY", Instant.parse("2026-11-25T00:30:00Z"),
                Instant.parse("2026-11-25T09:15:00Z"), 10_000, 0, 0, 10_000, 10_100, 0, 0, 0, 0, 0, 0, 0, null,
                List.of(new Count(10_000, 1), new Count(100, 1)), List.of());
        Path pdf = PdfTools.writePdf(ShiftSettlement.render(over, ReportOptions.of(Locale.JAPANESE, TOKYO)),
                "shift-settlement-ja");
        String text = PdfTools.text(pdf).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("シフト精算書 #13", "窓口 花子", "理論在高 JPY 10,000", "実査在高 JPY 10,100",
                "過不足 (過剰) JPY 100", "備考: —", "税率ごとの内訳");
    }
}
