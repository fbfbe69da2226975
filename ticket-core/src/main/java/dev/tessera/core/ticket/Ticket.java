package dev.tessera.core.ticket;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One e-ticket (claims 29 i-j, 67 c): the right to attend one event, on one seat, held on one chip or on paper.
 * Every value fits the wire format of {@link TicketCodec}; instants are truncated to whole seconds.
 *
 * @param version      1..65535, bumped on every transfer so gates can refuse the old copy (claim 29 k)
 * @param gateId       the entrance gate, or {@link #ANY_GATE}
 * @param holderChipId lowercase hex of the holder chip's 4..32-byte id, or {@link #PAPER}
 * @param attendees    up to 8 attendee names (claim 70)
 * @param priceMinor   the price in the currency's minor unit (cents, yen)
 * @param currency     ISO 4217 code
 * @param generalAdmission true when {@code seatId} names a general-admission (standing) area of the seat map rather
 *                     than a seat: the ticket admits one person to that area (issue 18)
 */
public record Ticket(UUID ticketId, int version, long eventId, String seatId, String categoryId, String gateId,
                     Instant validFrom, Instant validUntil, String holderChipId, List<String> attendees,
                     long priceMinor, String currency, boolean generalAdmission) {

    public static final String ANY_GATE = "";
    public static final String PAPER = "";
    public static final int MAX_VERSION = 0xFFFF;
    public static final int MAX_SEAT_ID_BYTES = 64;
    public static final int MAX_CATEGORY_ID_BYTES = 64; // the seat-map format allows 64-byte ids
    public static final int MAX_GATE_ID_BYTES = 64;
    public static final int MIN_HOLDER_CHIP_ID_BYTES = 4;
    public static final int MAX_HOLDER_CHIP_ID_BYTES = 32;
    public static final int MAX_ATTENDEES = 8;
    public static final int MAX_ATTENDEE_NAME_BYTES = 64;
    public static final long MAX_EPOCH_SECOND = 0xFFFF_FFFFL;
    public static final long MAX_PRICE_MINOR = 0xFFFF_FFFFL;

    private static final Pattern HOLDER_CHIP_ID = Pattern.compile(
            "(?:[0-9a-f]{2}){%d,%d}".formatted(MIN_HOLDER_CHIP_ID_BYTES, MAX_HOLDER_CHIP_ID_BYTES));
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Ticket {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(gateId, "gateId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(holderChipId, "holderChipId");
        Objects.requireNonNull(currency, "currency");
        attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees"));
        validFrom = validFrom.truncatedTo(ChronoUnit.SECONDS);
        validUntil = validUntil.truncatedTo(ChronoUnit.SECONDS);

        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("version must be 1..%d, was %d".formatted(MAX_VERSION, version));
        }
        if (eventId <= 0) {
            throw new IllegalArgumentException("eventId must be positive, was " + eventId);
        }
        checkUtf8Length("seatId", seatId, 1, MAX_SEAT_ID_BYTES);
        checkUtf8Length("categoryId", categoryId, 1, MAX_CATEGORY_ID_BYTES);
        checkUtf8Length("gateId", gateId, 0, MAX_GATE_ID_BYTES);
        checkEpochSecond("validFrom", validFrom);
        checkEpochSecond("validUntil", validUntil);
        if (!validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom %s must be before validUntil %s".formatted(validFrom, validUntil));
        }
        if (!holderChipId.isEmpty() && !HOLDER_CHIP_ID.matcher(holderChipId).matches()) {
            throw new IllegalArgumentException(
                    "holderChipId must be empty (paper) or lowercase hex of %d..%d bytes, was '%s'"
                            .formatted(MIN_HOLDER_CHIP_ID_BYTES, MAX_HOLDER_CHIP_ID_BYTES, holderChipId));
        }
        if (attendees.size() > MAX_ATTENDEES) {
            throw new IllegalArgumentException("at most %d attendees, got %d".formatted(MAX_ATTENDEES, attendees.size()));
        }
        for (int i = 0; i < attendees.size(); i++) {
            checkUtf8Length("attendees[" + i + "]", attendees.get(i), 1, MAX_ATTENDEE_NAME_BYTES);
        }
        if (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR) {
            throw new IllegalArgumentException("priceMinor must be 0..%d, was %d".formatted(MAX_PRICE_MINOR, priceMinor));
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be 3 uppercase ASCII letters, was '" + currency + "'");
        }
    }

    /** A ticket for a seat. */
    public Ticket(UUID ticketId, int version, long eventId, String seatId, String categoryId, String gateId,
                  Instant validFrom, Instant validUntil, String holderChipId, List<String> attendees,
                  long priceMinor, String currency) {
        this(ticketId, version, eventId, seatId, categoryId, gateId, validFrom, validUntil, holderChipId, attendees,
                priceMinor, currency, false);
    }

    public boolean isPaper() {
        return holderChipId.isEmpty();
    }

    public boolean isValidAtAnyGate() {
        return gateId.isEmpty();
    }

    private static void checkUtf8Length(String field, String value, int min, int max) {
        int length;
        try {
            length = StrictUtf8.encode(value).length;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not well-formed Unicode (unpaired surrogate)", e);
        }
        if (length < min || length > max) {
            throw new IllegalArgumentException("%s must be %d..%d UTF-8 bytes, was %d".formatted(field, min, max, length));
        }
    }

    private static void checkEpochSecond(String field, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("%s %s is outside 1970-01-01..2106-02-07 (unsigned 32-bit epoch seconds)"
                    .formatted(field, instant));
        }
    }
}
