package dev.tessera.center.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.Services;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: a first start stopped half-way through the demo finishes it at the next start; a real center is left alone. */
class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void aDemoStoppedAfterItsVenueIsFinishedByTheNextLoad() {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("half")), "tessera")) {
            Services s = fx.center.services();
            long organizer = s.accounts().list(Role.ORGANIZER).getFirst().accountId();
            var venue = s.venues().create(organizer, DemoData.VENUE_NAME, "1-2-3 Marunouchi, Tokyo");
            s.venues().addSeatMap(venue.id(), SeatMapFormat.toJson(SampleVenues.theatre()));

            assertThat(DemoData.loadIfEmpty(s, Clock.systemUTC())).isTrue();
            assertThat(DemoData.loadIfEmpty(s, Clock.systemUTC())).isFalse();

            assertThat(s.venues().list()).hasSize(1);
            Event tempest = s.events().list(false).getFirst();
            assertThat(tempest.name()).isEqualTo(DemoData.EVENT_NAME);
            assertThat(tempest.status()).isEqualTo(EventStatus.PUBLISHED);
            assertThat(s.events().authorizations(tempest.id())).as("the clerk and the internet-sales channel").hasSize(2);
        }
    }

    @Test
    void todaysPerformanceHasItsDoorsOpenForTheGateAndIsAddedOnce() {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("today")), "tessera")) {
            Services s = fx.center.services();
            Clock clock = Clock.fixed(Instant.parse("2026-12-06T07:42:10Z"), ZoneOffset.UTC);
            DemoData.loadIfEmpty(s, clock);

            Event today = DemoData.todaysPerformance(s, clock).orElseThrow();

            assertThat(today.name()).isEqualTo(DemoData.TODAY_NAME);
            assertThat(today.status()).isEqualTo(EventStatus.PUBLISHED);
            assertThat(today.doorsOpen()).isEqualTo(Instant.parse("2026-12-06T07:00:00Z"));
            assertThat(today.endsAt()).isEqualTo(Instant.parse("2026-12-06T19:00:00Z"));
            assertThat(s.events().authorizations(today.id())).as("the clerk and the internet-sales channel").hasSize(2);
            Clock nextDay = Clock.offset(clock, java.time.Duration.ofDays(1));
            assertThat(DemoData.todaysPerformance(s, nextDay).map(Event::id)).as("the one already there")
                    .contains(today.id());
            assertThat(s.events().list(false)).hasSize(2);
        }
    }

    @Test
    void aCenterWithAVenueOfItsOwnGetsNoDemo() {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("real")), "tessera")) {
            Services s = fx.center.services();
            long organizer = s.accounts().list(Role.ORGANIZER).getFirst().accountId();
            s.venues().create(organizer, "Kanda Hall", "Tokyo");

            assertThat(DemoData.loadIfEmpty(s, Clock.systemUTC())).isFalse();
            assertThat(DemoData.todaysPerformance(s, Clock.systemUTC())).isEmpty();
            assertThat(s.events().list(false)).isEmpty();
        }
    }
}
