package dev.tessera.core.ticket;

import static dev.tessera.core.ticket.TicketBuilder.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.format.TicketFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaperCodeTest {
    private static final byte[] GOLDEN = HexFormat.of().parseHex(GoldenTicket.HEX);

    @Test
    void base45MatchesTheRfc9285Examples() {
        // RFC 9285 §4.3 and §4.4
        assertThat(Base45.encode(ascii("AB"))).isEqualTo("BB8");
        assertThat(Base45.encode(ascii("Hello!!"))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode(ascii("base-45"))).isEqualTo("UJCLQE7W581");
        assertThat(Base45.decode("QED8WEX0")).isEqualTo(ascii("ietf!"));
        assertThat(Base45.encode(new byte[0])).isEmpty();
        assertThat(Base45.decode("")).isEmpty();
    }

    @Test
    void base45RefusesWhatNoBytesEncodeTo() {
        // RFC 9285 §6: "GGW" is 65536, one above two bytes
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode(":6")).as("a final pair above 255").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("BB8A")).as("one character over").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("bb8")).as("lower case").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("BB\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("BB\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base45RoundTripsEveryLengthUpToTheTicketLimit() {
        Random random = new Random(45);
        for (int length = 0; length <= TicketCodec.MAX_ENCODED_LENGTH; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String text = Base45.encode(data);
            assertThat(text).hasSize(Base45.encodedLength(length));
            assertThat(Base45.decode(text)).isEqualTo(data);
        }
        byte[] extremes = {(byte) 0xFF, (byte) 0xFF, 0, 0, (byte) 0xFF};
        assertThat(Base45.decode(Base45.encode(extremes))).isEqualTo(extremes);
    }

    @Test
    void paperCodeOfTheWorkedExampleIsPinned() throws TicketFormatException {
        String code = PaperCode.encode(GOLDEN);

        // docs/ticket-format.md §11 quotes its start and its length
        assertThat(code).startsWith("TK1:OTAW5042E.J5ALH0S9QTJH").hasSize(4 + 260);
        assertThat(code).matches("TK1:[0-9A-Z $%*+\\-./:]+");
        assertThat(code).doesNotEndWith(" ");
        assertThat(TicketCodec.decode(PaperCode.decode(code)).ticket()).isEqualTo(aTicket().build());
    }

    @Test
    void aScannerOfEitherFormGivesTheSameSignedBytes() {
        String base64 = Base64.getEncoder().encodeToString(GOLDEN);

        assertThat(PaperCode.decode(PaperCode.encode(GOLDEN))).isEqualTo(GOLDEN);
        assertThat(PaperCode.decode(base64)).as("tickets printed before paper code 1").isEqualTo(GOLDEN);
        assertThat(PaperCode.decode(PaperCode.encode(GOLDEN) + "\r\n")).as("a scanner's Enter").isEqualTo(GOLDEN);
        assertThat(PaperCode.decode("\t" + base64 + "\n")).isEqualTo(GOLDEN);
    }

    @Test
    void aPaperCodeNeverEndsInASpaceSoStrippingTheScanIsSafe() {
        // the last character of a three-character group is at most 65535 / 2025 = 32 ('W'), of a pair at most 5
        Random random = new Random(9285);
        for (int i = 0; i < 2_000; i++) {
            byte[] data = new byte[1 + random.nextInt(TicketCodec.MAX_ENCODED_LENGTH)];
            random.nextBytes(data);
            String code = PaperCode.encode(data);
            assertThat(code.strip()).isEqualTo(code);
            assertThat(PaperCode.decode(code)).isEqualTo(data);
        }
    }

    @Test
    void refusesWhatIsNeitherForm() {
        for (String bad : List.of("", "TK1:GGW", "TK1:BB8A", "TK2:BB8", "tk1:BB8", "HC1:BB8", "not base64!",
                "TK1:" + "0".repeat(PaperCode.MAX_LENGTH))) {
            assertThatThrownBy(() -> {
                byte[] bytes = PaperCode.decode(bad);
                TicketCodec.decode(bytes);
            }).as(bad).isInstanceOfAny(IllegalArgumentException.class, TicketFormatException.class);
        }
        assertThatThrownBy(() -> PaperCode.decode("TK2:BB8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaperCode.encode(new byte[TicketCodec.MAX_ENCODED_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestTicketFitsTheLongestCode() {
        assertThat(PaperCode.MAX_LENGTH).isEqualTo(4 + 768);
        assertThat(PaperCode.encode(new byte[TicketCodec.MAX_ENCODED_LENGTH])).hasSize(PaperCode.MAX_LENGTH);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
