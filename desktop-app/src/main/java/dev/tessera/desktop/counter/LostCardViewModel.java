package dev.tessera.desktop.counter;

import dev.tessera.client.CenterProblemException;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.member.MemberCard;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The counter's lost-card screen (issue 14): the clerk finds the member by name or login, blocks the lost or stolen
 * card after a confirmation that spells out what it does, and moves its tickets to a new card on the reader (a blank
 * chip becomes the member's card) once the member typed their own password. The password leaves the form at once.
 */
public final class LostCardViewModel {
    private final LostCardDesk desk;
    private final CenterSession session;
    private final CounterReader reader;
    private final VirtualChips tray;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberFound> members = FXCollections.observableArrayList();
    private final ObjectProperty<MemberFound> member = new SimpleObjectProperty<>();
    private final ObservableList<MemberCard> cards = FXCollections.observableArrayList();
    private final ObjectProperty<MemberCard> card = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty memberPassword = new SimpleStringProperty("");
    private final Feedback feedback = new Feedback(Message.of("lostcard.hint"));
    /** The query the members list answers, so a refresh after a block or a move finds them again. */
    private String lastQuery = "";

    public LostCardViewModel(CounterContext ctx) {
        this.desk = new LostCardDesk(ctx.session(), ctx.client(), new ChipDesk(ctx.session()));
        this.session = ctx.session();
        this.reader = ctx.reader();
        this.tray = ctx.virtualChips();
        this.tasks = ctx.tasks();
        this.dialogs = ctx.dialogs();
        member.addListener((obs, old, now) -> {
            cards.setAll(now == null ? List.of() : now.cards());
            // the card the clerk most likely means: one still to block, else a blocked one whose tickets wait
            card.set(cards.stream().filter(c -> c.status() == ChipStatus.ACTIVE).findFirst()
                    .or(() -> cards.stream().filter(c -> c.validTickets() > 0).findFirst())
                    .orElse(cards.isEmpty() ? null : cards.getFirst()));
        });
    }

    /** Members whose name or login id contains what the clerk typed. */
    public void find() {
        String text = query.get() == null ? "" : query.get().strip();
        if (text.length() < 2) {
            feedback.refuse("lostcard.find.short");
            return;
        }
        feedback.run(tasks, () -> session.findMembers(text), found -> {
            lastQuery = text;
            show(found, null);
            feedback.say(found.isEmpty() ? Message.of("lostcard.find.none", text)
                    : Message.of("lostcard.find.found", found.size()));
        }, CounterFailures::describe);
    }

    /** After the member's confirmation: the card is blocked at the center; its tickets are refused at every gate. */
    public void block() {
        MemberFound m = member.get();
        MemberCard c = card.get();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (m == null || c == null || c.status() != ChipStatus.ACTIVE) {
            feedback.refuse("lostcard.block.pick");
            return;
        }
        if (why.isEmpty()) {
            feedback.refuse("lostcard.block.noReason");
            return;
        }
        if (!dialogs.confirm(Message.of("lostcard.block.question", CounterFailures.shortChip(c.chipId()), m.displayName()),
                Message.of("lostcard.block.consequence", c.validTickets()), Message.of("lostcard.block.action"))) {
            return;
        }
        feedback.run(tasks, () -> {
            var blocked = desk.block(c.chipId(), why);
            return new Refreshed(session.findMembers(lastQuery), Message.of("lostcard.block.done",
                    CounterFailures.shortChip(blocked.chipId()), blocked.revokedTickets()));
        }, done -> {
            reason.set("");
            show(done.members(), m.memberId());
            selectCard(c.chipId());
            feedback.say(done.message());
        }, this::describe);
    }

    /** The new card on the reader: issued to the member if blank, the blocked card's tickets moved and written there. */
    public void moveToNewCard() {
        MemberFound m = member.get();
        MemberCard c = card.get();
        if (m == null || c == null || c.status() == ChipStatus.ACTIVE) {
            feedback.refuse("lostcard.move.pickBlocked");
            return;
        }
        String password = memberPassword.get();
        if (password == null || password.isEmpty()) {
            feedback.refuse("lostcard.move.noPassword");
            return;
        }
        VirtualChips.VirtualChip onTray = tray == null ? null : tray.onReader().orElse(null);
        feedback.run(tasks, () -> {
            LostCardDesk.Moved moved = desk.moveToNewCard(m, c.chipId(), password, reader.tap());
            if (onTray != null && moved.wasBlank()) {
                tray.issued(onTray, m.displayName(), moved.toChipId());
            }
            return new Refreshed(session.findMembers(lastQuery), Message.of("lostcard.move.done", moved.moved(),
                    CounterFailures.shortChip(moved.toChipId()), moved.written()));
        }, done -> {
            memberPassword.set("");
            show(done.members(), m.memberId());
            feedback.say(done.message());
        }, failure -> {
            memberPassword.set("");
            return describe(failure);
        });
    }

    private record Refreshed(List<MemberFound> members, Message message) {}

    private void show(List<MemberFound> found, Long keep) {
        members.setAll(found);
        MemberFound again = keep == null ? null
                : found.stream().filter(f -> f.memberId() == keep).findFirst().orElse(null);
        member.set(again != null ? again : found.size() == 1 ? found.getFirst() : null);
    }

    private void selectCard(String chipId) {
        cards.stream().filter(x -> x.chipId().equals(chipId)).findFirst().ifPresent(card::set);
    }

    /** Failures in the clerk's words. */
    Message describe(Exception failure) {
        return switch (failure) {
            case LostCardDesk.NotTheMember e -> Message.of("lostcard.move.notTheMember");
            case LostCardDesk.SameCard e -> Message.of("lostcard.move.sameCard");
            case CenterProblemException e when "another-members-card".equals(e.kind()) ->
                    Message.of("lostcard.move.anotherMembersCard");
            case CenterProblemException e when "chip-blocked".equals(e.kind()) -> Message.of("lostcard.move.newCardBlocked");
            case CenterProblemException e when "chip-already-blocked".equals(e.kind()) ->
                    Message.of("lostcard.block.already");
            default -> CounterFailures.describe(failure);
        };
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberFound> members() {
        return members;
    }

    public ObjectProperty<MemberFound> memberProperty() {
        return member;
    }

    public ObservableList<MemberCard> cards() {
        return cards;
    }

    public ObjectProperty<MemberCard> cardProperty() {
        return card;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty memberPasswordProperty() {
        return memberPassword;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }
}
