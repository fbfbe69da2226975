package dev.tessera.core.ticket;

import static dev.tessera.core.ticket.TicketBuilder.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketTest {

    @Test
    void validTicketKeepsItsValues() {
        Ticket ticket = aTicket().build();

        assertThat(ticket.seatId()).isEqualTo("A-12-7");
        assertThat(ticket.isPaper()).isFalse();
        assertThat(ticket.isValidAtAnyGate()).isFalse();
        assertThat(aTicket().holderChipId(Ticket.PAPER).gateId(Ticket.ANY_GATE).build())
                .satisfies(paper -> assertThat(paper.isPaper()).isTrue())
                .satisfies(paper -> assertThat(paper.isValidAtAnyGate()).isTrue());
    }

    @Test
    void instantsAreTruncatedToWholeSeconds() {
        Ticket ticket = aTicket()
                .validFrom(Instant.parse("2026-07-01T17:00:00.999Z"))
                .validUntil(Instant.parse("2026-07-01T23:30:00.001Z"))
                .build();

        assertThat(ticket.validFrom()).isEqualTo(Instant.parse("2026-07-01T17:00:00Z"));
        assertThat(ticket.validUntil()).isEqualTo(Instant.parse("2026-07-01T23:30:00Z"));
    }

    @Test
    void attendeesAreCopiedImmutably() {
        List<String> names = new ArrayList<>(List.of("Ann"));
        Ticket ticket = aTicket().attendees(names).build();
        names.add("Bob");

        assertThat(ticket.attendees()).containsExactly("Ann");
        assertThatThrownBy(() -> ticket.attendees().add("Eve")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertThatCode(() -> aTicket()
                .version(Ticket.MAX_VERSION)
                .eventId(Long.MAX_VALUE)
                .seatId("s".repeat(64))
                .categoryId("c".repeat(32))
                .gateId("")
                .validFrom(Instant.EPOCH)
                .validUntil(Instant.ofEpochSecond(Ticket.MAX_EPOCH_SECOND))
                .holderChipId("ab".repeat(32))
                .attendees(Collections.nCopies(8, "é".repeat(32)))
                .priceMinor(Ticket.MAX_PRICE_MINOR)
                .build()).doesNotThrowAnyException();
        assertThatCode(() -> aTicket().holderChipId("00112233").priceMinor(0).attendees(List.of()).build())
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidTickets() {
        return Stream.of(
                invalid("version 0", b -> b.version(0), "version"),
                invalid("version above u16", b -> b.version(65_536), "version"),
                invalid("event id 0", b -> b.eventId(0), "eventId"),
                invalid("negative event id", b -> b.eventId(-5), "eventId"),
                invalid("empty seat", b -> b.seatId(""), "seatId"),
                invalid("seat of 65 bytes", b -> b.seatId("s".repeat(65)), "seatId"),
                invalid("seat of 33 two-byte characters", b -> b.seatId("é".repeat(33)), "seatId"),
                invalid("seat with unpaired surrogate", b -> b.seatId("A\uD83C"), "seatId"),
                invalid("empty category", b -> b.categoryId(""), "categoryId"),
                invalid("category of 65 bytes", b -> b.categoryId("c".repeat(65)), "categoryId"),
                invalid("gate of 65 bytes", b -> b.gateId("g".repeat(65)), "gateId"),
                invalid("validFrom equal to validUntil", b -> b.validUntil(b.validFrom), "validFrom"),
                invalid("validFrom after validUntil", b -> b.validFrom(b.validUntil.plusSeconds(1)), "validFrom"),
                invalid("same second after truncation", b -> b.validUntil(b.validFrom.plusMillis(500)), "validFrom"),
                invalid("before 1970", b -> b.validFrom(Instant.EPOCH.minusSeconds(1)), "validFrom"),
                invalid("after 2106", b -> b.validUntil(Instant.ofEpochSecond(1L << 32)), "validUntil"),
                invalid("uppercase hex chip id", b -> b.holderChipId("04A1B2C3"), "holderChipId"),
                invalid("odd-length chip id", b -> b.holderChipId("04a1b2c"), "holderChipId"),
                invalid("chip id of 3 bytes", b -> b.holderChipId("04a1b2"), "holderChipId"),
                invalid("chip id of 33 bytes", b -> b.holderChipId("ab".repeat(33)), "holderChipId"),
                invalid("chip id not hex", b -> b.holderChipId("04a1b2zz"), "holderChipId"),
                invalid("nine attendees", b -> b.attendees(Collections.nCopies(9, "x")), "attendees"),
                invalid("empty attendee name", b -> b.attendees(List.of("Ann", "")), "attendees[1]"),
                invalid("attendee name of 65 bytes", b -> b.attendees(List.of("n".repeat(65))), "attendees[0]"),
                invalid("negative price", b -> b.priceMinor(-1), "priceMinor"),
                invalid("price of 2^32", b -> b.priceMinor(1L << 32), "priceMinor"),
                invalid("lowercase currency", b -> b.currency("jpy"), "currency"),
                invalid("two-letter currency", b -> b.currency("EU"), "currency"),
                invalid("non-ASCII currency", b -> b.currency("ÉUR"), "currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTickets")
    void invalidFieldIsRejectedWithAMessageNamingIt(UnaryOperator<TicketBuilder> change, String field) {
        assertThatThrownBy(() -> change.apply(aTicket()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    @Test
    void nullFieldsAreRejected() {
        assertThatThrownBy(() -> aTicket().seatId(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> aTicket().attendees(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> aTicket().attendees(java.util.Arrays.asList("Ann", null)).build())
                .isInstanceOf(NullPointerException.class);
    }

    private static Arguments invalid(String name, UnaryOperator<TicketBuilder> change, String field) {
        return Arguments.of(Named.of(name, change), field);
    }
}
