package dev.tessera.desktop.settings;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What this terminal remembers between starts: the platform center it works with (none = the embedded
 * one), the language, and the contactless reader at the counter.
 */
public record TerminalSettings(Optional<URI> center, Optional<Locale> language, ReaderChoice reader) {
    public static final TerminalSettings DEFAULTS =
            new TerminalSettings(Optional.empty(), Optional.empty(), ReaderChoice.SIMULATED);

    public TerminalSettings {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(reader, "reader");
    }

    public TerminalSettings withCenter(Optional<URI> newCenter) {
        return new TerminalSettings(newCenter, language, reader);
    }

    public TerminalSettings withLanguage(Locale newLanguage) {
        return new TerminalSettings(center, Optional.of(newLanguage), reader);
    }

    public TerminalSettings withReader(ReaderChoice newReader) {
        return new TerminalSettings(center, language, newReader);
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
