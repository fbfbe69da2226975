package dev.tessera.desktop.manager;

import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.desktop.workspace.WorkspaceFactory;
import dev.tessera.reports.print.ReportPrinter;

/**
 * A seller's own sales log (claim 75) beside the counter: the same report, preview, print and export as the
 * manager's, filled the same way from the center, which answers a seller with its own sales, voids and refunds.
 */
public final class MySalesWorkspace extends ViewModelWorkspace<ManagerViewModel, ManagerView> {
    public static final WorkspaceFactory FACTORY = MySalesWorkspace::new;

    private MySalesWorkspace(WorkspaceContext context) {
        super("my-sales", "workspace.mySales", ManagerViewModel.ownSalesLog(context.session(), context.tasks(),
                context.l10n(), ReportPrinter.system(), context.dataDir().resolve("reports")),
                viewModel -> new ManagerView(viewModel, context.l10n(), context.dialogs()));
    }
}
