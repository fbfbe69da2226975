package dev.tessera.reports;

/**
 * Where a long report job is: called from the worker thread, so a UI must hop to its own thread.
 * {@code total} is -1 while unknown.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> { };

    enum Stage { QUERY, FILL, EXPORT, PRINT }

    void update(Stage stage, long done, long total);
}
