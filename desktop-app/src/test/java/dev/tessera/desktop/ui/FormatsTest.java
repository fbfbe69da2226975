package dev.tessera.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void yenHaveNoMinorUnitsAndCentsHaveTwo() {
        assertThat(Formats.money(12_000, "JPY", Locale.ENGLISH)).contains("12,000").doesNotContain(".");
        assertThat(Formats.money(12_000, "JPY", Locale.JAPANESE)).contains("12,000");
        assertThat(Formats.money(1_250, "USD", Locale.ENGLISH)).contains("12.50");
    }

    @Test
    void textsFollowTheChosenLanguage() {
        Localization l10n = new Localization(Locale.ENGLISH);
        var binding = l10n.binding("signin.button");
        assertThat(binding.get()).isEqualTo("Sign in");
        l10n.setLocale(Locale.JAPANESE);
        assertThat(binding.get()).isEqualTo("サインイン");
        assertThat(l10n.text("error.unreachable", "http://x")).contains("http://x");
        l10n.setLocale(Locale.FRENCH);
        assertThat(l10n.getLocale()).isEqualTo(Locale.ENGLISH);
    }
}
