package dev.tessera.designer.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A one-page PDF (A4, turned to suit the plan) of a rendered plan image, with the venue's name as
 * a title when the PDF's standard fonts can write it.
 */
public final class PdfExport {
    private static final float MARGIN = 36;

    private PdfExport() {}

    public static void write(BufferedImage plan, String title, OutputStream out) throws IOException {
        boolean landscape = plan.getWidth() >= plan.getHeight();
        PDRectangle a4 = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(a4);
            pdf.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(pdf, plan);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            boolean titled = canWrite(font, title);
            float top = titled ? 28 : 0;
            float width = a4.getWidth() - 2 * MARGIN;
            float height = a4.getHeight() - 2 * MARGIN - top;
            float scale = Math.min(width / plan.getWidth(), height / plan.getHeight());
            float w = plan.getWidth() * scale;
            float h = plan.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                if (titled) {
                    content.beginText();
                    content.setFont(font, 16);
                    content.newLineAtOffset(MARGIN, a4.getHeight() - MARGIN - 16);
                    content.showText(title);
                    content.endText();
                }
                content.drawImage(image, MARGIN + (width - w) / 2, MARGIN + (height - h) / 2, w, h);
            }
            pdf.getDocumentInformation().setTitle(title);
            pdf.save(out);
        }
    }

    private static boolean canWrite(PDType1Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException notEncodable) {
            return false;
        }
    }
}
