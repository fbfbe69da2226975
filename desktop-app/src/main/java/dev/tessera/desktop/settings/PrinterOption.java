package dev.tessera.desktop.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the settings' printer list: the computer's default printer, no printer at all (PDF files in the
 * printouts folder), or a printer the system lists by name. Each maps to and from what the settings file keeps.
 */
public sealed interface PrinterOption {
    /** The system's default printer (a PDF file when the computer has none). */
    PrinterOption SYSTEM_DEFAULT = new SystemDefault();
    /** PDF files in the printouts folder, never a printer. */
    PrinterOption PDF_FILES = new PdfFiles();

    record SystemDefault() implements PrinterOption {}

    record PdfFiles() implements PrinterOption {}

    record Named(String name) implements PrinterOption {
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a printer's name is not blank");
            }
        }
    }

    static PrinterOption named(String name) {
        return new Named(name.strip());
    }

    /** The entry a saved choice stands for. */
    static PrinterOption of(TerminalSettings.PaperChoice paper) {
        if (paper.pdfOnly()) {
            return PDF_FILES;
        }
        return paper.printer().<PrinterOption>map(PrinterOption::named).orElse(SYSTEM_DEFAULT);
    }

    /** The choice to save for this entry. */
    default TerminalSettings.PaperChoice choice(boolean printAtOnce) {
        return switch (this) {
            case SystemDefault d -> new TerminalSettings.PaperChoice(Optional.empty(), false, printAtOnce);
            case PdfFiles p -> new TerminalSettings.PaperChoice(Optional.empty(), true, printAtOnce);
            case Named n -> new TerminalSettings.PaperChoice(Optional.of(n.name()), false, printAtOnce);
        };
    }
}
