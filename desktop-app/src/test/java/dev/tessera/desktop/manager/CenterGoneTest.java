package dev.tessera.desktop.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.reports.print.ReportPrinter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manager whose center went away reads that in words, and keeps the filters chosen. */
class CenterGoneTest {
    @Test
    void anUnreachableCenterIsReportedInWords(@TempDir Path data) {
        TestCenter center = TestCenter.start(data);
        try (CenterClient client = new CenterClient(center.baseUri())) {
            CenterSession manager = client.signIn("manager", "manager-demo");
            Localization l10n = new Localization(Locale.ENGLISH);
            ManagerViewModel vm = new ManagerViewModel(manager, new CurrentThreadTaskExecutor(), l10n,
                    new ReportPrinter(List::of, Optional::empty), data.resolve("printed"));
            vm.load();
            vm.kindProperty().set(ReportKind.SETTLEMENT);
            // the center stops; this terminal's client stays as it was
            center.connection().close();
            center.client().close();

            vm.generate();
            assertThat(vm.statusProperty().get().key()).isEqualTo("error.unreachable");
            assertThat(vm.failedProperty().get()).isTrue();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.kindProperty().get()).isEqualTo(ReportKind.SETTLEMENT);
            assertThat(l10n.text(vm.statusProperty().get())).isNotBlank();
        }
    }
}
