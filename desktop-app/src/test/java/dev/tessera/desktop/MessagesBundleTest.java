package dev.tessera.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.ui.Localization;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {
    private final ResourceBundle english = Localization.bundle(Locale.ENGLISH);
    private final ResourceBundle japanese = Localization.bundle(Locale.JAPANESE);

    @Test
    void englishAndJapaneseHaveExactlyTheSameKeys() {
        assertThat(japanese.getLocale()).isEqualTo(Locale.JAPANESE);
        assertThat(english.getLocale()).isEqualTo(Locale.ROOT);
        Set<String> en = english.keySet();
        Set<String> ja = japanese.keySet();
        assertThat(ja).as("keys only in English").containsAll(en);
        assertThat(en).as("keys only in Japanese").containsAll(ja);
    }

    @Test
    void noTextIsEmptyAndEveryTextIsAValidPattern() {
        for (ResourceBundle bundle : new ResourceBundle[] {english, japanese}) {
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                assertThat(value).as(key + " in " + bundle.getLocale()).isNotBlank();
                assertThat(new MessageFormat(value).format(new Object[] {"x", "y"})).as(key).isNotBlank();
            }
        }
    }

    @Test
    void japaneseTextsAreJapanese() {
        long untranslated = japanese.keySet().stream()
                .filter(k -> !k.startsWith("language.") && !k.equals("app.name") && !k.equals("error.center"))
                .filter(k -> japanese.getString(k).equals(english.getString(k)))
                .toList().size();
        assertThat(untranslated).isZero();
        assertThat(japanese.getString("signin.button")).isEqualTo("サインイン");
    }

    @Test
    void argumentsAreTheSameInBothLanguages() {
        for (String key : english.keySet()) {
            assertThat(new MessageFormat(japanese.getString(key)).getFormatsByArgumentIndex())
                    .as(key).hasSameSizeAs(new MessageFormat(english.getString(key)).getFormatsByArgumentIndex());
        }
    }
}
