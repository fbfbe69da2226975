package dev.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {
    private static final List<String> RUN = List.of(
            "| center sales/s, 64 sellers, H2 file (2 seats a sale) | 400 sales/s |",
            "| chip issue 1 ticket(s): APDUs (round trips) | 4 |",
            "| chip issue 4 ticket(s): APDUs (round trips) | 4 |",
            "| desktop app start to a ready counter screen | 4.0 s |");

    @Test
    void theReadmeSummaryIsReplacedByTheHeadlineRowsOfTheRun() {
        String readme = "# Tessera\n\n## Performance\n\nintro\n\n" + BenchMain.SUMMARY_START
                + "\n| figure | value |\n|---|---|\n| old row | 1 |\n" + BenchMain.SUMMARY_END + "\n\nafter\n";

        String written = BenchMain.withSummary(readme, RUN);

        assertThat(written).startsWith("# Tessera\n\n## Performance\n\nintro\n\n" + BenchMain.SUMMARY_START)
                .endsWith(BenchMain.SUMMARY_END + "\n\nafter\n")
                .contains(RUN.get(0), RUN.get(2), RUN.get(3))
                .doesNotContain("old row", "chip issue 1 ticket");
        assertThat(BenchMain.withSummary(written, RUN)).as("a second run replaces, not appends").isEqualTo(written);
    }

    @Test
    void aReadmeWithoutTheMarkersIsLeftAlone() {
        assertThat(BenchMain.withSummary("# Tessera\n", RUN)).isEqualTo("# Tessera\n");
    }

    @Test
    void aFullRunReplacesItsOwnTableAndKeepsTheSectionsWrittenByHand() {
        String page = "# Performance\n\nWhy the sale costs what it costs.\n\n## Gate CPU per tap\n\nprofile\n";

        String first = BenchMain.withRun(page, "| figure | value |\n| old | 1 |\n");
        String second = BenchMain.withRun(first, "| figure | value |\n| new | 2 |\n");

        assertThat(first).startsWith("# Performance\n\n" + BenchMain.RUN_START + "\n| figure | value |\n| old | 1 |\n"
                + BenchMain.RUN_END + "\n\nWhy the sale costs what it costs.");
        assertThat(second).contains("| new | 2 |").doesNotContain("| old | 1 |")
                .endsWith(BenchMain.RUN_END + "\n\nWhy the sale costs what it costs.\n\n## Gate CPU per tap\n\nprofile\n");
        assertThat(BenchMain.withRun(second, "| figure | value |\n| new | 2 |\n")).as("the same run again changes nothing")
                .isEqualTo(second);
        assertThat(BenchMain.withRun("", "| t |\n")).isEqualTo("# Performance\n\n" + BenchMain.RUN_START + "\n| t |\n"
                + BenchMain.RUN_END + "\n");
    }
}
