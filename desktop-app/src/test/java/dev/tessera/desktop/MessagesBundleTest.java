package dev.tessera.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.ui.Localization;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Every bundle of the shell and the workspaces, in English and Japanese. */
class MessagesBundleTest {
    static final java.util.List<String> BUNDLES = Localization.BUNDLES;

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void englishAndJapaneseHaveExactlyTheSameKeys(String name) {
        ResourceBundle english = Localization.bundle(name, Locale.ENGLISH);
        ResourceBundle japanese = Localization.bundle(name, Locale.JAPANESE);
        assertThat(japanese.getLocale()).isEqualTo(Locale.JAPANESE);
        assertThat(english.getLocale()).isEqualTo(Locale.ROOT);
        Set<String> en = english.keySet();
        Set<String> ja = japanese.keySet();
        assertThat(ja).as("keys only in English").containsAll(en);
        assertThat(en).as("keys only in Japanese").containsAll(ja);
    }

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void noTextIsEmptyAndEveryTextIsAValidPattern(String name) {
        for (Locale locale : Localization.SUPPORTED) {
            ResourceBundle bundle = Localization.bundle(name, locale);
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                assertThat(value).as(key + " in " + bundle.getLocale()).isNotBlank();
                MessageFormat pattern = new MessageFormat(value, locale);
                assertThat(pattern.format(sampleArguments(pattern))).as(key).isNotBlank();
            }
        }
    }

    /** A number where the pattern formats a number or a choice, a date for a date, else a word. */
    private static Object[] sampleArguments(MessageFormat pattern) {
        java.text.Format[] formats = pattern.getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(3, formats.length)];
        for (int i = 0; i < args.length; i++) {
            java.text.Format f = i < formats.length ? formats[i] : null;
            args[i] = f instanceof java.text.NumberFormat ? (Object) 2
                    : f instanceof java.text.DateFormat ? new java.util.Date() : "x" + i;
        }
        return args;
    }

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void japaneseTextsAreJapanese(String name) {
        ResourceBundle english = Localization.bundle(name, Locale.ENGLISH);
        ResourceBundle japanese = Localization.bundle(name, Locale.JAPANESE);
        long untranslated = japanese.keySet().stream()
                .filter(k -> !k.startsWith("language.") && !k.equals("app.name") && !k.equals("error.center"))
                .filter(k -> japanese.getString(k).equals(english.getString(k)))
                .toList().size();
        assertThat(untranslated).as("texts left in English in " + name).isZero();
    }

    @ParameterizedTest
    @FieldSource("BUNDLES")
    void argumentsAreTheSameInBothLanguages(String name) {
        ResourceBundle english = Localization.bundle(name, Locale.ENGLISH);
        ResourceBundle japanese = Localization.bundle(name, Locale.JAPANESE);
        for (String key : english.keySet()) {
            assertThat(new MessageFormat(japanese.getString(key)).getFormatsByArgumentIndex())
                    .as(key).hasSameSizeAs(new MessageFormat(english.getString(key)).getFormatsByArgumentIndex());
        }
    }

    @Test
    void everyKeyLivesInOneBundleOnly() {
        Map<String, String> owner = new HashMap<>();
        for (String name : BUNDLES) {
            for (String key : Localization.bundle(name, Locale.ENGLISH).keySet()) {
                String before = owner.put(key, name);
                assertThat(before).as(key + " is in " + before + " and " + name).isNull();
            }
        }
        assertThat(Localization.bundle(Locale.JAPANESE).getString("signin.button")).isEqualTo("サインイン");
    }
}
