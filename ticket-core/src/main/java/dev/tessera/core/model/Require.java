package dev.tessera.core.model;

import java.util.Collection;
import java.util.Map;

/** Argument checks shared by the model records; each failure names the field. */
public final class Require {
    private Require() {}

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return "";
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static <T extends Collection<?>> T notEmpty(T value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return noNulls(value, field);
    }

    public static <K, V> Map<K, V> notEmpty(Map<K, V> value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return noNulls(value, field);
    }

    /** Rejects null keys and values, which the immutable copies would refuse with a bare NullPointerException. */
    public static <K, V> Map<K, V> noNulls(Map<K, V> value, String field) {
        Require.present(value, field);
        value.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(field + " has an entry without a value: " + k);
            }
        });
        return value;
    }

    public static <T extends Collection<?>> T noNulls(T value, String field) {
        Require.present(value, field);
        for (Object element : value) {
            if (element == null) {
                throw new IllegalArgumentException(field + " contains an empty entry");
            }
        }
        return value;
    }

    public static String currency(String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code, was " + value);
        }
        return value;
    }
}
