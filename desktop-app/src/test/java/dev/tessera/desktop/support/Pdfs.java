package dev.tessera.desktop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A printout as a person checks it: its text (pdftotext -layout) and a rendered page beside the screenshots. */
public final class Pdfs {
    private Pdfs() {}

    /** The PDF's text as laid out on the page; fails when the file is not a PDF or poppler cannot read it. */
    public static String text(Path pdf) throws IOException, InterruptedException {
        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).as(pdf.toString()).startsWith("%PDF");
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** The first page as {@code NAME.png} in {@link Screenshots#FOLDER}, to look at. */
    public static Path render(Path pdf, String name) throws IOException, InterruptedException {
        Files.createDirectories(Screenshots.FOLDER);
        Path base = Screenshots.FOLDER.resolve(name);
        run("pdftoppm", "-png", "-r", "150", "-singlefile", pdf.toString(), base.toString());
        return Path.of(base + ".png");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ended within 60 s").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
