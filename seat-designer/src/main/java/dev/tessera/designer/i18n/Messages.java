package dev.tessera.designer.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The designer's user-facing text, in English and Japanese ({@code messages.properties},
 * {@code messages_ja.properties}); a test keeps the two bundles' keys equal.
 */
public final class Messages {
    public static final String BUNDLE = "dev.tessera.designer.i18n.messages";

    private static volatile Locale locale = Locale.getDefault();

    private Messages() {}

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static void setLocale(Locale newLocale) {
        locale = newLocale;
    }

    public static Locale locale() {
        return locale;
    }

    /** The text for a key, with {0}-style arguments filled in. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException missing) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
