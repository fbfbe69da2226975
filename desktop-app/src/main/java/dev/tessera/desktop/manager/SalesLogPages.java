package dev.tessera.desktop.manager;

import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.desktop.center.ManagerApiTypes.SalesLogQuery;
import dev.tessera.reports.ReportJob;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Issue 13: the tickets of a sales log read a page at a time ({@code GET /api/sales-log?after=&limit=}), the next
 * page asked for while the report works on this one, so the desktop holds two pages at most, never the log.
 */
final class SalesLogPages implements Iterator<SalesLog.Line> {
    /** Sales a page holds: a few megabytes of JSON, a few hundred requests for a million sales. */
    static final int PAGE_SALES = 5_000;
    private static final Executor AHEAD = command -> Thread.ofVirtual().name("sales-log-page").start(command);

    private final CenterSession session;
    private final SalesLogQuery query;
    private final ReportJob job;
    private Iterator<SalesLog.Line> page = Collections.emptyIterator();
    private CompletableFuture<SalesLog> coming;

    SalesLogPages(CenterSession session, SalesLogQuery query, ReportJob job) {
        this.session = session;
        this.query = query;
        this.job = job;
        this.coming = fetch(null);
    }

    private CompletableFuture<SalesLog> fetch(String after) {
        return ahead(() -> session.salesLogPage(query, after, PAGE_SALES));
    }

    /** A call to the center made on a thread of its own while the report goes on. */
    static <T> CompletableFuture<T> ahead(java.util.function.Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, AHEAD);
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && coming != null) {
            job.cancellation().throwIfCancelled();
            SalesLog log = join(coming);
            coming = log.next() == null ? null : fetch(log.next());
            page = log.lines().iterator();
        }
        return page.hasNext();
    }

    @Override
    public SalesLog.Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    /** The answer of a call made {@link #ahead}, or what the call threw. */
    static <T> T join(CompletableFuture<T> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            // the center's typed failure, as a call on this thread would have thrown it
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
