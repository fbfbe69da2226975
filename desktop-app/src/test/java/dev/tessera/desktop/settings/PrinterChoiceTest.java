package dev.tessera.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The settings' printer list without a stage: the computer's default printer, PDF files only and the printers the
 * system lists are three kinds of entry, and whichever is chosen comes back from the settings file as it was.
 */
class PrinterChoiceTest {
    private final List<String> systemPrinters = new ArrayList<>();

    @Test
    void everyKindOfEntryIsSavedAndComesBackAsItWas() {
        for (TerminalSettings.PaperChoice saved : List.of(
                TerminalSettings.PaperChoice.DEFAULT,
                new TerminalSettings.PaperChoice(Optional.empty(), true, false),
                new TerminalSettings.PaperChoice(Optional.of("Star TSP143 (front desk)"), false, true))) {
            SettingsViewModel viewModel = open(saved);
            assertThat(viewModel.printers()).as("the saved entry is listed").contains(viewModel.printerProperty().get());
            assertThat(viewModel.result().paper()).isEqualTo(saved);
        }
    }

    @Test
    void aPrinterNamedLikeAnEntryOfItsOwnIsStillAPrinter() {
        SettingsViewModel viewModel = open(TerminalSettings.PaperChoice.DEFAULT);
        systemPrinters.addAll(List.of("PDF", "Default", "  ", "Office laser"));
        viewModel.refreshPrinters();

        assertThat(viewModel.printers()).containsExactly(PrinterOption.SYSTEM_DEFAULT, PrinterOption.PDF_FILES,
                PrinterOption.named("PDF"), PrinterOption.named("Default"), PrinterOption.named("Office laser"));
        viewModel.printerProperty().set(PrinterOption.named("PDF"));
        assertThat(viewModel.result().paper())
                .as("a printer called PDF prints on paper")
                .isEqualTo(new TerminalSettings.PaperChoice(Optional.of("PDF"), false, true));
        viewModel.printerProperty().set(PrinterOption.PDF_FILES);
        assertThat(viewModel.result().paper().pdfOnly()).isTrue();
        assertThat(viewModel.result().paper().printer()).isEmpty();
    }

    @Test
    void aSavedPrinterTheSystemNoLongerListsStaysChosenAndListed() {
        SettingsViewModel viewModel = open(new TerminalSettings.PaperChoice(Optional.of("Old thermal"), false, true));
        systemPrinters.add("New thermal");
        viewModel.refreshPrinters();

        assertThat(viewModel.printers()).containsExactly(PrinterOption.SYSTEM_DEFAULT, PrinterOption.PDF_FILES,
                PrinterOption.named("New thermal"), PrinterOption.named("Old thermal"));
        assertThat(viewModel.printerProperty().get()).isEqualTo(PrinterOption.named("Old thermal"));
    }

    private SettingsViewModel open(TerminalSettings.PaperChoice paper) {
        TerminalSettings settings = TerminalSettings.DEFAULTS.withPaper(paper);
        return new SettingsViewModel(settings, Locale.ENGLISH, false, new CurrentThreadTaskExecutor(), List::of,
                () -> List.copyOf(systemPrinters));
    }
}
