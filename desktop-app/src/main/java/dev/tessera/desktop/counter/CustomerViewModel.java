package dev.tessera.desktop.counter;

import dev.tessera.core.model.CustomerAuth;
import dev.tessera.contract.sales.Contact;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.model.Hold;
import dev.tessera.contract.sales.Customer;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Who buys (claims 70, 78; issues 15, 17): a member's card tapped and proven, a member's login, or a walk-in; the
 * attendees' names and how the customer can be reached. Shown by {@link CustomerView}.
 */
public final class CustomerViewModel {
    private final CounterContext ctx;
    private final Feedback feedback;
    private final Supplier<SalePhase> phase;
    private final ObjectProperty<CustomerMode> customerMode = new SimpleObjectProperty<>(CustomerMode.MEMBER_CARD);
    private final ReadOnlyStringWrapper customerChipId = new ReadOnlyStringWrapper();
    /** Issue 15: the tapped card's answer to a center challenge, spent by the sale (single use, 2 minutes). */
    private ChipDesk.MemberCardProof customerCardProof;
    private final StringProperty memberLogin = new SimpleStringProperty("");
    private final StringProperty memberPassword = new SimpleStringProperty("");
    /**
     * Claim 70: the attendees' names, comma-separated, in the basket's order (its seats as the seat map lists them,
     * then its standing places).
     */
    private final StringProperty attendeeNames = new SimpleStringProperty("");
    /** Claim 70: when the event requires a name on every ticket, one field per ticket of the hold instead. */
    private final AttendeeForm attendeeForm = new AttendeeForm();
    private final ContactForm contactForm = new ContactForm();

    CustomerViewModel(CounterContext ctx, Feedback feedback, Supplier<SalePhase> phase) {
        this.ctx = ctx;
        this.feedback = feedback;
        this.phase = phase;
        attendeeForm.keepRefusalCurrent(feedback);
    }

    /** The customer holds their membership card on the reader (claim 78). */
    public void tapMemberCard() {
        run(() -> {
            // issue 15: the card proves itself by signing the center's fresh challenge (INTERNAL AUTHENTICATE)
            ChipDesk.MemberCardProof proof = ChipDesk.proveMemberCard(ctx.reader().tap(), ctx.session());
            dev.tessera.contract.chip.ChipView chip;
            try {
                chip = ctx.session().chip(proof.chipId());
            } catch (dev.tessera.client.CenterProblemException e) {
                if (e.status() != 404) {
                    throw e;
                }
                // a chip the center never registered: not a membership card, whatever it says about itself
                throw new OfflineSeller.Refused(Message.of("counter.customer.notMember"));
            }
            if (chip.memberId() == 0) { // the center answers 0 for a chip no member holds
                throw new OfflineSeller.Refused(Message.of("counter.customer.notMember"));
            }
            return proof;
        }, proof -> {
            customerMode.set(CustomerMode.MEMBER_CARD);
            customerCardProof = proof;
            customerChipId.set(proof.chipId());
            feedback.say(Message.of(phase.get() == SalePhase.HELD ? "counter.hint.pay" : "counter.hint.pick"));
        });
    }

    /**
     * The customer the sale goes to, or null (and the refusal on screen) when the mode chosen is a member's card and
     * none was read. A card's proof is spent here: a second try needs a fresh tap.
     */
    Customer customer() {
        switch (customerMode.get()) {
            case MEMBER_CARD -> {
                if (customerChipId.get() == null) {
                    refuse(Message.of("counter.customer.tapFirst"));
                    return null;
                }
                ChipDesk.MemberCardProof proof = customerCardProof;
                customerCardProof = null;
                return proof != null && proof.chipId().equals(customerChipId.get())
                        ? new Customer(CustomerAuth.MEMBER_CARD, null, null, proof.chipId(), proof.challengeId(), proof.signature())
                        : new Customer(CustomerAuth.MEMBER_CARD, null, null, customerChipId.get());
            }
            case MEMBER_PASSWORD -> {
                return new Customer(CustomerAuth.MEMBER_PASSWORD, memberLogin.get().trim(), memberPassword.get(), null);
            }
            default -> {
                return new Customer(CustomerAuth.WALK_IN, null, null, null);
            }
        }
    }

    /** The held places' attendee names in issue order, or null (and the refusal on screen) when they do not fit. */
    List<String> attendees(SeatMap heldOn, Hold h) {
        if (!attendeeForm.completeProperty().get()) {
            refuse(Message.of(AttendeeForm.REFUSED, attendeeForm.missingProperty().get()));
            return null;
        }
        List<String> typed = AttendeeNames.parse(attendeeNames.get());
        List<String> attendees = attendeeForm.requiredProperty().get() ? attendeeForm.names()
                : heldOn == null ? typed : AttendeeNames.inIssueOrder(typed, heldOn, h.seatIds(), h.areas());
        int tickets = h.seatIds().size() + (h.areas() == null ? 0
                : h.areas().values().stream().mapToInt(Integer::intValue).sum());
        if (attendees.size() > tickets) {
            refuse(Message.of("counter.attendees.tooMany", attendees.size(), tickets));
            return null;
        }
        return attendees;
    }

    /** False (and the problem on screen) when the e-mail address or phone number typed is malformed. */
    boolean contactWellFormed() {
        var problem = contactForm.problem();
        problem.ifPresent(this::refuse);
        return problem.isEmpty();
    }

    /** How the customer can be reached, or null when nothing was typed. */
    Contact contact() {
        return contactForm.contact();
    }

    /** A place for a hold's tickets: one name field each when the event requires names. */
    void held(List<Message> places) {
        attendeeForm.show(places);
    }

    void clear() {
        customerChipId.set(null);
        customerCardProof = null;
        memberLogin.set("");
        memberPassword.set("");
        attendeeNames.set("");
        attendeeForm.clear();
        contactForm.clear();
    }

    private void refuse(Message why) {
        feedback.say(why);
        feedback.setFailed(true);
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, CounterFailures::describe);
    }

    public ObjectProperty<CustomerMode> customerModeProperty() {
        return customerMode;
    }

    public ReadOnlyStringProperty customerChipIdProperty() {
        return customerChipId.getReadOnlyProperty();
    }

    /** Claim 70: the names per ticket an event that requires them asks for. */
    public AttendeeForm attendeeForm() {
        return attendeeForm;
    }

    public ContactForm contactForm() {
        return contactForm;
    }

    public StringProperty attendeeNamesProperty() {
        return attendeeNames;
    }

    public StringProperty memberLoginProperty() {
        return memberLogin;
    }

    public StringProperty memberPasswordProperty() {
        return memberPassword;
    }
}
