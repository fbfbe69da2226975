package dev.tessera.core.seatmap;

import static dev.tessera.core.seatmap.TestMaps.SMALL_JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeatMapFormatTest {

    @Test
    void writesTheDocumentedLayoutOneSeatPerLine() {
        assertThat(SeatMapFormat.toJson(TestMaps.small())).isEqualTo(SMALL_JSON);
    }

    @Test
    void readsWhatItWrites() throws Exception {
        assertThat(SeatMapFormat.read(SMALL_JSON)).isEqualTo(TestMaps.small());
    }

    @Test
    void sampleVenuesSurviveARoundTrip() throws Exception {
        for (SeatMap map : new SeatMap[] {SampleVenues.theatre(), SampleVenues.arena(8_000), SampleVenues.stadium(20_000)}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SeatMapFormat.write(map, out);

            SeatMap read = SeatMapFormat.read(new ByteArrayInputStream(out.toByteArray()));

            assertThat(read).as(map.name()).isEqualTo(map);
            assertThat(SeatMapFormat.toJson(read)).isEqualTo(out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("hall" + SeatMapFormat.FILE_EXTENSION);
        Files.writeString(file, SMALL_JSON);

        assertThat(SeatMapFormat.read(file)).isEqualTo(TestMaps.small());
        assertThatThrownBy(() -> SeatMapFormat.read(directory.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void optionalFieldsDefaultToEmpty() throws Exception {
        String withoutFlags = remove(SMALL_JSON, ", \"flags\": [\"WHEELCHAIR\"]");
        String json = removeBlock(removeBlock(withoutFlags, ",\n  \"areas\": [", "\n  ]"), ",\n  \"gates\": [", "\n  ]");

        SeatMap map = SeatMapFormat.read(json);

        assertThat(json).doesNotContain("areas", "gates", "flags");
        assertThat(map.areas()).isEmpty();
        assertThat(map.gates()).isEmpty();
        assertThat(map.seat("ST-A-1").orElseThrow().flags()).isEmpty();
    }

    @Test
    void fieldsMayComeInAnyOrder() throws Exception {
        String categories = between(SMALL_JSON, "  \"categories\": [", "  \"sections\"");
        String sectionsFirst = remove(SMALL_JSON, categories).replace("  \"areas\": [", categories + "  \"areas\": [");

        assertThat(SeatMapFormat.read(sectionsFirst)).isEqualTo(TestMaps.small());

        String json = replaceOnce(sectionsFirst, "\"category\": \"stalls\"}", "\"category\": \"vip\"}");
        SeatMapFormatException error = readFails(json);
        assertAt(error, json, "\"vip\"", "/sections/0/rows/0/seats/1/category");
        assertThat(error.reason()).isEqualTo("unknown category \"vip\"; declared categories are: stalls, balcony");
    }

    @Test
    void unknownCategoryIsReportedWhereItIsUsed() {
        String json = replaceOnce(SMALL_JSON, "\"category\": \"stalls\"}", "\"category\": \"vip\"}");

        SeatMapFormatException error = readFails(json);

        assertThat(error).hasMessage("line 20, column 77 (/sections/0/rows/0/seats/1/category): "
                + "unknown category \"vip\"; declared categories are: stalls, balcony");
        assertAt(error, json, "\"vip\"", "/sections/0/rows/0/seats/1/category");
    }

    @Test
    void unknownFieldIsAnError() {
        String json = replaceOnce(SMALL_JSON, "\"name\": \"Stalls\", \"color\"", "\"name\": \"Stalls\", \"colour\": \"red\", \"color\"");

        SeatMapFormatException error = readFails(json);

        assertAt(error, json, "\"colour\"", "/categories/0/colour");
        assertThat(error.reason()).isEqualTo("unknown field \"colour\"; a category has the fields: id, name, color");
    }

    @Test
    void missingRequiredFieldIsReportedAtItsObject() {
        String json = replaceOnce(SMALL_JSON, "\"x\": 26, \"y\": 400.5, \"category\": \"stalls\"}", "\"x\": 26, \"y\": 400.5}");

        SeatMapFormatException error = readFails(json);

        assertAt(error, json, "{\"id\": \"ST-A-2\"", "/sections/0/rows/0/seats/1");
        assertThat(error.reason()).startsWith("missing required field \"category\"; a seat has the fields: id, label");
    }

    @Test
    void missingTopLevelFieldIsReportedAtTheDocument() {
        String json = replaceOnce(SMALL_JSON, "  \"name\": \"Test Hall\",\n", "");

        SeatMapFormatException error = readFails(json);

        assertThat(error.path()).isEmpty();
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error).hasMessageStartingWith("line 1, column 1: missing required field \"name\"");
    }

    @Test
    void wrongTypesAreErrors() {
        String stringForNumber = replaceOnce(SMALL_JSON, "\"x\": 26,", "\"x\": \"26\",");
        SeatMapFormatException error = readFails(stringForNumber);
        assertAt(error, stringForNumber, "\"26\"", "/sections/0/rows/0/seats/1/x");
        assertThat(error.reason()).isEqualTo("expected a number, found a string");

        String fraction = replaceOnce(SMALL_JSON, "\"capacity\": 100,", "\"capacity\": 100.5,");
        error = readFails(fraction);
        assertAt(error, fraction, "100.5", "/areas/0/capacity");
        assertThat(error.reason()).isEqualTo("expected a whole number, found a number");

        String nullName = replaceOnce(SMALL_JSON, "\"name\": \"Test Hall\"", "\"name\": null");
        error = readFails(nullName);
        assertAt(error, nullName, "null", "/name");
        assertThat(error.reason()).isEqualTo("expected a string, found null");

        String objectForArray = replaceOnce(SMALL_JSON, "\"flags\": [\"WHEELCHAIR\"]", "\"flags\": {}");
        error = readFails(objectForArray);
        assertAt(error, objectForArray, "{}", "/sections/0/rows/0/seats/0/flags");
        assertThat(error.reason()).isEqualTo("expected an array, found an object");
    }

    @Test
    void newerFormatVersionIsRefusedWithAnExplanation() {
        String json = replaceOnce(SMALL_JSON, "\"formatVersion\": 1", "\"formatVersion\": 2");

        SeatMapFormatException error = readFails(json);

        assertThat(error).hasMessage("line 3, column 20 (/formatVersion): this file was written by a newer Tessera "
                + "(format 2); this version reads format 1");
    }

    @Test
    void newerFormatVersionWinsOverTheNewFieldsItBrings() {
        String json = "{\"format\": \"tessera-seatmap\", \"hologram\": true, \"formatVersion\": 12345678901}";

        SeatMapFormatException error = readFails(json);

        assertThat(error.path()).isEqualTo("/formatVersion");
        assertThat(error.reason()).isEqualTo(
                "this file was written by a newer Tessera (format 12345678901); this version reads format 1");
        assertThat(error.getSuppressed()).hasSize(1);
    }

    @Test
    void formatVersionBelowOneIsAnError() {
        String json = replaceOnce(SMALL_JSON, "\"formatVersion\": 1", "\"formatVersion\": 0");

        assertAt(readFails(json), json, "0", "/formatVersion");
    }

    @Test
    void anotherKindOfFileIsNamedAsSuch() {
        String json = replaceOnce(SMALL_JSON, "\"tessera-seatmap\"", "\"tessera-ticket\"");

        SeatMapFormatException error = readFails(json);

        assertAt(error, json, "\"tessera-ticket\"", "/format");
        assertThat(error.reason()).isEqualTo("not a Tessera seat map: \"format\" is \"tessera-ticket\", expected \"tessera-seatmap\"");
    }

    @Test
    void duplicateKeysAreErrors() {
        String json = replaceOnce(SMALL_JSON, "\"label\": \"A\",", "\"label\": \"A\", \"label\": \"B\",");

        SeatMapFormatException error = readFails(json);

        assertAt(error, json, "\"label\": \"B\"", "/sections/0/rows/0/label");
        assertThat(error.reason()).isEqualTo("duplicate field \"label\"");
    }

    @Test
    void trailingContentIsAnError() {
        String json = SMALL_JSON + "{}";
        SeatMapFormatException error = readFails(json);
        assertThat(error.reason()).isEqualTo("unexpected content after the end of the seat map");
        assertThat(error.line()).isEqualTo(39);
        assertThat(error.column()).isEqualTo(1);

        SeatMapFormatException garbage = readFails(SMALL_JSON + "x");
        assertThat(garbage.reason()).startsWith("malformed JSON");
        assertThat(garbage.line()).isEqualTo(39);
    }

    @Test
    void syntaxErrorsHaveLineAndColumn() {
        String json = replaceOnce(SMALL_JSON, "\"label\": \"A\",", "\"label\": \"A\"");

        SeatMapFormatException error = readFails(json);

        assertThat(error.reason()).startsWith("malformed JSON: Unexpected character");
        assertThat(error.line()).isEqualTo(18);
        assertThat(error.column()).isEqualTo(11);
        assertThat(error.path()).isEqualTo("/sections/0/rows/0");

        String unbalanced = replaceOnce(SMALL_JSON, "\"category\": \"stalls\"}\n", "\"category\": \"stalls\"\n");
        SeatMapFormatException mismatch = readFails(unbalanced);
        assertThat(mismatch.reason()).isEqualTo("malformed JSON: Unexpected close marker ']': expected '}' "
                + "(for Object starting at line 20, column 13)");
        assertThat(mismatch.line()).isEqualTo(21);
    }

    @Test
    void emptyAndNonObjectDocumentsAreErrors() {
        assertThat(readFails("").reason()).isEqualTo("the file is empty; a seat map is a JSON object");
        assertThat(readFails("  \n ").line()).isEqualTo(2);
        assertThat(readFails("[]").reason()).isEqualTo("expected an object (a seat map), found an array");
        assertThat(readFails("null").reason()).isEqualTo("expected an object (a seat map), found null");
    }

    @Test
    void duplicateSeatIdsAreErrorsEvenAcrossSections() {
        String secondSection = """
                    },
                    {
                      "id": "BA",
                      "name": "Balcony",
                      "rows": [{"id": "BA-A", "label": "A", "seats": [{"id": "ST-A-2", "label": "2", "x": 0, "y": 0, "category": "balcony"}]}]
                    }
                  ],
                  "areas\"""";
        String json = replaceOnce(SMALL_JSON, "    }\n  ],\n  \"areas\"", secondSection);

        SeatMapFormatException error = readFails(json);

        assertThat(error.path()).isEqualTo("/sections/1/rows/0/seats/0/id");
        assertThat(error.reason()).isEqualTo("duplicate seat id \"ST-A-2\"; first used on line 20");
        assertThat(error.line()).isEqualTo(28);
    }

    @Test
    void modelRulesAreReportedAtTheOffendingValue() {
        String badColour = replaceOnce(SMALL_JSON, "\"#2E86C1\"", "\"blue\"");
        SeatMapFormatException error = readFails(badColour);
        assertAt(error, badColour, "\"blue\"", "/categories/0/color");
        assertThat(error.reason()).isEqualTo("\"blue\" is not a colour of the form #RRGGBB");

        String badId = replaceOnce(SMALL_JSON, "\"ST-A-2\"", "\"ST A 2\"");
        assertAt(readFails(badId), badId, "\"ST A 2\"", "/sections/0/rows/0/seats/1/id");

        String blankLabel = replaceOnce(SMALL_JSON, "\"label\": \"2\"", "\"label\": \" \"");
        SeatMapFormatException blank = readFails(blankLabel);
        assertAt(blank, blankLabel, "\" \"", "/sections/0/rows/0/seats/1/label");
        assertThat(blank.reason()).isEqualTo("label must not be blank");

        String huge = replaceOnce(SMALL_JSON, "\"x\": 26,", "\"x\": 1e999,");
        assertAt(readFails(huge), huge, "1e999", "/sections/0/rows/0/seats/1/x");

        String zeroCapacity = replaceOnce(SMALL_JSON, "\"capacity\": 100,", "\"capacity\": 0,");
        assertAt(readFails(zeroCapacity), zeroCapacity, "0,\n      \"outline\"", "/areas/0/capacity");

        String twoPoints = replaceOnce(SMALL_JSON, ", {\"x\": 0, \"y\": 100}]", "]");
        SeatMapFormatException outline = readFails(twoPoints);
        assertAt(outline, twoPoints, "[{\"x\": 0, \"y\": 0}, {\"x\": 100", "/areas/0/outline");
        assertThat(outline.reason()).isEqualTo("outline needs at least 3 points, has 2");

        String areaNamedLikeSeat = replaceOnce(SMALL_JSON, "\"FLOOR\"", "\"ST-A-1\"");
        SeatMapFormatException shared = readFails(areaNamedLikeSeat);
        assertThat(shared.path()).isEqualTo("/areas/0/id");
        assertThat(shared.reason()).isEqualTo("area id \"ST-A-1\" is already the id of the seat on line 19; "
                + "seats and areas share one set of ids");
    }

    @Test
    void flagsMustBeKnownAndNotRepeated() {
        String unknown = replaceOnce(SMALL_JSON, "[\"WHEELCHAIR\"]", "[\"WHEELIE\"]");
        SeatMapFormatException error = readFails(unknown);
        assertAt(error, unknown, "\"WHEELIE\"", "/sections/0/rows/0/seats/0/flags/0");
        assertThat(error.reason()).isEqualTo(
                "unknown flag \"WHEELIE\"; the flags are: COMPANION, NOT_FOR_SALE, RESTRICTED_VIEW, WHEELCHAIR");

        String repeated = replaceOnce(SMALL_JSON, "[\"WHEELCHAIR\"]", "[\"WHEELCHAIR\", \"WHEELCHAIR\"]");
        assertThat(readFails(repeated).path()).isEqualTo("/sections/0/rows/0/seats/0/flags/1");
    }

    @Test
    void byteOrderMarkIsAcceptedAndBrokenUtf8IsAnError() throws Exception {
        byte[] text = SMALL_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        assertThat(SeatMapFormat.read(new ByteArrayInputStream(withMark))).isEqualTo(TestMaps.small());

        byte[] broken = replaceOnce(SMALL_JSON, "\"Test Hall\"", "\"Test Häll\"").getBytes(StandardCharsets.UTF_8);
        int umlaut = indexOf(broken, (byte) 0xC3);
        broken[umlaut + 1] = 'x';
        SeatMapFormatException error = catchThrowableOfType(SeatMapFormatException.class,
                () -> SeatMapFormat.read(new ByteArrayInputStream(broken)));
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(18);
        assertThat(error.reason()).startsWith("the file is not UTF-8 text: byte 0xC3 at offset");
    }

    @Test
    void columnsCountCharactersNotBytes() throws Exception {
        String json = replaceOnce(SMALL_JSON, "\"Test Hall\"", "\"Tëst Hällé\", \"x\": 1");
        SeatMapFormatException error = catchThrowableOfType(SeatMapFormatException.class,
                () -> SeatMapFormat.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertAt(error, json, "\"x\"", "/x");
    }

    @Test
    void textMustBeWritableUnicodeWithoutControlCharacters() throws Exception {
        String loneSurrogate = replaceOnce(SMALL_JSON, "\"Test Hall\"", "\"Test \\ud83c Hall\"");
        SeatMapFormatException broken = readFails(loneSurrogate);
        assertAt(broken, loneSurrogate, "\"Test \\ud83c", "/name");
        assertThat(broken.reason()).isEqualTo("name contains a broken character (an unpaired surrogate)");

        String tab = replaceOnce(SMALL_JSON, "\"Test Hall\"", "\"Test\\tHall\"");
        assertThat(readFails(tab).reason()).isEqualTo("name must not contain control characters");

        String ticketEmoji = replaceOnce(SMALL_JSON, "\"Test Hall\"", "\"Test Hall \\ud83c\\udfab \u00e9\"");
        SeatMap map = SeatMapFormat.read(ticketEmoji);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeatMapFormat.write(map, out);
        assertThat(map.name()).isEqualTo("Test Hall \ud83c\udfab \u00e9");
        assertThat(SeatMapFormat.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(map);
    }

    @Test
    void failingStreamIsAFormatExceptionWithoutPosition() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        SeatMapFormatException error = catchThrowableOfType(SeatMapFormatException.class, () -> SeatMapFormat.read(failing));

        assertThat(error).hasMessage("could not read the seat map: disk on fire");
        assertThat(error.line()).isZero();
    }

    private static SeatMapFormatException readFails(String json) {
        SeatMapFormatException error = catchThrowableOfType(SeatMapFormatException.class, () -> SeatMapFormat.read(json));
        assertThat(error).as("reading should fail").isNotNull();
        return error;
    }

    /** The error is at the first occurrence of {@code token} in the document. */
    private static void assertAt(SeatMapFormatException error, String json, String token, String path) {
        int index = json.indexOf(token);
        assertThat(index).as("token %s in the document", token).isNotNegative();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        assertThat(error.path()).as("path of: " + error.getMessage()).isEqualTo(path);
        assertThat(error.line()).as("line of: " + error.getMessage()).isEqualTo(line);
        assertThat(error.column()).as("column of: " + error.getMessage()).isEqualTo(index - lineStart + 1);
        assertThat(error.getMessage()).isEqualTo("line " + line + ", column " + (index - lineStart + 1) + " (" + path + "): "
                + error.reason());
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertThat(text.indexOf(target)).as("%s occurs once", target)
                .isNotNegative().isEqualTo(text.lastIndexOf(target));
        return text.replace(target, replacement);
    }

    private static String remove(String text, String target) {
        return replaceOnce(text, target, "");
    }

    /** Removes from the first {@code from} up to and including the next {@code until}. */
    private static String removeBlock(String text, String from, String until) {
        int start = text.indexOf(from);
        int end = text.indexOf(until, start) + until.length();
        return text.substring(0, start) + text.substring(end);
    }

    private static String between(String text, String from, String until) {
        int start = text.indexOf(from);
        return text.substring(start, text.indexOf(until, start));
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
