package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.radio;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;

import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableObjectValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Who buys: member card, member login or walk-in; the attendees' names; how to reach the customer. */
public final class CustomerView extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    public CustomerView(CustomerViewModel vm, ObservableObjectValue<SalePhase> phase, Runnable confirm, Localization l10n) {
        ToggleGroup group = new ToggleGroup();
        RadioButton card = radio("customerCard", "counter.customer.card", CustomerMode.MEMBER_CARD, group, l10n);
        RadioButton login = radio("customerLogin", "counter.customer.login", CustomerMode.MEMBER_PASSWORD, group, l10n);
        RadioButton walkIn = radio("customerWalkIn", "counter.customer.walkIn", CustomerMode.WALK_IN, group, l10n);
        group.selectToggle(card);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.customerModeProperty().set((CustomerMode) now.getUserData());
            }
        });
        vm.customerModeProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        Button read = button("readCard", "counter.customer.read", l10n);
        read.setOnAction(e -> vm.tapMemberCard());
        Label chip = new Label();
        chip.setId("customerChip");
        chip.textProperty().bind(Bindings.createStringBinding(() -> vm.customerChipIdProperty().get() == null
                        ? l10n.text("counter.customer.noCard")
                        : l10n.text("counter.customer.cardRead", CounterFailures.shortChip(vm.customerChipIdProperty().get())),
                vm.customerChipIdProperty(), l10n.localeProperty()));
        HBox cardRow = new HBox(8, read, chip);
        cardRow.getStyleClass().add("row");
        BooleanBinding cardMode = vm.customerModeProperty().isEqualTo(CustomerMode.MEMBER_CARD);
        show(cardRow, cardMode);
        TextField memberLogin = new TextField();
        memberLogin.setId("memberLogin");
        memberLogin.promptTextProperty().bind(l10n.binding("counter.customer.memberLogin"));
        memberLogin.textProperty().bindBidirectional(vm.memberLoginProperty());
        PasswordField memberPassword = new PasswordField();
        memberPassword.setId("memberPassword");
        memberPassword.promptTextProperty().bind(l10n.binding("counter.customer.memberPassword"));
        memberPassword.textProperty().bindBidirectional(vm.memberPasswordProperty());
        HBox loginRow = new HBox(8, memberLogin, memberPassword);
        show(loginRow, vm.customerModeProperty().isEqualTo(CustomerMode.MEMBER_PASSWORD));
        // claim 70: attendee names printed on the tickets and shown at the gate; optional
        TextField attendees = new TextField();
        attendees.setId("attendeeNames");
        attendees.promptTextProperty().bind(l10n.binding("counter.attendees.prompt"));
        attendees.textProperty().bindBidirectional(vm.attendeeNamesProperty());
        show(attendees, vm.attendeeForm().requiredProperty().not());
        // claim 70: an event that requires names asks for one per ticket of the hold; Enter in the last one sells
        AttendeeFields perTicket = new AttendeeFields(vm.attendeeForm(), l10n, confirm);
        show(perTicket, vm.attendeeForm().requiredProperty().and(Bindings.equal(SalePhase.HELD, phase)));
        section(this, "counter.section.customer", l10n, new HBox(10, card, login, walkIn), cardRow, loginRow,
                attendees, perTicket, contact(vm.contactForm(), l10n));
    }

    /** Issue 17: how the customer can be reached, optional; a malformed e-mail or phone is said under it as typed. */
    private static VBox contact(ContactForm form, Localization l10n) {
        TextField name = contactField("contactName", "counter.contact.name", form.nameProperty(), l10n);
        TextField email = contactField("contactEmail", "counter.contact.email", form.emailProperty(), l10n);
        TextField phone = contactField("contactPhone", "counter.contact.phone", form.phoneProperty(), l10n);
        form.emailProblemProperty().addListener((obs, old, now) -> email.pseudoClassStateChanged(INVALID, now != null));
        form.phoneProblemProperty().addListener((obs, old, now) -> phone.pseudoClassStateChanged(INVALID, now != null));
        HBox fields = new HBox(8, name, email, phone);
        fields.getStyleClass().add("row");
        Label problem = new Label();
        problem.setId("contactProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(l10n.binding(Bindings.createObjectBinding(() -> form.problem().orElse(null),
                form.emailProblemProperty(), form.phoneProblemProperty())));
        show(problem, problem.textProperty().isNotEmpty());
        return new VBox(4, fields, problem);
    }

    private static TextField contactField(String id, String promptKey, javafx.beans.property.StringProperty text,
                                          Localization l10n) {
        TextField field = new TextField();
        field.setId(id);
        field.promptTextProperty().bind(l10n.binding(promptKey));
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(10);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

}
