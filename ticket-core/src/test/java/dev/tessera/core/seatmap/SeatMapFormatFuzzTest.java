package dev.tessera.core.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random mutations of a valid file: the reader either returns a valid map or
 * throws a SeatMapFormatException with a message, never anything else.
 */
class SeatMapFormatFuzzTest {
    private static final int INPUTS = 20_000;
    private static final long SEED = 20_260_101L;
    private static final byte[] VALID = TestMaps.SMALL_JSON.getBytes(StandardCharsets.UTF_8);
    private static final List<String> SNIPPETS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true",
            "-", "0", "1e999", "-0.0", "12345678901234567890", "\"id\"", "\"x\"", "\"flags\"", "\"formatVersion\": 2",
            "\"ST-A-1\"", "\"vip\"", "\u00e9", "\ud83c\udfab", "\u0000", "/*", "//", "NaN", " ", "\n", "\"\\u0000\"", "\\ud800", "\\udfab");

    @Test
    void onlySeatMapFormatExceptionEscapes() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(VALID, random);
            try {
                SeatMap map = SeatMapFormat.read(new ByteArrayInputStream(input));
                ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
                SeatMapFormat.write(map, rewritten);
                assertThat(SeatMapFormat.read(new ByteArrayInputStream(rewritten.toByteArray()))).isEqualTo(map);
                accepted++;
            } catch (SeatMapFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(expected.path()).isNotNull();
                assertThat(expected.line()).isPositive();
                assertThat(expected.column()).isPositive();
            } catch (IOException | RuntimeException | Error escaped) {
                fail("input " + i + " (" + new String(input, StandardCharsets.UTF_8) + ") threw " + escaped, escaped);
            }
        }
        // mutations that keep the file valid (a changed digit, a space) must exist, or the test only sees failures
        assertThat(accepted).isBetween(1, INPUTS / 2);
    }

    @Test
    void randomTextOnlyThrowsSeatMapFormatException() {
        Random random = new Random(SEED + 1);
        String alphabet = "{}[],:\"\\ 0123456789.eE+-truefalsnl\n\tabcxyé\u2028";
        for (int i = 0; i < INPUTS / 4; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                SeatMapFormat.read(text.toString());
                fail("random text read as a seat map: " + text);
            } catch (SeatMapFormatException expected) {
                assertThat(expected.line()).isPositive();
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 0) {
            bytes[0] = '{';
        }
        return bytes;
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(5)) {
                case 0 -> {
                    byte[] flipped = bytes.clone();
                    if (at < flipped.length) {
                        flipped[at] = (byte) random.nextInt(256);
                    }
                    yield flipped;
                }
                case 1 -> splice(bytes, at, Math.min(bytes.length, at + random.nextInt(20)), new byte[0]);
                case 2 -> splice(bytes, at, at, SNIPPETS.get(random.nextInt(SNIPPETS.size())).getBytes(StandardCharsets.UTF_8));
                case 3 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(120));
                    yield splice(bytes, at, at, Arrays.copyOfRange(bytes, at, end));
                }
                default -> splice(bytes, at, Math.min(bytes.length, at + 1),
                        SNIPPETS.get(random.nextInt(SNIPPETS.size())).getBytes(StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }
}
