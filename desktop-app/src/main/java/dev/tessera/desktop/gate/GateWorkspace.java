package dev.tessera.desktop.gate;

import dev.tessera.desktop.workspace.ViewModelWorkspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.desktop.workspace.WorkspaceFactory;

/** The gate staff's tab (issue 5, claim 67): tap or scan, a large answer, counts per gate, offline-capable. */
public final class GateWorkspace extends ViewModelWorkspace<GateViewModel, GateView> {
    public static final String ID = "gate";
    public static final WorkspaceFactory FACTORY = GateWorkspace::new;

    private GateWorkspace(WorkspaceContext ctx) {
        super(ID, "workspace.gate", new GateViewModel(ctx), viewModel -> new GateView(viewModel, ctx.l10n()));
    }
}
