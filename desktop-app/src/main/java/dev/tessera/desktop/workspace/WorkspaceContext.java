package dev.tessera.desktop.workspace;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ui.ConnectionStatus;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a workspace may use: the signed-in session, the center client, the terminal's ledger and
 * chip tray (opened on first use), background tasks, texts, dialogs and the clock.
 */
public record WorkspaceContext(CenterSession session, CenterClient client, ConnectionStatus status,
                               TaskExecutor tasks, Localization l10n, DialogService dialogs, Clock clock,
                               Path dataDir, Resources resources) {

    /** The terminal's shared, lazily opened resources. */
    public interface Resources {
        LedgerStore ledger() throws IOException;

        VirtualChips virtualChips();

        /** The PC/SC reader chosen in Settings, by (part of) its name; empty: the simulated reader and its tray. */
        java.util.Optional<String> pcscReader();
    }

    public LedgerStore ledger() throws IOException {
        return resources.ledger();
    }

    public VirtualChips virtualChips() {
        return resources.virtualChips();
    }

    public java.util.Optional<String> pcscReader() {
        return resources.pcscReader();
    }
}
