package dev.tessera.core.seatmap;

import java.util.List;

/**
 * The field rules of the seat map, shared by the model's constructors and the file reader so that
 * both report the same sentence. A {@code check…} method returns {@code null} when the value is
 * fine and otherwise the reason, without saying whose value it is; the caller adds that.
 */
final class Rules {
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LABEL_LENGTH = 32;
    static final String ID_RULE =
            "an id is 1 to " + MAX_ID_LENGTH + " ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";

    static final String CAPACITY_RULE = "must be between 1 and " + Integer.MAX_VALUE;

    private static final int COLOR_LENGTH = 7;
    private static final int MAX_QUOTED_LENGTH = 60;

    private Rules() {}

    static String checkId(String id) {
        return isValidId(id) ? null : quote(id) + " is not a valid id: " + ID_RULE;
    }

    static String checkText(String text, int maxLength) {
        if (text.isBlank()) {
            return "must not be blank";
        }
        if (text.length() > maxLength) {
            return "is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // it could not be written as UTF-8
                return "contains a broken character (an unpaired surrogate)";
            }
        }
        return null;
    }

    static String checkFinite(double value) {
        return Double.isFinite(value) ? null : "must be a finite number, was " + value;
    }

    static String checkColor(String color) {
        return isValidColor(color) ? null : quote(color) + " is not a colour of the form #RRGGBB";
    }

    static String checkCapacity(int capacity) {
        return capacity > 0 ? null : CAPACITY_RULE + ", was " + capacity;
    }

    static String checkOutline(int points) {
        return points >= GeneralAdmissionArea.MIN_OUTLINE_POINTS
                ? null
                : "needs at least " + GeneralAdmissionArea.MIN_OUTLINE_POINTS + " points, has " + points;
    }

    /** The id of a model object; {@code kind} is "seat", "row", …. */
    static String requireId(String kind, String id) {
        if (id == null) {
            throw new IllegalArgumentException(kind + " id is missing");
        }
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid " + kind + " id " + quote(id) + ": " + ID_RULE);
        }
        return id;
    }

    static String requireText(Owner owner, String field, String text, int maxLength) {
        if (text == null) {
            throw new IllegalArgumentException(owner + ": " + field + " is missing");
        }
        return require(owner, field, text, checkText(text, maxLength));
    }

    static double requireFinite(Owner owner, String field, double value) {
        String problem = checkFinite(value);
        if (problem != null) {
            throw new IllegalArgumentException(owner + ": " + field + " " + problem);
        }
        // -0.0 would be written as 0 and read back as a different double
        return value + 0.0;
    }

    static <T> T requirePresent(Owner owner, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + field + " is missing");
        }
        return value;
    }

    /** An unmodifiable copy; a null list or element is an IllegalArgumentException, not an NPE. */
    static <T> List<T> copyList(Owner owner, String field, List<T> list) {
        requirePresent(owner, field, list);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(owner + ": " + field + " has a missing entry at index " + i);
            }
        }
        return List.copyOf(list);
    }

    /**
     * Whose value is checked, e.g. {@code seat "ST-A-1"}: spelled out only when a check fails, as
     * the checks run for every seat of large maps.
     */
    record Owner(String kind, String id) {
        static final Owner POINT = new Owner("point", null);

        @Override
        public String toString() {
            return id == null ? kind : kind + " " + quote(id);
        }
    }

    /** A value quoted for a message: escaped and cut short, since it may come from a broken file. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED_LENGTH) + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            if (i == MAX_QUOTED_LENGTH) {
                quoted.append('…');
                break;
            }
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String require(Owner owner, String field, String value, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(owner + ": " + field + " " + problem);
        }
        return value;
    }

    // hand-written rather than a regex: it runs for every seat of maps with 100,000 seats
    private static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !isAsciiLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isValidColor(String color) {
        if (color == null || color.length() != COLOR_LENGTH || color.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < COLOR_LENGTH; i++) {
            char c = color.charAt(i);
            boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hexDigit) {
                return false;
            }
        }
        return true;
    }
}
