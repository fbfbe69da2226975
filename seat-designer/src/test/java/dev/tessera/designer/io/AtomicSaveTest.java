package dev.tessera.designer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.StageShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AtomicSaveTest {
    @TempDir
    Path dir;

    @Test
    void aSavedDocumentReopensEqualWithItsLayout() throws Exception {
        SeatDocument document = SeatDocument.of(SampleVenues.theatre());
        document.insert(new Placement.OfLabel(-1, new PlanLabel("Bar", 100, 200, 80)));
        document.setStage(new StageShape(-800, -400, 800, 0));
        Path file = dir.resolve("hall.seatmap.json");
        DocumentFiles.save(document, file);
        assertThat(Files.exists(dir.resolve("hall.layout.json"))).isTrue();
        SeatDocument reopened = DocumentFiles.open(file);
        assertThat(reopened.toSeatMap()).isEqualTo(SampleVenues.theatre());
        assertThat(reopened.labels()).extracting(PlanLabel::text).containsExactly("Bar");
        assertThat(reopened.stage()).isPresent();
        assertThat(reopened.stage().orElseThrow().bounds()).containsExactly(-800, -400, 800, 0);
    }

    @Test
    void aCrashWhileWritingLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("hall.seatmap.json");
        SeatMap old = SampleVenues.theatre();
        AtomicFiles.write(file, out -> SeatMapFormat.write(old, out));
        byte[] before = Files.readAllBytes(file);
        byte[] replacement = SeatMapFormat.toJson(SampleVenues.arena(2_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(replacement, 0, replacement.length / 2);
            throw new IOException("simulated crash: the disk filled up half-way");
        })).isInstanceOf(IOException.class).hasMessageContaining("simulated crash");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(SeatMapFormat.read(file)).isEqualTo(old);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("hall.seatmap.json");
        }
    }

    @Test
    void aTemporaryFileLeftByAKilledProcessDoesNotHurtTheNextSave() throws Exception {
        Path file = dir.resolve("hall.seatmap.json");
        Files.writeString(dir.resolve(".hall.seatmap.json.123.tmp"), "{\"half\":");
        DocumentFiles.save(SeatDocument.of(SampleVenues.theatre()), file);
        assertThat(SeatMapFormat.read(file)).isEqualTo(SampleVenues.theatre());
    }

    @Test
    void anInvalidDocumentIsNotWrittenAndTheOldFileStays() throws Exception {
        Path file = dir.resolve("hall.seatmap.json");
        DocumentFiles.save(SeatDocument.of(SampleVenues.theatre()), file);
        byte[] before = Files.readAllBytes(file);
        SeatDocument broken = SeatDocument.of(SampleVenues.theatre());
        broken.seats().get(5).setCategoryId(null);
        assertThatThrownBy(() -> DocumentFiles.save(broken, file))
                .isInstanceOf(DesignerFileException.class)
                .hasMessageContaining("cannot be saved");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndReason() throws Exception {
        Path file = dir.resolve("bad.seatmap.json");
        Files.writeString(file, "{\"format\": \"tessera-seatmap\", \"formatVersion\": 7}");
        assertThatThrownBy(() -> DocumentFiles.open(file))
                .isInstanceOf(DesignerFileException.class)
                .hasMessageContaining("bad.seatmap.json")
                .hasMessageContaining("newer Tessera");
        assertThatThrownBy(() -> DocumentFiles.open(dir.resolve("missing.seatmap.json")))
                .isInstanceOf(DesignerFileException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aDamagedLayoutDoesNotKeepTheSeatMapFromOpening() throws Exception {
        Path file = dir.resolve("hall.seatmap.json");
        DocumentFiles.save(SeatDocument.of(SampleVenues.theatre()), file);
        Files.writeString(DocumentFiles.layoutFileOf(file), "{not json");
        // the warning is part of what is tested, so it is collected here instead of printed
        Logger log = (Logger) LoggerFactory.getLogger(DocumentFiles.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        log.setAdditive(false);
        try {
            assertThat(DocumentFiles.open(file).seatCount()).isEqualTo(SampleVenues.theatre().seatCount());
        } finally {
            log.setAdditive(true);
            log.detachAppender(warnings);
        }
        assertThat(warnings.list).singleElement()
                .satisfies(warning -> assertThat(warning.getFormattedMessage()).contains("ignored the layout file", "hall.layout.json"));
    }
}
