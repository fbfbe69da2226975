package dev.tessera.desktop.counter;

import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The embedded default's tray of simulated chips: put one on the reader, take it off, add a blank
 * one, and issue a membership card on a blank chip for a new member (claim 31).
 */
public final class VirtualChipsViewModel {
    private final VirtualChips tray;
    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ChipDesk desk;
    private final ObservableList<VirtualChip> chips = FXCollections.observableArrayList();
    private final ObjectProperty<VirtualChip> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<VirtualChip> onReader = new ReadOnlyObjectWrapper<>();
    private final StringProperty memberName = new SimpleStringProperty("");
    private final StringProperty memberLogin = new SimpleStringProperty("");
    private final StringProperty memberPassword = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.of("chips.hint"));
    private final ReadOnlyObjectWrapper<String> lastIssuedChipId = new ReadOnlyObjectWrapper<>();

    public VirtualChipsViewModel(VirtualChips tray, CenterSession session, TaskExecutor tasks) {
        this.tray = tray;
        this.session = session;
        this.tasks = tasks;
        this.desk = new ChipDesk(session);
        if (tray.chips().isEmpty()) {
            tray.addBlank("Blank chip 1");
            tray.addBlank("Blank chip 2");
        }
        tray.loadProblem().ifPresent(why -> message.set(Message.of("chips.trayDamaged", why)));
        refresh();
    }

    public void addBlank() {
        VirtualChip chip = tray.addBlank("Blank chip " + (tray.chips().size() + 1));
        refresh();
        selected.set(chip);
    }

    public void putOnReader() {
        VirtualChip chip = selected.get();
        if (chip != null) {
            tray.put(chip);
            onReader.set(chip);
            message.set(Message.of("chips.onReader", chip.label()));
        }
    }

    public void takeOff() {
        tray.takeOff();
        onReader.set(null);
        message.set(Message.of("chips.offReader"));
    }

    /** Claim 31: registers the member and personalizes the blank chip on the reader as their card. */
    public void issueMemberCard() {
        String login = memberLogin.get().trim();
        String name = memberName.get().trim();
        String password = memberPassword.get();
        if (login.isEmpty() || name.isEmpty() || password.length() < 8) {
            message.set(Message.of("chips.issue.incomplete"));
            return;
        }
        VirtualChip chip = onReader.get();
        tasks.execute(() -> {
            long memberId = session.registerMember(login, password, name).accountId();
            return desk.issueMemberCard(tray.tap(), memberId);
        }, chipId -> {
            if (chip != null) {
                tray.issued(chip, name, chipId);
                refresh();
            }
            lastIssuedChipId.set(chipId);
            message.set(Message.of("chips.issue.done", name, CounterFailures.shortChip(chipId)));
            memberPassword.set("");
        }, failure -> message.set(CounterFailures.describe(failure)));
    }

    private void refresh() {
        chips.setAll(tray.chips());
        onReader.set(tray.onReader().orElse(null));
    }

    public ObservableList<VirtualChip> chips() {
        return chips;
    }

    public ObjectProperty<VirtualChip> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<VirtualChip> onReaderProperty() {
        return onReader.getReadOnlyProperty();
    }

    public StringProperty memberNameProperty() {
        return memberName;
    }

    public StringProperty memberLoginProperty() {
        return memberLogin;
    }

    public StringProperty memberPasswordProperty() {
        return memberPassword;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> lastIssuedChipIdProperty() {
        return lastIssuedChipId.getReadOnlyProperty();
    }
}
