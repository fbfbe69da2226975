package dev.tessera.desktop.manager;

import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.desktop.workspace.WorkspaceFactory;
import dev.tessera.reports.print.ReportPrinter;

/** The manager's tab: sales logs and settlement per seller, occupancy, preview, print and export (issue 5). */
public final class ManagerWorkspace extends ViewModelWorkspace<ManagerViewModel, ManagerView> {
    public static final WorkspaceFactory FACTORY = ManagerWorkspace::new;

    private ManagerWorkspace(WorkspaceContext context) {
        // a PC without a printer still gets its report: as a PDF beside the app's data
        super("manager", "workspace.manager", new ManagerViewModel(context.session(), context.tasks(), context.l10n(),
                ReportPrinter.system(), context.dataDir().resolve("reports")),
                viewModel -> new ManagerView(viewModel, context.l10n(), context.dialogs()));
    }
}
