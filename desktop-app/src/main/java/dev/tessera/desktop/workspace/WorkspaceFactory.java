package dev.tessera.desktop.workspace;

/** Opens a role's workspace; called on a background thread, so it may block on files or the center. */
@FunctionalInterface
public interface WorkspaceFactory {
    Workspace open(WorkspaceContext context) throws Exception;
}
