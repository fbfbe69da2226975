package dev.tessera.center.db;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a {@link Pipeline} sends its statements to PostgreSQL as one prepared statement and reads each step's row
 * count or rows in order; a refused step stops the rest with its SQLSTATE; a hold, its confirmation and a "sell now"
 * write through them, a "sell now" leaving its pipeline for the one-statement-at-a-time path when a step finds a seat
 * taken.
 */
class PipelinePostgresTest {
    private static final Table<?> PROBE = DSL.table(DSL.name("pipeline_probe"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
    private static final Field<Integer> SEEN = DSL.field(DSL.name("seen"), Integer.class);

    private static final RenderedStatement INSERT = new RenderedStatement(ctx -> ctx.insertInto(PROBE, NAME, SEEN)
            .values(DSL.param("name", String.class), DSL.param("seen", Integer.class)).returningResult(ID));
    private static final RenderedStatement SEE = new RenderedStatement(ctx -> ctx.update(PROBE)
            .set(SEEN, SEEN.plus(DSL.inline(1))).where(NAME.eq(DSL.param("name", String.class))));
    private static final RenderedStatement READ = new RenderedStatement(ctx -> ctx.select(NAME, SEEN).from(PROBE)
            .where(NAME.in(DSL.param("a", String.class), DSL.param("b", String.class))).orderBy(NAME));

    private CenterFixture fx;
    private Database db;

    @BeforeEach
    void start() {
        fx = new CenterFixture(PostgresCluster.shared().createDatabase("pipeline"), "postgres");
        db = fx.center.services().db();
        db.dsl().createTable(PROBE).column(ID, org.jooq.impl.SQLDataType.BIGINT.identity(true))
                .column(NAME, org.jooq.impl.SQLDataType.VARCHAR(20).notNull())
                .column(SEEN, org.jooq.impl.SQLDataType.INTEGER.notNull())
                .constraints(DSL.primaryKey(ID), DSL.unique(NAME)).execute();
    }

    @AfterEach
    void stop() {
        fx.closeCheckingTheLedger();
    }

    @Test
    void theStepsGoAsOneStatementAndAnswerInOrder() {
        AtomicInteger prepared = new AtomicInteger();
        List<String> rows = db.tx(ctx -> {
            DSLContext counted = countingPrepares(ctx, prepared);
            Pipeline pipeline = new Pipeline();
            var first = pipeline.fetch(INSERT, rs -> rs.getLong(1), "a", 0);
            var second = pipeline.fetch(INSERT, rs -> rs.getLong(1), "b", 5);
            var seenA = pipeline.execute(SEE, "a");
            var seenNobody = pipeline.execute(SEE, "nobody");
            var read = pipeline.fetch(READ, rs -> rs.getString(1) + "=" + rs.getInt(2), "a", "b");
            pipeline.run(counted);
            assertThat(second.rows().getFirst()).isGreaterThan(first.rows().getFirst());
            assertThat(seenA.count()).isEqualTo(1);
            assertThat(seenNobody.count()).isZero();
            assertThatThrownBy(seenA::rows).isInstanceOf(IllegalStateException.class);
            return read.rows();
        });
        assertThat(rows).as("each step sees the ones before it").containsExactly("a=1", "b=5");
        assertThat(prepared).as("five statements, one prepared statement: one round trip").hasValue(1);
        assertThat(db.dsl().fetchCount(PROBE)).as("committed with the transaction").isEqualTo(2);
    }

    @Test
    void aRefusedStepStopsTheRestWithItsSqlState() {
        Pipeline pipeline = new Pipeline();
        var seen = pipeline.execute(SEE, "a");
        assertThatThrownBy(() -> db.tx(ctx -> {
            pipeline.execute(INSERT, "a", 0);
            pipeline.execute(INSERT, "a", 1);
            pipeline.execute(INSERT, "c", 2);
            pipeline.run(ctx);
            return null;
        })).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
        assertThatThrownBy(seen::count).as("no step's result is read after a failure")
                .isInstanceOf(IllegalStateException.class);
        assertThat(db.dsl().fetchCount(PROBE)).as("the transaction rolled back, the third row never written").isZero();
        assertThatThrownBy(() -> pipeline.run(db.dsl())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStepGivenTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent() {
        Pipeline pipeline = new Pipeline();
        pipeline.execute(SEE, "a");
        pipeline.execute(SEE, "a", "b");
        assertThatThrownBy(() -> db.tx(ctx -> {
            pipeline.run(ctx);
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values belong to");
    }

    @Test
    void sellNowIsPipelinedAndLeavesATakenSeatToTheOneAtATimePath() {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 10),
                other, CenterFixture.quotaForAll(SampleVenues.theatre(), 10)), Map.of());
        List<String> seats = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).map(Seat::id).limit(4)
                .toList();
        Response taken = other.client().post("/api/events/" + ev.eventId() + "/sales", sellNow(seats.subList(2, 3)));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);

        long holds = nextKey(SEAT_HOLD.ID);
        long sales = nextKey(SALE.ID);
        Response sold = seller.client().post("/api/events/" + ev.eventId() + "/sales", sellNow(seats.subList(0, 2)));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        assertThat(sold.get("holdId").asLong()).as("the keys drawn first").isEqualTo(holds + 1);
        assertThat(sold.get("saleId").asLong()).isEqualTo(sales + 1);
        assertThat(sold.get("tickets")).hasSize(2);
        assertThat(db.dsl().fetchCount(SALE, SALE.ID.eq(sales + 1))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT,
                dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT.HOLD_ID.eq(holds + 1)))
                .as("a sale paid at once writes no hold seats").isZero();
        Response hold = seller.client().get("/api/holds/" + (holds + 1));
        assertThat(hold.get("status").asText()).isEqualTo("ISSUED");
        assertThat(hold.get("seatIds")).as("the hold's seats are its sale's").extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(seats.subList(0, 2));

        Response refused = seller.client().post("/api/events/" + ev.eventId() + "/sales",
                sellNow(List.of(seats.get(3), seats.get(2))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("type").asText()).endsWith("seat-unavailable");
        assertThat(refused.get("detail").asText()).contains(seats.get(2));
        // the pipeline drew a hold and a sale key, found the seat taken and rolled back; the one-at-a-time path then
        // inserted its own hold (a key from the sequence) and refused before any sale
        assertThat(nextKey(SEAT_HOLD.ID)).isEqualTo(holds + 1 + 2 + 1);
        assertThat(nextKey(SALE.ID)).isEqualTo(sales + 1 + 1 + 1);
        assertThat(db.dsl().fetchCount(SALE)).as("nothing of the refused sale stays").isEqualTo(2);
    }

    @Test
    void aHoldAndItsConfirmationArePipelined() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 10)),
                Map.of());
        List<String> seats = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).map(Seat::id).limit(4)
                .toList();
        long holds = nextKey(SEAT_HOLD.ID);
        long infos = nextKey(dev.tessera.center.db.schema.Tables.ISSUING_INFO.ID);
        long sales = nextKey(SALE.ID);
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", seats.subList(0, 2)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.get("id").asLong()).as("the hold's key drawn first").isEqualTo(holds + 1);
        assertThat(db.dsl().fetchCount(dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT,
                dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT.HOLD_ID.eq(holds + 1))).isEqualTo(2);

        Response sale = seller.client().post("/api/sales", confirm(holds + 1));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("issuingInfoId").asLong()).as("the confirmation's keys drawn first").isEqualTo(infos + 1);
        assertThat(sale.get("saleId").asLong()).isEqualTo(sales + 1);
        assertThat(sale.get("tickets")).hasSize(2);
        assertThat(db.dsl().fetchCount(dev.tessera.center.db.schema.Tables.SEAT_STATE,
                dev.tessera.center.db.schema.Tables.SEAT_STATE.EVENT_ID.eq(ev.eventId()),
                dev.tessera.center.db.schema.Tables.SEAT_STATE.SEAT_ID.in(seats.subList(0, 2)),
                dev.tessera.center.db.schema.Tables.SEAT_STATE.STATUS.eq("SOLD"))).isEqualTo(2);

        Response again = seller.client().post("/api/sales", confirm(holds + 1));
        assertThat(again.status()).as("a sold hold answers with its sale").isIn(200, 201);
        assertThat(again.get("saleId").asLong()).isEqualTo(sales + 1);
        assertThat(db.dsl().fetchCount(SALE)).isEqualTo(1);
    }

    private static Map<String, Object> confirm(long holdId) {
        return Map.of("holdId", holdId, "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"));
    }

    @Test
    void theKeysAreDrawnFromTheIdentityColumnsOwnSequences() {
        for (var identity : List.of(SEAT_HOLD.ID, dev.tessera.center.db.schema.Tables.ISSUING_INFO.ID, SALE.ID)) {
            String table = identity.getTable().getName();
            String owned = db.dsl().select(DSL.field("pg_get_serial_sequence({0}, {1})", String.class,
                    DSL.inline(table), DSL.inline(identity.getName()))).fetchOne(0, String.class);
            assertThat(owned).endsWith("." + table + "_id_seq");
            assertThat(db.dsl().render(db.dsl().select(Pipeline.nextKey(identity)))).contains(table + "_id_seq");
        }
    }

    private static Map<String, Object> sellNow(List<String> seatIds) {
        return Map.of("seatIds", seatIds, "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"));
    }

    private long nextKey(org.jooq.TableField<?, Long> identity) {
        return db.dsl().select(Pipeline.nextKey(identity)).fetchOne(0, Long.class);
    }

    /** {@code ctx}'s connection, counting the statements prepared on it. */
    private static DSLContext countingPrepares(DSLContext ctx, AtomicInteger prepared) {
        ClassLoader loader = PipelinePostgresTest.class.getClassLoader();
        return ctx.connectionResult(connection -> DSL.using((Connection) Proxy.newProxyInstance(loader,
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause() instanceof SQLException sql ? sql : e.getCause();
                    }
                }), SQLDialect.POSTGRES));
    }
}
