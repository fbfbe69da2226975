package dev.tessera.reports.support;

import dev.tessera.reports.export.Exporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Poppler's command-line tools on a report's PDF, the way a person checks a printout: the text
 * (pdftotext), the fonts (pdffonts) and a rendered page (pdftoppm) kept in target/report-pages.
 */
public final class PdfTools {
    public static final Path PAGES = Path.of("target", "report-pages");

    private PdfTools() {}

    public static Path writePdf(JasperPrint print, String name) throws IOException {
        Files.createDirectories(PAGES);
        Path pdf = PAGES.resolve(name + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Exporter.pdf(print, out);
        }
        return pdf;
    }

    public static String text(Path pdf) throws IOException {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    public static String text(Path pdf, int page) throws IOException {
        return run("pdftotext", "-layout", "-enc", "UTF-8", "-f", String.valueOf(page), "-l", String.valueOf(page),
                pdf.toString(), "-");
    }

    public static String fonts(Path pdf) throws IOException {
        return run("pdffonts", pdf.toString());
    }

    /** Renders one page to {@code NAME-PAGE.png} beside the PDF and returns its path. */
    public static Path renderPage(Path pdf, int page, int dpi) throws IOException {
        String base = pdf.toString().replaceAll("\\.pdf$", "");
        run("pdftoppm", "-png", "-r", String.valueOf(dpi), "-f", String.valueOf(page), "-l", String.valueOf(page),
                "-singlefile", pdf.toString(), base + "-p" + page);
        return Path.of(base + "-p" + page + ".png");
    }

    /**
     * Renders one region of every page in {@code first..last} to 8-bit grey PNGs {@code PREFIX-N.png} (N zero-padded
     * as pdftoppm pads it), the region given in pixels at {@code dpi}, as a printer at that resolution lays it down.
     */
    public static List<Path> renderRegion(Path pdf, int first, int last, int dpi, int x, int y, int width, int height,
                                          Path prefix) throws IOException {
        run("pdftoppm", "-gray", "-png", "-r", String.valueOf(dpi), "-f", String.valueOf(first), "-l",
                String.valueOf(last), "-x", String.valueOf(x), "-y", String.valueOf(y), "-W", String.valueOf(width),
                "-H", String.valueOf(height), pdf.toString(), prefix.toString());
        String base = prefix.getFileName().toString() + "-";
        List<Path> pages = new ArrayList<>();
        try (var files = Files.list(prefix.toAbsolutePath().getParent())) {
            files.filter(f -> f.getFileName().toString().startsWith(base) && f.toString().endsWith(".png"))
                    .filter(f -> {
                        int page = pageNumber(f, base);
                        return page >= first && page <= last;
                    })
                    .sorted(java.util.Comparator.comparingInt(f -> pageNumber(f, base)))
                    .forEach(pages::add);
        }
        if (pages.size() != last - first + 1) {
            throw new IOException("pdftoppm made %d pages of %d..%d".formatted(pages.size(), first, last));
        }
        return pages;
    }

    private static int pageNumber(Path png, String base) {
        String name = png.getFileName().toString();
        return Integer.parseInt(name.substring(base.length(), name.length() - ".png".length()));
    }

    static String run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
