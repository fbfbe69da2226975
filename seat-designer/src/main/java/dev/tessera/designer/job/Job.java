package dev.tessera.designer.job;

/**
 * One undoable change of a document, as in Scene Builder: {@link JobManager#push} executes it,
 * after which it can be undone and redone any number of times, alternately.
 */
public abstract class Job {
    /** False when executing would change nothing (an empty selection, a move by zero). */
    public boolean isExecutable() {
        return true;
    }

    public abstract void execute();

    public abstract void undo();

    public abstract void redo();

    /** What the job does, as the Edit menu shows it ("Move 12 seats"). */
    public abstract String getDescription();
}
