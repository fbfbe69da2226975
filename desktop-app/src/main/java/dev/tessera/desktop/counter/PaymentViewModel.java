package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.Payment;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongExpression;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * How the customer pays: cash (the amount handed over and the change) or card (the terminal's reference). Shown by
 * {@link PaymentView}.
 */
public final class PaymentViewModel {
    private final Feedback feedback;
    private final ObjectProperty<String> paymentMethod = new SimpleObjectProperty<>("CASH");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty cardReference = new SimpleStringProperty("");
    private final ObjectBinding<Message> change;

    /**
     * @param currency the currency of the event on sale (null before one is chosen)
     * @param due what the basket costs, in that currency's minor units
     */
    PaymentViewModel(Feedback feedback, ObservableValue<String> currency, LongExpression due) {
        this.feedback = feedback;
        this.change = Bindings.createObjectBinding(() -> {
            String code = currency.getValue();
            Long given = code == null ? null : minor(tendered.get(), code);
            if (given == null) {
                return null;
            }
            long back = given - due.get();
            return back < 0 ? Message.of("counter.payment.short", new Money(-back, code))
                    : Message.of("counter.payment.change", new Money(back, code));
        }, tendered, currency, due);
    }

    /**
     * The payment for the sale in {@code currency}, or null (and the refusal on screen) when the cash typed is not an
     * amount.
     */
    Payment payment(String currency) {
        if (!"CASH".equals(paymentMethod.get())) {
            return new Payment(PaymentMethod.valueOf(paymentMethod.get()), cardReference.get().isBlank() ? null : cardReference.get().trim(), null);
        }
        Long tenderedMinor = minor(tendered.get(), currency);
        if (!tendered.get().isBlank() && tenderedMinor == null) {
            feedback.say(Message.of("counter.payment.badAmount"));
            feedback.setFailed(true);
            return null;
        }
        return new Payment(PaymentMethod.CASH, null, tenderedMinor);
    }

    /** The card terminal's reference typed in, or null when none. */
    String reference() {
        return cardReference.get().isBlank() ? null : cardReference.get().trim();
    }

    void clear() {
        tendered.set("");
        cardReference.set("");
    }

    /** The amount typed, in minor units; null when blank or not an amount ({@link Money#parse}). */
    static Long minor(String text, String currency) {
        return Money.parse(text, currency).map(Money::minor).orElse(null);
    }

    public ObjectProperty<String> paymentMethodProperty() {
        return paymentMethod;
    }

    public StringProperty tenderedProperty() {
        return tendered;
    }

    public StringProperty cardReferenceProperty() {
        return cardReference;
    }

    /** "Change: ¥1,000" or "Short: ¥500" for the cash typed against the basket; null while no amount is typed. */
    public ObjectBinding<Message> changeProperty() {
        return change;
    }
}
