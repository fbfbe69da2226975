package dev.tessera.desktop.gate;

import dev.tessera.desktop.shell.Workspace;
import dev.tessera.desktop.shell.WorkspaceContext;
import dev.tessera.desktop.shell.WorkspaceFactory;
import javafx.scene.Node;

/** The gate staff's tab (issue 5, claim 67): tap or scan, a large answer, counts per gate, offline-capable. */
public final class GateWorkspace implements Workspace {
    public static final String ID = "gate";
    public static final WorkspaceFactory FACTORY = GateWorkspace::new;

    private final WorkspaceContext ctx;
    private final GateViewModel viewModel;
    private GateView view;

    private GateWorkspace(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.viewModel = new GateViewModel(ctx);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "workspace.gate";
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new GateView(viewModel, ctx.l10n());
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

    public GateViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
