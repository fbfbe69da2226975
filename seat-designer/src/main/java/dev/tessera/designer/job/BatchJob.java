package dev.tessera.designer.job;

import java.util.ArrayList;
import java.util.List;

/** Several jobs as one undoable step: a paste, an alignment, a renumbering with new row labels. */
public final class BatchJob extends Job {
    private final String description;
    private final List<Job> jobs;
    private final List<Job> executed = new ArrayList<>();

    public BatchJob(String description, List<? extends Job> jobs) {
        this.description = description;
        this.jobs = List.copyOf(jobs);
    }

    @Override
    public boolean isExecutable() {
        return jobs.stream().anyMatch(Job::isExecutable);
    }

    @Override
    public void execute() {
        executed.clear();
        for (Job job : jobs) {
            if (job.isExecutable()) {
                job.execute();
                executed.add(job);
            }
        }
    }

    @Override
    public void undo() {
        for (int i = executed.size() - 1; i >= 0; i--) {
            executed.get(i).undo();
        }
    }

    @Override
    public void redo() {
        for (Job job : executed) {
            job.redo();
        }
    }

    @Override
    public String getDescription() {
        return description;
    }

    public List<Job> jobs() {
        return jobs;
    }
}
