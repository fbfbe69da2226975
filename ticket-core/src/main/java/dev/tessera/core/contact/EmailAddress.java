package dev.tessera.core.contact;

import java.util.regex.Pattern;

/** An e-mail address a customer gives at the counter: one {@code @}, a dotted domain, no spaces, at most 254 characters. */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(?:\\.[^\\s@.]+)+");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an e-mail address (name@example.com)");
        }
    }

    /** The address as typed, without the spaces around it. */
    public static EmailAddress parse(String text) {
        return new EmailAddress(text == null ? null : text.strip());
    }
}
