package dev.tessera.center.db;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SEAT_MAP_VERSION;
import static dev.tessera.center.db.schema.Tables.VENUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration 14 on a real H2 file: a center at migration 13 holding an event on a map with a standing area (registered
 * before areas had inventory) is upgraded, and the area gets its inventory as a new event's would; an event on a map
 * without areas gets none.
 */
class StandingInventoryMigrationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anUpgradedCenterSellsTheStandingAreasOfItsEarlierEvents(@TempDir Path dir) throws Exception {
        String url = CenterConfig.h2FileUrl(dir.resolve("center"));
        Flyway.configure().dataSource(url, "tessera", "").locations("classpath:db/center").target("13").load().migrate();
        long withArea;
        long withoutArea;
        try (Connection connection = DriverManager.getConnection(url, "tessera", "")) {
            DSLContext ctx = DSL.using(connection, SQLDialect.H2, Database.settings());
            long organizer = ctx.insertInto(ACCOUNT).set(ACCOUNT.LOGIN_ID, "org").set(ACCOUNT.PASSWORD_HASH, "-")
                    .set(ACCOUNT.ROLE, "ORGANIZER").set(ACCOUNT.DISPLAY_NAME, "Organizer").set(ACCOUNT.CREATED_AT, NOW)
                    .returningResult(ACCOUNT.ID).fetchOne(ACCOUNT.ID);
            withArea = event(ctx, organizer, CenterFixture.theatreWithStanding(300));
            withoutArea = event(ctx, organizer, SampleVenues.theatre());
            assertThat(ctx.fetchCount(GA_INVENTORY)).as("before the upgrade").isZero();
        }

        try (Database db = Database.open(url, "tessera", "", 2)) {
            var rows = db.dsl().selectFrom(GA_INVENTORY).fetch();
            assertThat(rows).hasSize(1);
            var pit = rows.getFirst();
            assertThat(pit.getEventId()).isEqualTo(withArea);
            assertThat(pit.getAreaId()).isEqualTo(CenterFixture.STANDING);
            assertThat(pit.getCategoryId()).isEqualTo(CenterFixture.STANDING_CATEGORY);
            assertThat(pit.getCapacity()).isEqualTo(300);
            assertThat(pit.getHeld() + pit.getSold() + pit.getAllocated()).isZero();
            assertThat(db.dsl().fetchCount(GA_INVENTORY, GA_INVENTORY.EVENT_ID.eq(withoutArea))).isZero();
        }
        // a second start migrates nothing more and keeps the rows as they are
        try (Database db = Database.open(url, "tessera", "", 2)) {
            assertThat(db.dsl().fetchCount(GA_INVENTORY)).isEqualTo(1);
        }
    }

    private static long event(DSLContext ctx, long organizer, SeatMap map) {
        long venue = ctx.insertInto(VENUE).set(VENUE.NAME, map.name()).set(VENUE.ADDRESS, "1 Main St")
                .set(VENUE.ORGANIZER_ID, organizer).set(VENUE.CREATED_AT, NOW).returningResult(VENUE.ID).fetchOne(VENUE.ID);
        ctx.insertInto(SEAT_MAP_VERSION).set(SEAT_MAP_VERSION.VENUE_ID, venue).set(SEAT_MAP_VERSION.VERSION, 1)
                .set(SEAT_MAP_VERSION.SEAT_COUNT, map.seatCount()).set(SEAT_MAP_VERSION.DOCUMENT, SeatMapFormat.toJson(map))
                .set(SEAT_MAP_VERSION.CREATED_AT, NOW).execute();
        return ctx.insertInto(EVENT).set(EVENT.NAME, "Concert").set(EVENT.SERVICER, "Tessera")
                .set(EVENT.VENUE_ID, venue).set(EVENT.SEAT_MAP_VERSION, 1).set(EVENT.DOORS_OPEN, NOW.plusDays(9))
                .set(EVENT.STARTS_AT, NOW.plusDays(9).plusHours(1)).set(EVENT.ENDS_AT, NOW.plusDays(9).plusHours(3))
                .set(EVENT.CURRENCY, "JPY").set(EVENT.CONTACT, "info@example.com").set(EVENT.STATUS, "PUBLISHED")
                .set(EVENT.ORGANIZER_ID, organizer).set(EVENT.CREATED_AT, NOW).returningResult(EVENT.ID)
                .fetchOne(EVENT.ID);
    }
}
