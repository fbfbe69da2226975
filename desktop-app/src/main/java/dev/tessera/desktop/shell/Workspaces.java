package dev.tessera.desktop.shell;

import dev.tessera.core.model.Role;
import dev.tessera.desktop.workspace.WorkspaceFactory;
import java.util.List;
import java.util.Map;

/** Which workspaces a role opens after sign-in, besides Events (and the seller's Counter). */
public final class Workspaces {
    private static final Map<Role, List<WorkspaceFactory>> BY_ROLE = Map.of(
            Role.ORGANIZER, List.of(dev.tessera.desktop.organizer.OrganizerWorkspace::open),
            Role.MANAGER, List.of(dev.tessera.desktop.manager.ManagerWorkspace.FACTORY),
            // claim 75: a seller reads its own sales log
            Role.SELLER, List.of(dev.tessera.desktop.manager.MySalesWorkspace.FACTORY),
            Role.GATE, List.of(dev.tessera.desktop.gate.GateWorkspace.FACTORY),
            // issue 14: a member's cards, tickets and transfers, at home as at a kiosk
            Role.MEMBER, List.of(MemberWorkspace.FACTORY));

    private Workspaces() {
    }

    public static List<WorkspaceFactory> forRole(Role role) {
        return BY_ROLE.getOrDefault(role, List.of());
    }
}
