package dev.tessera.reports.export;

import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.saleslog.SalesLogReport;
import dev.tessera.reports.saleslog.SalesLogRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.sf.jasperreports.engine.JRGenericPrintElement;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The sales log as a table (issue 13): a line per detail row under {@link SalesLogRow#COLUMNS} (event, currency,
 * seller, day, time of the sale or void, sale number, kind, category, payment method, tickets, amount), read from the
 * filled report's rows, as CSV or as an XLSX sheet "Sales log" with the numbers in numeric cells. The page's
 * headers, subtotals and summary are the PDF's; the table holds the rows they add up.
 */
public final class SalesLogTable {
    private SalesLogTable() {}

    /** Whether the print is a sales log, whose CSV and XLSX this class writes. */
    public static boolean holds(JasperPrint print) {
        return SalesLogReport.TEMPLATE.equals(print.getName());
    }

    public static void csv(JasperPrint print, OutputStream out, ReportJob job) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(String.join(",", SalesLogRow.COLUMNS));
        writer.write('\n');
        rows(print, job, row -> {
            try {
                List<Object> cells = row.cells();
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(csvValue(cells.get(i)));
                }
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    static String csvValue(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell instanceof BigDecimal number ? number.toPlainString() : cell.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    public static void xlsx(JasperPrint print, OutputStream out, ReportJob job) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""");
        part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="Sales log" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>""");
        part(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="10"/><name val="Calibri"/></font><font><b/><sz val="10"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                </styleSheet>""");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        Writer sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        sheet.write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
                state="frozen"/></sheetView></sheetViews><sheetData>""");
        sheet.write("<row r=\"1\">");
        for (String column : SalesLogRow.COLUMNS) {
            sheet.write("<c t=\"inlineStr\" s=\"1\"><is><t>" + xml(column) + "</t></is></c>");
        }
        sheet.write("</row>");
        int[] line = {1};
        rows(print, job, row -> {
            try {
                line[0]++;
                sheet.write("<row r=\"" + line[0] + "\">");
                for (Object cell : row.cells()) {
                    if (cell instanceof Number number) {
                        String value = number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
                        sheet.write("<c><v>" + value + "</v></c>");
                    } else if (cell == null) {
                        sheet.write("<c/>");
                    } else {
                        sheet.write("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml(cell.toString())
                                + "</t></is></c>");
                    }
                }
                sheet.write("</row>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        sheet.write("</sheetData></worksheet>");
        sheet.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Text as XML character data; characters XML 1.0 cannot hold are left out. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Every row of the print in page order, a page at a time (a swapped page is read back once). */
    private static void rows(JasperPrint print, ReportJob job, Consumer<SalesLogRow> row) throws IOException {
        List<JRPrintPage> pages = print.getPages();
        int count = pages.size();
        try {
            for (int p = 0; p < count; p++) {
                job.cancellation().throwIfCancelled();
                for (JRPrintElement element : pages.get(p).getElements()) {
                    if (element instanceof JRGenericPrintElement generic
                            && SalesLogRow.TYPE.equals(generic.getGenericType())
                            && generic.getParameterValue(SalesLogRow.PARAMETER) instanceof SalesLogRow r) {
                        row.accept(r);
                    }
                }
                if ((p + 1) % 20 == 0 || p + 1 == count) {
                    job.progress().update(Progress.Stage.EXPORT, p + 1, count);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
