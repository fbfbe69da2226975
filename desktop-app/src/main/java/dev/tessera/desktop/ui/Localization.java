package dev.tessera.desktop.ui;

import dev.tessera.core.model.Money;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Every user-facing string, in English or Japanese, switchable while the app runs: texts are
 * bindings that follow {@link #localeProperty()}.
 */
public final class Localization {
    public static final String BUNDLE = "dev.tessera.desktop.messages";
    /**
     * The bundles looked up in order: the shell's and one per workspace, so each workspace keeps its
     * texts beside its code. A key lives in exactly one of them (MessagesBundleTest checks).
     */
    public static final List<String> BUNDLES = List.of(BUNDLE, "dev.tessera.desktop.organizer",
            "dev.tessera.desktop.manager", "dev.tessera.desktop.gate", "dev.tessera.desktop.shift",
            "dev.tessera.desktop.aftersales", "dev.tessera.desktop.member");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>();
    private List<ResourceBundle> bundles;

    public Localization(Locale initial) {
        setLocale(initial);
    }

    /** Japanese on a Japanese system, English everywhere else. */
    public static Locale defaultLocale() {
        return Locale.getDefault().getLanguage().equals(Locale.JAPANESE.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return bundle(BUNDLE, locale);
    }

    public static ResourceBundle bundle(String baseName, Locale locale) {
        // no fallback to the system locale: English is the base bundle, not whatever the OS says
        return ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public void setLocale(Locale newLocale) {
        Locale supported = SUPPORTED.stream().filter(l -> l.getLanguage().equals(newLocale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
        bundles = BUNDLES.stream().map(name -> bundle(name, supported)).toList();
        locale.set(supported);
    }

    public Locale getLocale() {
        return locale.get();
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public String text(String key, Object... args) {
        String pattern = null;
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                pattern = bundle.getString(key);
                break;
            }
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no text for key " + key + " in " + BUNDLES);
        }
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /**
     * A message in words, with messages among its arguments (a payment method, a place) put into words too and
     * amounts written in this language.
     */
    public String text(Message message) {
        return text(message.key(), message.args().stream().map(a -> switch (a) {
            case Message inner -> text(inner);
            case Money amount -> amount.display(locale.get());
            case null, default -> a;
        }).toArray());
    }

    public StringBinding binding(String key, Object... args) {
        return Bindings.createStringBinding(() -> text(key, args), locale);
    }

    /** The text of a message that may change, or "" while there is none. */
    public StringBinding binding(ObservableValue<Message> message) {
        return Bindings.createStringBinding(() -> message.getValue() == null ? "" : text(message.getValue()),
                locale, message);
    }
}
