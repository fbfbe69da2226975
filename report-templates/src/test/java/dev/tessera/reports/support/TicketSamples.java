package dev.tessera.reports.support;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reports.ticket.PaperTicketData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Signed paper tickets made directly with {@link TicketCodec} and a fixed test key (no center needed): the typical
 * one of issue 19, one at the 512-byte limit, and any number of different ones from a seeded random.
 */
public final class TicketSamples {
    /** A fixed Ed25519 key, so every run signs the same bytes. */
    public static final IssuerKeyPair ISSUER = IssuerKeyPair.fromPrivate(seeded(new Random(19), 32));

    private static final Instant DOORS = Instant.parse("2026-12-08T09:00:00Z");
    private static final List<String> NAMES = List.of("山田 花子", "Ada Łukasiewicz", "John Smith", "佐藤 健太郎",
            "María José Fernández", "Zoë Ørsted", "李 小龍", "Ngozi Okonjo-Iweala", "Søren Kierkegaard", "高橋 由美子",
            "Jean-Luc Picard", "O'Brien", "Ünal Çelik", "🎭 guest", "Björk Guðmundsdóttir", "中村 さくら");
    private static final List<String> SECTIONS = List.of("stalls", "balcony", "stalls-premium", "box", "バルコニー");
    private static final List<String> GATES = List.of(Ticket.ANY_GATE, "north", "south", "east-2", "VIP");

    private TicketSamples() {}

    /** Issue 19's typical ticket: a seat, a gate and two attendees, one of them Japanese. */
    public static byte[] typical() {
        return TicketCodec.encodeSigned(new Ticket(UUID.fromString("9957d47a-ff6c-48a9-9055-3852b8c1a183"), 1, 12,
                "stalls-J-28", "stalls", "north", DOORS, DOORS.plus(Duration.ofHours(5)), Ticket.PAPER,
                List.of("山田 花子", "Ada Łukasiewicz"), 8_500, "JPY"), ISSUER);
    }

    /** A ticket at {@link TicketCodec#MAX_ENCODED_LENGTH}: the longest code a gate has to read. */
    public static byte[] maximal() {
        return fillToLimit(new Random(512), UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"));
    }

    /** {@code count} different tickets: ids, seats, gates, attendees and lengths vary; every 50th is at the limit. */
    public static List<byte[]> varied(int count, Random random) {
        List<byte[]> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            if (i % 50 == 49) {
                tickets.add(fillToLimit(random, id));
                continue;
            }
            List<String> attendees = new ArrayList<>();
            int people = random.nextInt(Ticket.MAX_ATTENDEES + 1);
            for (int p = 0; p < people; p++) {
                attendees.add(NAMES.get(random.nextInt(NAMES.size())));
            }
            Ticket ticket = ticket(random, id, attendees);
            while (TicketCodec.encodedLength(ticket) > TicketCodec.MAX_ENCODED_LENGTH) {
                attendees.removeLast();
                ticket = ticket(random, id, attendees);
            }
            tickets.add(TicketCodec.encodeSigned(ticket, ISSUER));
        }
        return tickets;
    }

    /** What the ticket prints beside its QR code; only the code matters to a gate. */
    public static PaperTicketData paper(byte[] signed, int number) {
        String id = "sample-" + number;
        return new PaperTicketData("Tessera Philharmonic — 第九", "Tessera Players", "Tessera Theatre 東京",
                "1-1 Nishi-Shinjuku, Tokyo", "Dec 8, 2026, 6:00 PM", "Dec 8, 2026, 6:45 PM", "Stalls", "J",
                String.valueOf(1 + number % 40), "Stalls", "North entrance", "山田 花子", "Test seller", "box-office@tessera.example",
                "JPY 8,500", id, Base64.getEncoder().encodeToString(signed));
    }

    private static Ticket ticket(Random random, UUID id, List<String> attendees) {
        String section = SECTIONS.get(random.nextInt(SECTIONS.size()));
        String seat = section + "-" + (char) ('A' + random.nextInt(26)) + "-" + (1 + random.nextInt(60));
        Instant from = DOORS.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)));
        return new Ticket(id, 1 + random.nextInt(5), 1 + random.nextInt(1_000_000), seat, section,
                GATES.get(random.nextInt(GATES.size())), from, from.plus(Duration.ofHours(1 + random.nextInt(8))),
                Ticket.PAPER, List.copyOf(attendees), random.nextInt(50_000), random.nextBoolean() ? "JPY" : "EUR");
    }

    /** Long seat, category and gate ids and attendee names up to exactly 512 bytes. */
    private static byte[] fillToLimit(Random random, UUID id) {
        String seat = "seat-" + "x".repeat(59);
        String category = "category-" + "c".repeat(55);
        String gate = "gate-" + "g".repeat(59);
        List<String> attendees = new ArrayList<>();
        Ticket ticket = new Ticket(id, 1, 1 + random.nextInt(1_000_000), seat, category, gate, DOORS,
                DOORS.plus(Duration.ofHours(5)), Ticket.PAPER, attendees, 1, "JPY");
        int room = TicketCodec.MAX_ENCODED_LENGTH - TicketCodec.encodedLength(ticket);
        while (room > 1) {
            int bytes = Math.min(Ticket.MAX_ATTENDEE_NAME_BYTES, room - 1);
            attendees.add(name(random, bytes));
            room -= 1 + bytes;
        }
        ticket = new Ticket(id, 1, ticket.eventId(), seat, category, gate, DOORS, DOORS.plus(Duration.ofHours(5)),
                Ticket.PAPER, attendees, 1, "JPY");
        byte[] signed = TicketCodec.encodeSigned(ticket, ISSUER);
        if (signed.length != TicketCodec.MAX_ENCODED_LENGTH) {
            throw new IllegalStateException("a full ticket came out at " + signed.length + " bytes");
        }
        return signed;
    }

    /** A name of exactly {@code bytes} UTF-8 bytes: Japanese (3 bytes a character) topped up with Latin. */
    private static String name(Random random, int bytes) {
        StringBuilder name = new StringBuilder();
        while (name.toString().getBytes(StandardCharsets.UTF_8).length + 3 <= bytes) {
            name.append((char) ('あ' + random.nextInt(80)));
        }
        while (name.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static byte[] seeded(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
