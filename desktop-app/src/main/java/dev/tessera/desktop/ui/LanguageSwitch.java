package dev.tessera.desktop.ui;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** English / 日本語: two pill buttons that switch the language of the whole app at once. */
public final class LanguageSwitch extends HBox {

    public LanguageSwitch(Localization l10n) {
        getStyleClass().add("language-switch");
        ToggleGroup group = new ToggleGroup();
        ToggleButton english = button(l10n, "language.english", Locale.ENGLISH, group, Styles.LEFT_PILL);
        ToggleButton japanese = button(l10n, "language.japanese", Locale.JAPANESE, group, Styles.RIGHT_PILL);
        english.setId("languageEnglish");
        japanese.setId("languageJapanese");
        Runnable select = () -> group.selectToggle(
                l10n.getLocale().getLanguage().equals(Locale.JAPANESE.getLanguage()) ? japanese : english);
        select.run();
        l10n.localeProperty().addListener((obs, old, now) -> select.run());
        // one button always stays pressed: clicking the selected one again does not unselect it
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                l10n.setLocale((Locale) now.getUserData());
            }
        });
        getChildren().addAll(english, japanese);
    }

    private static ToggleButton button(Localization l10n, String key, Locale locale, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(l10n.binding(key));
        b.setUserData(locale);
        b.setToggleGroup(group);
        b.getStyleClass().addAll(pill, Styles.SMALL);
        b.setFocusTraversable(true);
        return b;
    }
}
