package dev.tessera.center.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * A query built with jOOQ's DSL and rendered to SQL once per dialect, then run through jOOQ with its bind values in the
 * order the query uses them (issue 13: on a sale's path, building and rendering a small lookup cost the center more CPU
 * than the database spent running it). The query is built with {@link org.jooq.impl.DSL#param(String, Class)}
 * placeholders; the values passed to {@link #fetch} take their places, first to last.
 */
public final class RenderedQuery {
    private final Function<DSLContext, ? extends ResultQuery<?>> build;
    private final Map<SQLDialect, String> sql = new ConcurrentHashMap<>();

    public RenderedQuery(Function<DSLContext, ? extends ResultQuery<?>> build) {
        this.build = build;
    }

    /** Runs the query in {@code ctx} (the caller's transaction, if any) with {@code values} in their places. */
    public Result<Record> fetch(DSLContext ctx, Object... values) {
        return ctx.resultQuery(sql(ctx), values).fetch();
    }

    /** The SQL as rendered for {@code ctx}'s dialect, with a {@code ?} for each value. */
    public String sql(DSLContext ctx) {
        return sql.computeIfAbsent(ctx.dialect(), dialect -> ctx.render(build.apply(ctx)));
    }
}
