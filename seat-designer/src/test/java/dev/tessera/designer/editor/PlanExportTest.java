package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.model.SeatDocument;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlanExportTest {
    @TempDir
    Path dir;

    private final SeatDocument theatre = SeatDocument.of(SampleVenues.theatre());

    @Test
    void pngShowsTheSeatsInTheirColours() throws Exception {
        Path png = dir.resolve("theatre.png");
        WaitForAsyncUtils.asyncFx(() -> {
            PlanExport.png(theatre, png, 1200, 900);
            return null;
        }).get();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        int balconyGreen = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0x27AE60) {
                    balconyGreen++;
                }
            }
        }
        assertThat(balconyGreen).isGreaterThan(1000);
        Files.createDirectories(Screenshots.FOLDER);
        Files.copy(png, Screenshots.FOLDER.resolve("export-theatre.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void pdfIsOnePageWithTheTitle() throws Exception {
        Path pdf = dir.resolve("theatre.pdf");
        WaitForAsyncUtils.asyncFx(() -> {
            PlanExport.pdf(theatre, pdf);
            return null;
        }).get();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Tessera Theatre");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Tessera Theatre");
        }
    }

    @Test
    void svgHasACirclePerSeatWithItsId() throws Exception {
        Path svg = dir.resolve("theatre.svg");
        PlanExport.svg(theatre, svg);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(xml.getElementsByTagName("circle").getLength()).isEqualTo(theatre.seatCount());
        assertThat(Files.readString(svg)).contains("data-id=\"ST-A-1\"");
    }
}
