package dev.tessera.desktop.counter;


import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.radio;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;
import atlantafx.base.theme.Styles;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sale, top to bottom: seats and total, customer, payment, confirm and chip, receipt and void. */
public final class SalePanel extends ScrollPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    public SalePanel(CounterViewModel vm, Localization l10n) {
        Label seats = new Label();
        seats.setId("saleSeats");
        seats.getStyleClass().add("sale-seats");
        // a mixed basket's line ("Tickets: 5 (2 seated, 3 standing) · ¥36,000") wraps rather than losing its total
        seats.setWrapText(true);
        seats.textProperty().bind(Bindings.createStringBinding(() -> {
            EventInfo e = vm.eventProperty().get();
            if ((vm.picked().isEmpty() && vm.standing().isEmpty()) || e == null) {
                return l10n.text("counter.seats.none");
            }
            int places = vm.standing().values().stream().mapToInt(Integer::intValue).sum();
            String total = Formats.money(vm.pendingTotalMinor(), e.currency(), l10n.getLocale());
            if (places == 0) {
                return l10n.text("counter.seats.summary", vm.picked().size(), total);
            }
            // standing places are tickets without a seat: the count says which is which
            return l10n.text("counter.tickets.summary", vm.picked().size() + places, vm.picked().size(), places, total);
        }, vm.picked(), vm.standing(), vm.eventProperty(), l10n.localeProperty()));

