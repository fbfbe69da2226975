package dev.tessera.designer.job;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Executes jobs and keeps bounded undo and redo stacks. Panels listen to {@link #revisionProperty()},
 * which changes after every push, undo and redo. A job that pushes another job while it runs is a
 * programming error and is refused: the inner change would escape the outer job's undo.
 */
public final class JobManager {
    public static final int DEFAULT_LIMIT = 200;

    private final int limit;
    private final Deque<Job> undoStack = new ArrayDeque<>();
    private final Deque<Job> redoStack = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private boolean running;
    /** The job on top of the undo stack when the document was last saved; null for "none". */
    private Job savedAt;
    private boolean savedStateLost;

    public JobManager() {
        this(DEFAULT_LIMIT);
    }

    public JobManager(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the undo limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    /**
     * Executes the job and makes it undoable; returns false and does nothing if it is not executable.
     *
     * @throws IllegalStateException when called from inside another job
     */
    public boolean push(Job job) {
        requireNotRunning("push");
        if (!job.isExecutable()) {
            return false;
        }
        run(job::execute);
        undoStack.push(job);
        while (undoStack.size() > limit) {
            Job dropped = undoStack.removeLast();
            if (dropped == savedAt) {
                savedStateLost = true;
            }
        }
        if (savedAt != null && redoStack.contains(savedAt)) {
            savedStateLost = true;
        }
        redoStack.clear();
        changed();
        return true;
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    public void undo() {
        requireNotRunning("undo");
        if (undoStack.isEmpty()) {
            return;
        }
        Job job = undoStack.pop();
        run(job::undo);
        redoStack.push(job);
        changed();
    }

    public void redo() {
        requireNotRunning("redo");
        if (redoStack.isEmpty()) {
            return;
        }
        Job job = redoStack.pop();
        run(job::redo);
        undoStack.push(job);
        changed();
    }

    /**
     * Takes over {@code other}'s undo and redo history and its saved mark, leaving {@code other} empty: a designer
     * rebuilt in another language goes on with the same document's history.
     */
    public void adopt(JobManager other) {
        requireNotRunning("adopt");
        undoStack.clear();
        undoStack.addAll(other.undoStack);
        redoStack.clear();
        redoStack.addAll(other.redoStack);
        savedAt = other.savedAt;
        savedStateLost = other.savedStateLost;
        other.undoStack.clear();
        other.redoStack.clear();
        other.savedAt = null;
        other.savedStateLost = false;
        other.changed();
        changed();
    }

    /** Forgets all history, for a newly opened document. */
    public void clear() {
        requireNotRunning("clear");
        undoStack.clear();
        redoStack.clear();
        savedAt = null;
        savedStateLost = false;
        changed();
    }

    /** Records that the document as it is now has been saved. */
    public void markSaved() {
        savedAt = undoStack.peek();
        savedStateLost = false;
        changed();
    }

    public int undoDepth() {
        return undoStack.size();
    }

    public int redoDepth() {
        return redoStack.size();
    }

    public int limit() {
        return limit;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public int getRevision() {
        return revision.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the document differs from what was last saved (or opened). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void run(Runnable action) {
        running = true;
        try {
            action.run();
        } finally {
            running = false;
        }
    }

    private void requireNotRunning(String what) {
        if (running) {
            throw new IllegalStateException("cannot " + what + " a job while another job runs: make it part of that job");
        }
    }

    private void changed() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
        undoDescription.set(undoStack.isEmpty() ? "" : undoStack.peek().getDescription());
        redoDescription.set(redoStack.isEmpty() ? "" : redoStack.peek().getDescription());
        modified.set(savedStateLost || undoStack.peek() != savedAt);
        revision.set(revision.get() + 1);
    }
}
