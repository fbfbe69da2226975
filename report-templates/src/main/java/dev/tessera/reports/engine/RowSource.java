package dev.tessera.reports.engine;

import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportJob;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * A Jasper data source over typed rows, read one at a time (a database cursor stays a cursor). Field
 * values come from accessor functions rather than reflection; every row checks the cancel flag.
 */
public final class RowSource<T> implements JRDataSource {
    private static final int PROGRESS_EVERY = 1_000;

    private final Iterator<? extends T> rows;
    private final Map<String, Function<? super T, ?>> fields;
    private final ReportJob job;
    private final long total;
    private long count;
    private T current;

    public RowSource(Iterator<? extends T> rows, Map<String, Function<? super T, ?>> fields, ReportJob job, long total) {
        this.rows = rows;
        this.fields = Map.copyOf(fields);
        this.job = job;
        this.total = total;
    }

    public static <T> RowSource<T> of(Iterable<? extends T> rows, Map<String, Function<? super T, ?>> fields) {
        return new RowSource<>(rows.iterator(), fields, ReportJob.unattended(), -1);
    }

    @Override
    public boolean next() {
        job.cancellation().throwIfCancelled();
        if (!rows.hasNext()) {
            job.progress().update(Progress.Stage.FILL, count, total < 0 ? count : total);
            return false;
        }
        current = rows.next();
        count++;
        if (count % PROGRESS_EVERY == 0) {
            job.progress().update(Progress.Stage.FILL, count, total);
        }
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Function<? super T, ?> accessor = fields.get(field.getName());
        if (accessor == null) {
            throw new JRException("the data source has no field " + field.getName());
        }
        return accessor.apply(current);
    }
}
