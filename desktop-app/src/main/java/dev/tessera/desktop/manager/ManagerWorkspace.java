package dev.tessera.desktop.manager;

import dev.tessera.desktop.shell.Workspace;
import dev.tessera.desktop.shell.WorkspaceContext;
import dev.tessera.desktop.shell.WorkspaceFactory;
import dev.tessera.reports.print.ReportPrinter;
import javafx.scene.Node;

/** The manager's tab: sales logs and settlement per seller, occupancy, preview, print and export (issue 5). */
public final class ManagerWorkspace implements Workspace {
    public static final WorkspaceFactory FACTORY = ManagerWorkspace::open;

    private final ManagerViewModel viewModel;
    private final WorkspaceContext context;
    private ManagerView view;

    private ManagerWorkspace(ManagerViewModel viewModel, WorkspaceContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    static ManagerWorkspace open(WorkspaceContext context) {
        // a PC without a printer still gets its report: as a PDF beside the app's data
        return new ManagerWorkspace(new ManagerViewModel(context.session(), context.tasks(), context.l10n(),
                ReportPrinter.system(), context.dataDir().resolve("reports")), context);
    }

    @Override
    public String id() {
        return "manager";
    }

    @Override
    public String titleKey() {
        return "workspace.manager";
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ManagerView(viewModel, context.l10n());
        }
        return view;
    }

    @Override
    public void start() {
        viewModel.load();
    }

    @Override
    public void focusDefault() {
        if (view != null) {
            view.focusDefault();
        }
    }

    public ManagerViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
