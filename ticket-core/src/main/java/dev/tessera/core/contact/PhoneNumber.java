package dev.tessera.core.contact;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A phone number a customer gives at the counter, as written ({@code 090-1234-5678}, {@code +81 90 1234 5678}) and
 * as its key: the digits alone, Japan's {@code +81} (with or without the trunk 0 after it) written as the domestic
 * {@code 0}, any other country code kept as {@code +} and its digits. Two ways of writing one number have one key.
 */
public record PhoneNumber(String written, String key) {
    public static final int MIN_DIGITS = 7;
    public static final int MAX_DIGITS = 15;
    public static final int MAX_WRITTEN_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9()][0-9 ()\\-.]*");

    public static PhoneNumber parse(String text) {
        String written = written(text);
        if (written.length() > MAX_WRITTEN_LENGTH || !SHAPE.matcher(written).matches()) {
            throw new IllegalArgumentException("'" + written + "' is not a phone number: digits with spaces, dashes or"
                    + " brackets, + and the country code first if abroad");
        }
        int digits = digits(written).length();
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("'" + written + "' is not a phone number: it has " + digits
                    + " digits, a phone number " + MIN_DIGITS + " to " + MAX_DIGITS);
        }
        return new PhoneNumber(written, key(written));
    }

    /**
     * What a clerk typed to find a customer by (part of) their number, as a key to look for inside stored keys; null
     * when the text is not shaped like a phone number or has fewer than 4 digits.
     */
    public static String searchKey(String text) {
        String written = written(text);
        if (!SHAPE.matcher(written).matches() || digits(written).length() < 4) {
            return null;
        }
        return key(written);
    }

    private static String written(String text) {
        // full-width digits and dashes (NFKC), and the dashes Japanese keyboards type, as ASCII
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip()
                .replaceAll("[\u2010-\u2015\u2212\u30FC]", "-");
    }

    private static String key(String written) {
        String digits = digits(written);
        if (!written.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("81")) {
            String national = digits.substring(2);
            return "0" + (national.startsWith("0") ? national.substring(1) : national);
        }
        return "+" + digits;
    }

    private static String digits(String written) {
        return written.replaceAll("[^0-9]", "");
    }
}
