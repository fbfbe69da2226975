package dev.tessera.center.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A statement of a sale's hot path (an INSERT or UPDATE, with or without RETURNING, or a SELECT) built with jOOQ's DSL
 * and rendered by jOOQ once per dialect, then run on the transaction's own connection with its values bound in the
 * order the statement takes them (issue 13: building and rendering a sale's dozen statements was half of the center's
 * CPU in a sale, more than the database spent running them). jOOQ still writes every character of the SQL; only the
 * per-call rendering is gone.
 *
 * <p>The statement is built with {@link org.jooq.impl.DSL#param(String, Class)} placeholders for every value and
 * {@link org.jooq.impl.DSL#inline(Object)} for constants, so its SQL is the same on every call; a call with another
 * number of values than the statement has placeholders is refused. Values are bound as JDBC binds them: numbers,
 * strings, booleans and {@code OffsetDateTime} (null as SQL NULL). A failure surfaces as jOOQ's
 * {@link DataAccessException} with the driver's SQLSTATE, as for any other statement (a transaction retries a
 * transient one).
 */
public final class RenderedStatement {
    /** Reads one row of a RETURNING statement. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private record Rendered(String sql, int binds) {}

    private final Function<DSLContext, ? extends Query> build;
    private final Map<SQLDialect, Rendered> rendered = new ConcurrentHashMap<>();

    public RenderedStatement(Function<DSLContext, ? extends Query> build) {
        this.build = build;
    }

    /** A placeholder for a value of {@code field}, named and typed as the field. */
    public static <T> Param<T> param(Field<T> field) {
        return DSL.param(field.getName(), field.getDataType());
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (?, …), …}: {@code rows} rows of a placeholder for each column, for a
     * statement whose values are bound row after row, column after column.
     */
    public static <R extends Record> InsertValuesStepN<R> insertRows(DSLContext ctx, Table<R> table, int rows,
                                                                     List<? extends Field<?>> columns) {
        InsertValuesStepN<R> insert = ctx.insertInto(table, columns);
        List<Param<?>> placeholders = columns.stream().<Param<?>>map(RenderedStatement::param).toList();
        for (int i = 0; i < rows; i++) {
            insert = insert.values(placeholders);
        }
        return insert;
    }

    /** Runs the statement in {@code ctx}'s transaction; returns the number of rows it changed. */
    public int execute(DSLContext ctx, Object... values) {
        return run(ctx, values, statement -> statement.executeUpdate());
    }

    /**
     * Runs a statement that returns rows (PostgreSQL's {@code RETURNING}, H2's {@code FINAL TABLE}) and reads each with
     * {@code reader}.
     */
    public <T> List<T> fetch(DSLContext ctx, RowReader<T> reader, Object... values) {
        return run(ctx, values, statement -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        });
    }

    /** The first column of the one row a statement returns: the key an INSERT … RETURNING made. */
    public long fetchLong(DSLContext ctx, Object... values) {
        List<Long> rows = fetch(ctx, rs -> rs.getLong(1), values);
        if (rows.size() != 1) {
            throw new DataAccessException("expected one row from " + sql(ctx) + ", got " + rows.size());
        }
        return rows.getFirst();
    }

    /** The SQL as jOOQ rendered it for {@code ctx}'s dialect, a {@code ?} for each value. */
    public String sql(DSLContext ctx) {
        return rendered(ctx).sql();
    }

    /** How many values the statement takes in {@code ctx}'s dialect. */
    int binds(DSLContext ctx) {
        return rendered(ctx).binds();
    }

    private Rendered rendered(DSLContext ctx) {
        return rendered.computeIfAbsent(ctx.dialect(), dialect -> {
            Query query = build.apply(ctx);
            return new Rendered(ctx.render(query), ctx.extractBindValues(query).size());
        });
    }

    @FunctionalInterface
    private interface Run<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(DSLContext ctx, Object[] values, Run<T> run) {
        Rendered statement = rendered(ctx);
        if (values.length != statement.binds()) {
            throw new IllegalArgumentException(statement.binds() + " values belong to " + statement.sql() + ", not "
                    + values.length);
        }
        return ctx.connectionResult(connection -> execute(connection, statement.sql(), values, run));
    }

    private static <T> T execute(Connection connection, String sql, Object[] values, Run<T> run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return run.run(statement);
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        }
    }

    /** Binds {@code values} to the statement's placeholders in order, null as SQL NULL. */
    static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    /**
     * Statements whose shape depends on a key (how many rows an INSERT writes, how many seats an UPDATE names): one
     * {@link RenderedStatement} per key, each rendered once per dialect.
     */
    public static final class Shapes<K> {
        private final BiFunction<DSLContext, K, ? extends Query> build;
        private final Map<K, RenderedStatement> shapes = new ConcurrentHashMap<>();

        public Shapes(BiFunction<DSLContext, K, ? extends Query> build) {
            this.build = build;
        }

        public RenderedStatement of(K key) {
            return shapes.computeIfAbsent(key, k -> new RenderedStatement(ctx -> build.apply(ctx, k)));
        }
    }
}
