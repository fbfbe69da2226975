package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.Contact;
import dev.tessera.core.contact.EmailAddress;
import dev.tessera.core.contact.PhoneNumber;
import dev.tessera.desktop.ui.Message;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Issue 17: how the customer of a counter sale can be reached (name, e-mail, phone), each optional, so that
 * after-sales finds the sale by any of them. A malformed e-mail address or phone number is said before the sale, by
 * field, with the same rules the center keeps (ticket-core's {@link EmailAddress} and {@link PhoneNumber}).
 */
public final class ContactForm {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObjectBinding<Message> emailProblem = Bindings.createObjectBinding(
            () -> emailProblem(email.get()).orElse(null), email);
    private final ObjectBinding<Message> phoneProblem = Bindings.createObjectBinding(
            () -> phoneProblem(phone.get()).orElse(null), phone);

    /** What is wrong with the typed contact, the e-mail address first; empty when it can be sold with. */
    public Optional<Message> problem() {
        return Optional.ofNullable(emailProblem.get()).or(() -> Optional.ofNullable(phoneProblem.get()));
    }

    /** The contact to send with the sale; null when nothing was typed. */
    public Contact contact() {
        String n = text(name.get());
        String e = text(email.get());
        String p = text(phone.get());
        return n == null && e == null && p == null ? null : new Contact(n, e, p);
    }

    public void clear() {
        name.set("");
        email.set("");
        phone.set("");
    }

    static Optional<Message> emailProblem(String typed) {
        if (text(typed) == null) {
            return Optional.empty();
        }
        try {
            EmailAddress.parse(typed);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Message.of("counter.contact.badEmail", typed.strip()));
        }
    }

    static Optional<Message> phoneProblem(String typed) {
        if (text(typed) == null) {
            return Optional.empty();
        }
        try {
            PhoneNumber.parse(typed);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(Message.of("counter.contact.badPhone", typed.strip(), PhoneNumber.MIN_DIGITS,
                    PhoneNumber.MAX_DIGITS));
        }
    }

    private static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    /** The e-mail field's problem while typing, null when it is empty or well-formed. */
    public ObjectBinding<Message> emailProblemProperty() {
        return emailProblem;
    }

    public ObjectBinding<Message> phoneProblemProperty() {
        return phoneProblem;
    }
}
