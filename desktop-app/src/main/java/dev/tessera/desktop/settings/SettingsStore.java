package dev.tessera.desktop.settings;

import dev.tessera.desktop.startup.StartupSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's settings as a small properties file in its data folder. Saved atomically (a crash
 * mid-save leaves the previous file); a damaged file is set aside and the defaults are used, so a bad
 * file never stops the box office from starting.
 */
public final class SettingsStore {
    public static final String FILE = "settings.properties";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String CENTER = "center.url";
    private static final String CENTER_CA = "center.ca";
    private static final String LANGUAGE = "language";
    private static final String READER = "reader.pcsc";
    private static final String PRINTER = "paper.printer";
    private static final String PDF_ONLY = "paper.pdfOnly";
    private static final String PRINT_AT_ONCE = "paper.printAtOnce";

    private final Path file;

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public TerminalSettings load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return TerminalSettings.DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            setAside("it could not be read: " + e.getMessage());
            return TerminalSettings.DEFAULTS;
        }
        Optional<URI> center = Optional.empty();
        String url = p.getProperty(CENTER, "").strip();
        if (!url.isEmpty()) {
            try {
                center = Optional.of(StartupSettings.centerUri(url));
            } catch (IllegalArgumentException e) {
                LOG.warn("settings: ignoring the saved center ({}); using the embedded center", e.getMessage());
            }
        }
        Optional<Locale> language = Optional.ofNullable(p.getProperty(LANGUAGE)).map(String::strip)
                .filter(l -> !l.isEmpty()).map(Locale::forLanguageTag);
        TerminalSettings.ReaderChoice reader = new TerminalSettings.ReaderChoice(
                Optional.ofNullable(p.getProperty(READER)));
        TerminalSettings.PaperChoice paper = new TerminalSettings.PaperChoice(Optional.ofNullable(p.getProperty(PRINTER)),
                Boolean.parseBoolean(p.getProperty(PDF_ONLY, "false").strip()),
                !"false".equalsIgnoreCase(p.getProperty(PRINT_AT_ONCE, "true").strip()));
        Optional<java.nio.file.Path> centerCa = Optional.ofNullable(p.getProperty(CENTER_CA)).map(String::strip)
                .filter(s -> !s.isEmpty()).map(java.nio.file.Path::of);
        return new TerminalSettings(center, language, reader, paper, centerCa);
    }

    /** Writes all settings; the old file stays intact until the new one is complete. */
    public void save(TerminalSettings settings) {
        Properties p = new Properties();
        settings.center().ifPresent(c -> p.setProperty(CENTER, c.toString()));
        settings.centerCa().ifPresent(ca -> p.setProperty(CENTER_CA, ca.toString()));
        settings.language().ifPresent(l -> p.setProperty(LANGUAGE, l.toLanguageTag()));
        settings.reader().pcscName().ifPresent(n -> p.setProperty(READER, n));
        settings.paper().printer().ifPresent(n -> p.setProperty(PRINTER, n));
        p.setProperty(PDF_ONLY, Boolean.toString(settings.paper().pdfOnly()));
        p.setProperty(PRINT_AT_ONCE, Boolean.toString(settings.paper().printAtOnce()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Tessera terminal settings (written by the app; edit in Settings)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the settings could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }

    private void setAside(String why) {
        Path aside = file.resolveSibling(FILE + ".damaged");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("settings: {} {}; moved it to {} and started with the defaults", file, why, aside);
        } catch (IOException e) {
            LOG.warn("settings: {} {}; using the defaults", file, why);
        }
    }
}
