package dev.tessera.reports.export;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;
import java.text.Bidi;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfUtils;
import net.sf.jasperreports.pdf.classic.ClassicPhrase;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * Jasper's OpenPDF producer, except that a left-to-right text with no right-to-left character in it is set
 * without bidi analysis: Jasper asks OpenPDF for the LTR run direction on every text, and OpenPDF then runs
 * {@link Bidi} over each line; for a sales log of 100,000 sales that was a fifth of the export. Text that
 * does hold a right-to-left character (an Arabic or Hebrew event name) is set exactly as before. Named by
 * the {@value #PROPERTY} property in {@code Jasper}'s context.
 */
public final class LeftToRightPdfProducerFactory implements PdfProducerFactory {
    public static final String PROPERTY = "net.sf.jasperreports.export.pdf.producer.factory";

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new Producer(context);
    }

    private static final class Producer extends ClassicPdfProducer {
        Producer(PdfProducerContext context) {
            super(context);
        }

        @Override
        public PdfPhrase createPhrase() {
            return new LeftToRightPhrase(this, new Phrase());
        }

        @Override
        public PdfPhrase createPhrase(PdfChunk chunk) {
            return new LeftToRightPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
        }
    }

    /** {@link ClassicPhrase#go} with OpenPDF's no-bidi run direction for plain left-to-right text. */
    private static final class LeftToRightPhrase extends ClassicPhrase {
        private final ClassicPdfProducer producer;
        private final Phrase phrase;

        LeftToRightPhrase(ClassicPdfProducer producer, Phrase phrase) {
            super(producer, phrase);
            this.producer = producer;
            this.phrase = phrase;
        }

        @Override
        public float go(float llx, float lly, float urx, float ury, float leading, float multipliedLeading,
                        PdfTextAlignment alignment, TextDirection direction) {
            ColumnText column = new ColumnText(producer.getPdfContentByte());
            column.setSimpleColumn(phrase, llx, lly, urx, ury, leading, ClassicPdfUtils.toPdfAlignment(alignment));
            if (multipliedLeading != 0) {
                column.setLeading(leading, multipliedLeading);
            }
            column.setRunDirection(direction == TextDirection.LTR && !needsBidi(phrase.getContent())
                    ? PdfWriter.RUN_DIRECTION_NO_BIDI : toPdfRunDirection(direction));
            try {
                column.go();
            } catch (DocumentException e) {
                throw new JRRuntimeException(e);
            }
            return column.getYLine();
        }

        private static boolean needsBidi(String text) {
            char[] chars = text.toCharArray();
            return Bidi.requiresBidi(chars, 0, chars.length);
        }
    }
}
