package dev.tessera.desktop.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the clerk types or scans into the after-sales search field, and the reason the center records. */
class AfterSalesLookupTest {

    @Test
    void aNumberIsASaleAUuidATicketAndHexAChip() {
        assertThat(TicketSearchViewModel.parse("1042")).isEqualTo(new TicketSearchViewModel.Lookup("saleId", "1042"));
        assertThat(TicketSearchViewModel.parse("#12345678")).isEqualTo(new TicketSearchViewModel.Lookup("saleId", "12345678"));
        assertThat(TicketSearchViewModel.parse("12345678")).isEqualTo(new TicketSearchViewModel.Lookup("chipId", "12345678"));
        String ticket = UUID.randomUUID().toString();
        assertThat(TicketSearchViewModel.parse(ticket.toUpperCase())).isEqualTo(new TicketSearchViewModel.Lookup("ticketId", ticket));
        assertThat(TicketSearchViewModel.parse("04A1B2C3D4E5F6")).isEqualTo(new TicketSearchViewModel.Lookup("chipId", "04a1b2c3d4e5f6"));
    }

    @Test
    void aPhoneNumberHoweverWrittenIsACustomerNotAChip() {
        for (String phone : List.of("090-2468-1357", "+81 90 2468 1357", "09024681357", "0312345678", "(03) 1234-5678")) {
            assertThat(TicketSearchViewModel.parse(phone)).as(phone).isEqualTo(new TicketSearchViewModel.Lookup("customer", phone));
        }
        assertThat(TicketSearchViewModel.parse("0123456789abcdef")).isEqualTo(new TicketSearchViewModel.Lookup("chipId", "0123456789abcdef"));
        assertThat(TicketSearchViewModel.parse("90123456")).as("a chip id of decimal digits").isEqualTo(
                new TicketSearchViewModel.Lookup("chipId", "90123456"));
    }

    @Test
    void aScannedPaperTicketFindsItsTicketAndGarbageFindsNothing() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-25T18:00:00Z");
        Ticket ticket = new Ticket(id, 1, 7, "s-1", "stalls", "", now, now.plusSeconds(3600), Ticket.PAPER, List.of(),
                6_000, "JPY");
        byte[] signed = TicketCodec.encodeSigned(ticket, IssuerKeyPair.generate(new SecureRandom()));
        assertThat(TicketSearchViewModel.parse(PaperCode.encode(signed)))
                .isEqualTo(new TicketSearchViewModel.Lookup("ticketId", id.toString()));
        assertThat(TicketSearchViewModel.parse(Base64.getEncoder().encodeToString(signed))).as("printed before paper codes")
                .isEqualTo(new TicketSearchViewModel.Lookup("ticketId", id.toString()));
        assertThat(TicketSearchViewModel.parse("TK1:BB8")).isNull();
        assertThat(TicketSearchViewModel.parse("")).isNull();
        assertThat(TicketSearchViewModel.parse("hello world")).isNull();
        assertThat(TicketSearchViewModel.parse("bm90IGEgdGlja2V0")).isNull();
    }

    @Test
    void aSeatInWordsNamesTheSeatsOfTheMapAndTheSectionTellsTwinsApart() {
        SeatMap map = new SeatMap(1, "Hall", new Point(0, 0), List.of(new Category("std", "Standard", "#2E86C1")),
                List.of(new Section("stalls", "Stalls", List.of(row("stalls-A", "A", "st-A-11", "st-A-12"))),
                        new Section("balcony", "Balcony", List.of(row("balcony-A", "A", "bc-A-11"),
                                row("balcony-BB", "BB", "bc-BB-3")))),
                List.of(), List.of());

        assertThat(TicketSearchViewModel.seats("A 11", map).seatIds()).containsExactly("st-A-11", "bc-A-11");
        assertThat(TicketSearchViewModel.seats("A 11", map).sections()).containsExactly("Stalls", "Balcony");
        assertThat(TicketSearchViewModel.seats("Stalls A 11", map).seatIds()).containsExactly("st-A-11");
        assertThat(TicketSearchViewModel.seats("balcony row a seat 11", map).seatIds()).containsExactly("bc-A-11");
        assertThat(TicketSearchViewModel.seats("row A seat 12", map).seatIds()).containsExactly("st-A-12");
        assertThat(TicketSearchViewModel.seats("A-12", map).seatIds()).containsExactly("st-A-12");
        assertThat(TicketSearchViewModel.seats("A12", map).seatIds()).containsExactly("st-A-12");
        assertThat(TicketSearchViewModel.seats("BB3", map).seatIds()).containsExactly("bc-BB-3");
        assertThat(TicketSearchViewModel.seats("Aiko Tanaka", map).seatIds()).isEmpty();
        assertThat(TicketSearchViewModel.seats("Z 11", map).seatIds()).isEmpty();
        assertThat(TicketSearchViewModel.seats("A 11", null).seatIds()).as("no event on the map yet").isEmpty();
    }

    private static Row row(String id, String label, String... seatIds) {
        List<Seat> seats = new java.util.ArrayList<>();
        for (String seatId : seatIds) {
            seats.add(new Seat(seatId, seatId.substring(seatId.lastIndexOf('-') + 1), seats.size(), 0, "std", Set.of()));
        }
        return new Row(id, label, seats);
    }

    @Test
    void theAuditTextIsEnglishWithTheClerksNote() {
        assertThat(Reason.LOST_TICKET.audit("  ")).isEqualTo("Lost ticket");
        assertThat(Reason.CUSTOMER_REQUEST.audit(" cannot attend ")).isEqualTo("Customer request: cannot attend");
        assertThat(Reason.OTHER.key()).isEqualTo("aftersales.reason.OTHER");
    }
}
