package dev.tessera.desktop.settings;

import dev.tessera.client.CenterTrust;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What this terminal remembers between starts: the platform center it works with (none = the embedded
 * one) and the CA certificate pinned for it, the language, the contactless reader at the counter, and where paper tickets and receipts go.
 */
public record TerminalSettings(Optional<URI> center, Optional<Locale> language, ReaderChoice reader, PaperChoice paper,
                               Optional<Path> centerCa) {
    public static final TerminalSettings DEFAULTS =
            new TerminalSettings(Optional.empty(), Optional.empty(), ReaderChoice.SIMULATED, PaperChoice.DEFAULT);

    public TerminalSettings {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(centerCa, "centerCa");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(paper, "paper");
    }

    public TerminalSettings(Optional<URI> center, Optional<Locale> language, ReaderChoice reader, PaperChoice paper) {
        this(center, language, reader, paper, Optional.empty());
    }

    public TerminalSettings(Optional<URI> center, Optional<Locale> language, ReaderChoice reader) {
        this(center, language, reader, PaperChoice.DEFAULT);
    }

    public TerminalSettings withCenter(Optional<URI> newCenter) {
        return new TerminalSettings(newCenter, language, reader, paper, centerCa);
    }

    public TerminalSettings withLanguage(Locale newLanguage) {
        return new TerminalSettings(center, Optional.of(newLanguage), reader, paper, centerCa);
    }

    public TerminalSettings withReader(ReaderChoice newReader) {
        return new TerminalSettings(center, language, newReader, paper, centerCa);
    }

    public TerminalSettings withPaper(PaperChoice newPaper) {
        return new TerminalSettings(center, language, reader, newPaper, centerCa);
    }

    /** The CA certificate (PEM file) the operator pinned for an https:// center; none: this computer's authorities. */
    public TerminalSettings withCenterCa(Optional<Path> newCa) {
        return new TerminalSettings(center, language, reader, paper, newCa);
    }

    /** Which certificates the center may show (docs/operations.md "TLS"). */
    public CenterTrust trust() {
        return centerCa.map(CenterTrust::pinned).orElse(CenterTrust.SYSTEM);
    }

    /**
     * Claim 20: the printer for paper tickets and receipts (empty: the system's default printer; a PDF file in the
     * printouts folder when the computer has none), or PDF files only; and whether a paid paper sale prints at once or
     * waits for Print (Ctrl+P).
     */
    public record PaperChoice(Optional<String> printer, boolean pdfOnly, boolean printAtOnce) {
        public static final PaperChoice DEFAULT = new PaperChoice(Optional.empty(), false, true);

        public PaperChoice {
            Objects.requireNonNull(printer, "printer");
            printer = pdfOnly ? Optional.empty() : printer.map(String::strip).filter(n -> !n.isEmpty());
        }
    }

    /** The counter's reader: the simulated one with virtual chips, or a PC/SC reader found by (part of) its name. */
    public record ReaderChoice(Optional<String> pcscName) {
        public static final ReaderChoice SIMULATED = new ReaderChoice(Optional.empty());

        public ReaderChoice {
            Objects.requireNonNull(pcscName, "pcscName");
            pcscName = pcscName.map(String::strip).filter(n -> !n.isEmpty());
        }

        public static ReaderChoice pcsc(String name) {
            return new ReaderChoice(Optional.of(name));
        }

        public boolean simulated() {
            return pcscName.isEmpty();
        }
    }
}