        Label seatRows = new Label();
        seatRows.setId("saleSeatRows");
        seatRows.setWrapText(true);
        seatRows.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                vm.pickedRows().stream().map(l10n::text).toList()), vm.picked(), vm.standing(), l10n.localeProperty()));
        show(seatRows, vm.phaseProperty().isNotEqualTo(SalePhase.DONE)
                .and(Bindings.isNotEmpty(vm.picked()).or(Bindings.isNotEmpty(vm.standing()))));

        VBox customer = customer(vm, l10n);
        VBox payment = payment(vm, l10n);
        // once sold, the receipt takes their place: it is what the clerk works with next (void, new sale)
        show(customer, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        show(payment, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        show(seats, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        VBox content = new VBox(10, seats, seatRows, customer, payment, actions(vm, l10n), status(vm, l10n), receipt(vm, l10n));
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static VBox customer(CounterViewModel vm, Localization l10n) {
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
                        : l10n.text("counter.customer.cardRead", CounterViewModel.shortChip(vm.customerChipIdProperty().get())),
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
        AttendeeFields perTicket = new AttendeeFields(vm.attendeeForm(), l10n, vm::confirm);
        show(perTicket, vm.attendeeForm().requiredProperty().and(vm.phaseProperty().isEqualTo(SalePhase.HELD)));
        return section("counter.section.customer", l10n, new HBox(10, card, login, walkIn), cardRow, loginRow,
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

    private static VBox payment(CounterViewModel vm, Localization l10n) {
        ToggleGroup group = new ToggleGroup();
        RadioButton cash = radio("payCash", "counter.payment.cash", "CASH", group, l10n);
        RadioButton card = radio("payCard", "counter.payment.card", "CARD", group, l10n);
        group.selectToggle(cash);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.paymentMethodProperty().set((String) now.getUserData());
            }
        });
        TextField tendered = new TextField();
        tendered.setId("tendered");
        tendered.promptTextProperty().bind(l10n.binding("counter.payment.tendered"));
        tendered.textProperty().bindBidirectional(vm.tenderedProperty());
        Label change = new Label();
        change.setId("change");
        change.textProperty().bind(changeText(vm, l10n));
        HBox cashRow = new HBox(8, tendered, change);
        cashRow.getStyleClass().add("row");
        show(cashRow, vm.paymentMethodProperty().isEqualTo("CASH"));
        TextField reference = new TextField();
        reference.setId("cardReference");
        reference.promptTextProperty().bind(l10n.binding("counter.payment.reference"));
        reference.textProperty().bindBidirectional(vm.cardReferenceProperty());
        show(reference, vm.paymentMethodProperty().isEqualTo("CARD"));
        return section("counter.section.payment", l10n, new HBox(12, cash, card), cashRow, reference);
    }

    private static StringBinding changeText(CounterViewModel vm, Localization l10n) {
        return Bindings.createStringBinding(() -> {
            EventInfo e = vm.eventProperty().get();
            Long tendered = e == null ? null : CounterViewModel.minor(vm.tenderedProperty().get(), e.currency());
            if (tendered == null) {
                return "";
            }
            long change = tendered - vm.pendingTotalMinor();
            return change < 0 ? l10n.text("counter.payment.short", Formats.money(-change, e.currency(), l10n.getLocale()))
                    : l10n.text("counter.payment.change", Formats.money(change, e.currency(), l10n.getLocale()));
        }, vm.tenderedProperty(), vm.picked(), vm.eventProperty(), l10n.localeProperty());
    }

    private static HBox actions(CounterViewModel vm, Localization l10n) {
        Button confirm = button("confirmSale", "counter.confirm", l10n);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setOnAction(e -> vm.confirm());
        confirm.disableProperty().bind(vm.busyProperty().or(vm.phaseProperty().isEqualTo(SalePhase.HELD).not()
                .and(vm.offlineProperty().and(Bindings.isNotEmpty(vm.picked()))
                        .and(vm.phaseProperty().isEqualTo(SalePhase.PICKING)).not()))
                .or(vm.attendeeForm().completeProperty().not()));
        Button write = button("writeChip", "counter.chip.write", l10n);
        write.setOnAction(e -> vm.writeToChip());
        show(write, vm.phaseProperty().isEqualTo(SalePhase.AWAITING_CHIP));
        write.disableProperty().bind(vm.busyProperty());
        Button next = button("newSale", "counter.newSale", l10n);
        next.getStyleClass().add(Styles.BUTTON_OUTLINED);
        next.setOnAction(e -> vm.newSale());
        show(next, vm.phaseProperty().isEqualTo(SalePhase.DONE));
        show(confirm, vm.phaseProperty().isEqualTo(SalePhase.DONE).not());
        // claim 20: a paper sale prints once from here (or at once, as Settings say); reprints are After-sales'
        Button print = button("salePrint", "counter.paper.printButton", l10n);
        print.setOnAction(e -> vm.printPaper());
        print.disableProperty().bind(vm.busyProperty().or(vm.paperPrintedProperty()));
        Button preview = button("salePreview", "counter.paper.previewButton", l10n);
        preview.setOnAction(e -> vm.previewPaper());
        preview.disableProperty().bind(vm.busyProperty());
        var paperDone = vm.phaseProperty().isEqualTo(SalePhase.DONE).and(vm.paperSaleProperty());
        show(print, paperDone);
        show(preview, paperDone);
        HBox row = new HBox(8, confirm, write, print, preview, next);
        row.getStyleClass().add("row");
        return row;
    }

    private static Label status(CounterViewModel vm, Localization l10n) {
        Label status = new Label();
        status.setId("saleStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        vm.failedProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(FAILED, now));
        return status;
    }

    private static VBox receipt(CounterViewModel vm, Localization l10n) {
        ListView<ReceiptLine> lines = new ListView<>(vm.receipt());
        lines.setId("receipt");
        lines.setPrefHeight(130);
        lines.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ReceiptLine item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> l10n.text(item.place()) + "   "
                        + item.categoryName() + "   "
                        + Formats.money(item.priceMinor(), item.currency(), l10n.getLocale()), l10n.localeProperty()));
            }
        });
        Label total = new Label();
        total.setId("receiptTotal");
        total.getStyleClass().add("receipt-total");
        total.textProperty().bind(l10n.binding(vm.receiptTotalProperty()));
        TextField reason = new TextField();
        reason.setId("voidReason");
        reason.promptTextProperty().bind(l10n.binding("counter.void.reason"));
        reason.textProperty().bindBidirectional(vm.voidReasonProperty());
        vm.selectedLineProperty().bind(lines.getSelectionModel().selectedItemProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        CheckBox refund = new CheckBox();
        refund.setId("voidRefund");
        refund.textProperty().bind(l10n.binding("counter.void.refund"));
        refund.selectedProperty().bindBidirectional(vm.voidRefundProperty());
        Button voidButton = button("voidTicket", "counter.void", l10n);
        voidButton.getStyleClass().add(Styles.DANGER);
        voidButton.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull()
                .or(reason.textProperty().isEmpty()).or(vm.busyProperty()));
        voidButton.setOnAction(e -> vm.voidSelected());
        reason.setOnAction(e -> {
            if (!voidButton.isDisabled()) {
                vm.voidSelected();
            }
        });
        HBox voidRow = new HBox(8, refund, voidButton);
        voidRow.getStyleClass().add("row");
        Label number = new Label();
        number.setId("saleNumber");
        number.getStyleClass().add(Styles.TEXT_BOLD);
        number.textProperty().bind(l10n.binding(vm.saleNumberProperty()));
        VBox box = section("counter.section.receipt", l10n, number, lines, total, reason, voidRow);
        show(box, Bindings.isNotEmpty(vm.receipt()));
        return box;
    }
}
