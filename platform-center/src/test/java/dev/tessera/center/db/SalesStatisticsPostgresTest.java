package dev.tessera.center.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales tables of a new database are analyzed as soon as they outgrow their statistics, not a minute later by
 * autoanalyze: until then every connection keeps the sequential-scan plans its first foreign-key checks got on a
 * near-empty {@code sale} or {@code seat_hold} (issue 13).
 */
class SalesStatisticsPostgresTest {
    private CenterFixture fx;

    @BeforeEach
    void start() {
        fx = new CenterFixture(PostgresCluster.shared().createDatabase("sales_statistics"), "postgres");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void salesTablesThatOutgrewTheirStatisticsAreAnalyzed() throws Exception {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(),
                100)), Map.of());
        List<String> seats = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).map(Seat::id).limit(12)
                .toList();
        for (int i = 0; i < seats.size(); i += 2) {
            Response sale = seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds",
                    seats.subList(i, i + 2), "customer", Map.of("auth", "WALK_IN"), "payment",
                    Map.of("method", "CASH")));
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        }
        Database db = fx.center.services().db();

        // PostgreSQL publishes a backend's table counters within a second or so of its transactions
        List<String> analyzed = new ArrayList<>();
        for (long deadline = System.nanoTime() + 15_000_000_000L; System.nanoTime() < deadline
                && !analyzed.containsAll(List.of("sale", "ticket", "seat_hold")); Thread.sleep(200)) {
            analyzed.addAll(db.refreshGrownStatistics(5));
        }
        assertThat(analyzed).as("6 sales of 2 seats, with 5 changed rows as the threshold")
                .contains("sale", "ticket", "seat_hold", "issuing_info", "sold_seat");
        assertThat(db.dsl().fetch("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                + "WHERE relname = 'sale' AND schemaname = current_schema()").getValues(0, Boolean.class))
                .containsExactly(true);
        assertThat(db.refreshGrownStatistics(5)).as("nothing changed since").isEmpty();
        assertThat(db.refreshGrownStatistics(Database.STATISTICS_MIN_CHANGES)).as("the center's own threshold")
                .isEmpty();
    }
}
