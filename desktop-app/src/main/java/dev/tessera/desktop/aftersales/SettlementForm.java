package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.Message;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every after-sales step asks of the clerk besides the tickets: the reason (audited), and how money changes hands
 * (cash with the amount handed over, or card with the terminal's reference).
 */
final class SettlementForm {
    private final CounterContext ctx;
    private final Feedback feedback;
    private final ObjectProperty<Reason> reason = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<String> settleMethod = new SimpleObjectProperty<>("CASH");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");

    SettlementForm(CounterContext ctx, Feedback feedback) {
        this.ctx = ctx;
        this.feedback = feedback;
    }

    /** The card refund's or payment's reference, when the method is card and one was typed. */
    String cardReference() {
        return "CARD".equals(settleMethod.get()) && !reference.get().isBlank() ? reference.get().strip() : null;
    }

    String reasonText() {
        Reason r = reason.get();
        if (r == null || (r == Reason.OTHER && note.get().isBlank())) {
            feedback.fail(Message.of(r == null ? "aftersales.reason.choose" : "aftersales.reason.explain"));
            return null;
        }
        String text = r.audit(note.get());
        if (text.length() > 400) {
            feedback.fail(Message.of("aftersales.reason.tooLong"));
            return null;
        }
        return text;
    }

    /** The reason and note emptied, for the next step. */
    void clear() {
        reason.set(null);
        note.set("");
    }

    /** The money fields emptied too, after an exchange. */
    void clearMoney() {
        tendered.set("");
        reference.set("");
    }

    String money(long minor, String currency) {
        return Formats.money(minor, currency, ctx.l10n().getLocale());
    }

    /** A message inside a message: the view puts nested messages into words too. */
    static Message methodKey(String method) {
        return Message.of("CARD".equals(method) ? "aftersales.method.card" : "aftersales.method.cash");
    }
    /** The amount typed, in minor units; null when blank or not an amount ({@link Money#parse}). */
    static Long minor(String text, String currency) {
        return Money.parse(text, currency).map(Money::minor).orElse(null);
    }

    ObjectProperty<Reason> reasonProperty() {
        return reason;
    }

    StringProperty noteProperty() {
        return note;
    }

    ObjectProperty<String> settleMethodProperty() {
        return settleMethod;
    }

    StringProperty tenderedProperty() {
        return tendered;
    }

    StringProperty referenceProperty() {
        return reference;
    }
}
