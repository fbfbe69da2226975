package dev.tessera.desktop.member;

import dev.tessera.contract.transfer.Transfer;
import dev.tessera.contract.transfer.TransferResult;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.contract.member.MemberTransfer;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tessera.contract.chip.ChipView;
import dev.tessera.core.model.ChipStatus;

/**
 * The member's workspace (issue 14; claims 33, 64-67, 76): my cards, my tickets with their state, writing them to my
 * card in one tap, transfers started and accepted by the members themselves, and a lost card blocked and replaced.
 * Secrets (transfer passwords) are cleared as soon as they have been sent, whatever the center answered.
 */
public final class MemberViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberViewModel.class);
    private static final Pattern ATTEMPTS_LEFT = Pattern.compile("(\\d+) attempts? left");

    /** Where a ticket stands for the member: the center's state, refined by what their card holds. */
    public enum TicketState { ON_CARD, TO_WRITE, NOT_CHECKED, TRANSFER_PENDING, TRANSFERRED, USED, REVOKED, CARD_BLOCKED,
        EVENT_CANCELLED }

    /** One of the member's cards; {@code present}: on the simulated tray, so it can be read right away. */
    public record CardRow(String chipId, boolean active, boolean present) {}

    /** One line of My tickets; {@code place} is the seat in words. */
    public record TicketRow(String ticketId, int version, String eventName, Instant startsAt, String place,
                            long priceMinor, String currency, String chipId, TicketState state, Instant transferExpiresAt,
                            String attendee) {
        public boolean transferable() {
            return state == TicketState.ON_CARD || state == TicketState.TO_WRITE || state == TicketState.NOT_CHECKED;
        }
    }

    /** A pending transfer, to accept (incoming) or waiting for the assignee (outgoing). */
    public record TransferRow(long transferId, boolean incoming, String eventName, Instant startsAt, String place,
                              String counterpart, boolean expired, boolean locked, Instant expiresAt) {}

    private final CenterSession session;
    private final MemberCards cards;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Map<String, SeatMap> seatMaps = new HashMap<>();
    private final ObservableList<CardRow> myCards = FXCollections.observableArrayList();
    private final ObservableList<TicketRow> tickets = FXCollections.observableArrayList();
    private final ObservableList<TransferRow> transfers = FXCollections.observableArrayList();
    private final ObjectProperty<CardRow> card = new SimpleObjectProperty<>();
    private final ObservableList<TicketRow> chosenTickets = FXCollections.observableArrayList();
    private final StringProperty assigneeLogin = new SimpleStringProperty("");
    private final StringProperty transferPassword = new SimpleStringProperty("");
    private final ObjectProperty<TransferRow> incoming = new SimpleObjectProperty<>();
    private final StringProperty acceptPassword = new SimpleStringProperty("");
    private final StringProperty blockReason = new SimpleStringProperty("");
    private final ObjectProperty<CardRow> newCard = new SimpleObjectProperty<>();
    private final Feedback feedback = new Feedback(Message.of("member.hint"));
    private volatile boolean closed;

    public MemberViewModel(CenterSession session, MemberCards cards, TaskExecutor tasks, DialogService dialogs) {
        this.session = session;
        this.cards = cards;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Loads cards, tickets and transfers; reads the chosen card when it can be reached without a tap. */
    public void load() {
        refresh(null);
    }

    private record Loaded(List<CardRow> cards, List<TicketRow> tickets, List<TransferRow> transfers, String readChip) {}

    /** Reloads everything; {@code then} (may be null) is said when done. */
    private void refresh(Message then) {
        String chosen = card.get() == null ? null : card.get().chipId();
        feedback.run(tasks, () -> load(chosen), loaded -> {
            if (closed) {
                return;
            }
            myCards.setAll(loaded.cards());
            CardRow keep = loaded.cards().stream().filter(c -> c.chipId().equals(chosen)).findFirst()
                    .orElse(loaded.cards().stream().filter(CardRow::active).findFirst().orElse(null));
            card.set(keep);
            tickets.setAll(loaded.tickets());
            transfers.setAll(loaded.transfers());
            if (then != null) {
                feedback.say(then);
            } else if (loaded.cards().isEmpty()) {
                feedback.say(Message.of("member.noCard"));
            } else {
                long waiting = loaded.tickets().stream().filter(t -> t.state() == TicketState.TO_WRITE).count();
                long offered = loaded.transfers().stream().filter(TransferRow::incoming).count();
                feedback.say(Message.of("member.loaded", loaded.tickets().size(), waiting, offered));
            }
        }, this::describe);
    }

    private Loaded load(String chosen) throws Exception {
        List<ChipView> chips = session.myChips();
        List<CardRow> cardRows = chips.stream().map(c -> new CardRow(c.chipId(), c.status() == ChipStatus.ACTIVE,
                cards.present(c.chipId()))).toList();
        String readChip = chosen != null && cardRows.stream().anyMatch(c -> c.chipId().equals(chosen) && c.active())
                ? chosen : cardRows.stream().filter(CardRow::active).map(CardRow::chipId).findFirst().orElse(null);
        List<MemberTicket> mine = session.myTickets();
        Map<java.util.UUID, Integer> onCard = null;
        if (readChip != null && cards.present(readChip)) {
            try {
                onCard = cards.read(readChip, mine.stream().map(t -> java.util.UUID.fromString(t.ticketId())).toList())
                        .versions();
            } catch (WalletException e) {
                LOG.info("the member's card could not be read: {}", e.getMessage());
            }
        }
        List<TicketRow> rows = new ArrayList<>();
        for (MemberTicket t : mine) {
            rows.add(new TicketRow(t.ticketId(), t.version(), t.eventName(), t.startsAt().toInstant(),
                    place(t.venueId(), t.seatMapVersion(), t.seatId()), t.priceMinor(), t.currency(), t.holderChipId(),
                    state(t, readChip, onCard),
                    t.transferExpiresAt() == null ? null : t.transferExpiresAt().toInstant(), t.attendee()));
        }
        List<TransferRow> transferRows = new ArrayList<>();
        for (MemberTransfer t : session.myTransfers()) {
            transferRows.add(new TransferRow(t.transferId(), t.direction() == MemberTransfer.Direction.IN, t.eventName(),
                    t.startsAt().toInstant(),
                    place(t.venueId(), t.seatMapVersion(), t.seatId()), t.counterpart(), t.expired(), t.locked(),
                    t.expiresAt().toInstant()));
        }
        return new Loaded(cardRows, rows, transferRows, readChip);
    }

    private static TicketState state(MemberTicket t, String readChip, Map<java.util.UUID, Integer> onCard) {
        return switch (t.state()) {
            case TRANSFER_PENDING -> TicketState.TRANSFER_PENDING;
            case TRANSFERRED -> TicketState.TRANSFERRED;
            case USED -> TicketState.USED;
            case REVOKED -> TicketState.REVOKED;
            case CARD_BLOCKED -> TicketState.CARD_BLOCKED;
            case EVENT_CANCELLED -> TicketState.EVENT_CANCELLED;
            default -> {
                if (onCard == null || !t.holderChipId().equals(readChip)) {
                    yield TicketState.NOT_CHECKED;
                }
                Integer stored = onCard.get(java.util.UUID.fromString(t.ticketId()));
                yield stored != null && stored == t.version() ? TicketState.ON_CARD : TicketState.TO_WRITE;
            }
        };
    }

    /** The seat in words (section · row · seat), from the event's seat map; the seat id when the map is away. */
    private String place(long venueId, int version, String seatId) {
        String key = venueId + "/" + version;
        SeatMap map;
        synchronized (seatMaps) {
            map = seatMaps.get(key);
        }
        if (map == null) {
            try {
                map = session.seatMap(venueId, version);
                synchronized (seatMaps) {
                    seatMaps.put(key, map);
                }
            } catch (RuntimeException e) {
                LOG.info("no seat map {} for the seat's words: {}", key, e.getMessage());
                return seatId;
            }
        }
        SeatMap m = map;
        return m.seat(seatId).map(seat -> {
            for (var section : m.sections()) {
                for (var row : section.rows()) {
                    if (row.seats().contains(seat)) {
                        return section.name() + " \u00b7 " + row.label() + " \u00b7 " + seat.label();
                    }
                }
            }
            return seat.label();
        // a standing ticket's seat id names its area
        }).orElseGet(() -> m.areas().stream().filter(a -> a.id().equals(seatId)).findFirst()
                .map(dev.tessera.core.seatmap.GeneralAdmissionArea::name).orElse(seatId));
    }

    /** One tap: the chosen card gets every ticket waiting for it and loses the copies it no longer holds. */
    public void writeToCard() {
        CardRow c = card.get();
        if (c == null || !c.active()) {
            feedback.refuse("member.write.noCard");
            return;
        }
        feedback.working("member.write.working", shortChip(c.chipId()));
        feedback.run(tasks, () -> cards.sync(c.chipId()), synced -> refresh(
                synced.written() == 0 && synced.deleted() == 0 ? Message.of("member.write.upToDate", shortChip(c.chipId()))
                        : Message.of("member.write.done", synced.written(), synced.deleted(), shortChip(c.chipId()))),
                this::describe);
    }

    /**
     * Claims 64, 65: the chosen tickets go to the member named by login id, each under the transfer password, which
     * leaves the screen as soon as it was sent.
     */
    public void startTransfer() {
        List<TicketRow> chosen = List.copyOf(chosenTickets);
        String login = assigneeLogin.get() == null ? "" : assigneeLogin.get().strip();
        String password = transferPassword.get() == null ? "" : transferPassword.get();
        if (chosen.isEmpty() || chosen.stream().anyMatch(t -> !t.transferable())) {
            feedback.refuse("member.transfer.pick");
            return;
        }
        if (login.isEmpty()) {
            feedback.refuse("member.transfer.noAssignee");
            return;
        }
        if (password.length() < 6) {
            feedback.refuse("member.transfer.shortPassword");
            return;
        }
        transferPassword.set("");
        feedback.run(tasks, () -> {
            Transfer last = null;
            for (TicketRow t : chosen) {
                last = session.startTransferToMember(t.ticketId(), login, password);
            }
            return last;
        }, last -> {
            assigneeLogin.set("");
            refresh(Message.of("member.transfer.started", chosen.size(), login,
                    java.util.Date.from(last.expiresAt().toInstant())));
        }, this::describe);
    }

    /** Claim 66: the assignee accepts with the password; the ticket is written to their card in the same step. */
    public void acceptTransfer() {
        TransferRow t = incoming.get();
        String password = acceptPassword.get() == null ? "" : acceptPassword.get();
        if (t == null || !t.incoming()) {
            feedback.refuse("member.accept.pick");
            return;
        }
        if (password.isEmpty()) {
            feedback.refuse("member.accept.noPassword");
            return;
        }
        acceptPassword.set("");
        feedback.run(tasks, () -> {
            TransferResult result = session.acceptTransfer(t.transferId(), password);
            String chipId = result.ticket().holderChipId();
            try {
                MemberCards.Synced synced = cards.sync(chipId);
                return Message.of("member.accept.written", t.eventName(), t.place(), shortChip(chipId), synced.written());
            } catch (WalletException e) {
                LOG.info("accepted transfer {}, the card was not written yet: {}", t.transferId(), e.getMessage());
                return Message.of("member.accept.notWritten", t.eventName(), t.place(), shortChip(chipId));
            }
        }, done -> refresh(done), this::describe);
    }

    /** Issue 14: the assignor takes back the outgoing transfer picked in the list, while it is still pending. */
    public void cancelTransfer() {
        TransferRow t = incoming.get();
        if (t == null || t.incoming()) {
            feedback.refuse("member.cancelTransfer.pick");
            return;
        }
        feedback.run(tasks, () -> session.cancelTransfer(t.transferId()),
                cancelled -> refresh(Message.of("member.cancelTransfer.done", t.eventName(), t.place())),
                this::describe);
    }

    /** A lost or stolen card: after the member confirms, blocked at the center; its tickets refused at the gates. */
    public void blockCard() {
        CardRow c = card.get();
        String reason = blockReason.get() == null ? "" : blockReason.get().strip();
        if (c == null || !c.active()) {
            feedback.refuse("member.block.pick");
            return;
        }
        if (reason.isEmpty()) {
            feedback.refuse("member.block.noReason");
            return;
        }
        if (!dialogs.confirm(Message.of("member.block.question", shortChip(c.chipId())),
                Message.of("member.block.consequence"), Message.of("member.block.action"))) {
            return;
        }
        feedback.run(tasks, () -> session.blockChip(c.chipId(), reason), blocked -> {
            blockReason.set("");
            refresh(Message.of("member.block.done", shortChip(blocked.chipId()), blocked.revokedTickets()));
        }, this::describe);
    }

    /** The blocked card's valid tickets re-issued for the new card, then written to it in the same step. */
    public void moveToNewCard() {
        CardRow from = card.get();
        CardRow to = newCard.get();
        if (from == null || from.active()) {
            feedback.refuse("member.move.pickBlocked");
            return;
        }
        if (to == null || !to.active()) {
            feedback.refuse("member.move.pickNew");
            return;
        }
        feedback.run(tasks, () -> {
            int moved = session.replaceChip(from.chipId(), to.chipId()).tickets().size();
            try {
                cards.sync(to.chipId());
                return Message.of("member.move.done", moved, shortChip(to.chipId()));
            } catch (WalletException e) {
                LOG.info("tickets moved, the new card was not written yet: {}", e.getMessage());
                return Message.of("member.move.notWritten", moved, shortChip(to.chipId()));
            }
        }, done -> {
            card.set(to);
            refresh(done);
        }, this::describe);
    }

    /** Failures in the member's words. */
    Message describe(Exception failure) {
        return switch (failure) {
            case CardGoneException e -> Message.of("member.card.gone");
            case WrongCardException e -> Message.of("member.card.wrong");
            case WalletException e -> {
                LOG.warn("card failure: {}", e.getMessage());
                yield Message.of("member.card.failed");
            }
            case CenterProblemException e when "wrong-transfer-password".equals(e.kind()) -> {
                Matcher m = ATTEMPTS_LEFT.matcher(e.detail() == null ? "" : e.detail());
                yield m.find() ? Message.of("member.accept.wrong", Integer.parseInt(m.group(1)))
                        : Message.of("member.accept.wrongNoCount");
            }
            case CenterProblemException e when e.status() == 429 -> Message.of("member.accept.locked");
            case CenterProblemException e when "transfer-expired".equals(e.kind()) -> Message.of("member.accept.expired");
            case CenterProblemException e when "transfer-not-pending".equals(e.kind()) -> Message.of("member.accept.gone");
            case CenterProblemException e when "assignee-has-no-card".equals(e.kind()) ->
                    Message.of("member.transfer.assigneeHasNoCard");
            case CenterProblemException e when e.status() == 404 && e.detail() != null
                    && e.detail().startsWith("there is no member") -> Message.of("member.transfer.noSuchMember");
            case CenterProblemException e when "chip-blocked".equals(e.kind()) -> Message.of("member.card.blocked");
            case CenterUnreachableException e -> ErrorMessages.of(e);
            default -> ErrorMessages.of(failure);
        };
    }

    static String shortChip(String chipId) {
        return chipId == null ? "" : "\u2022\u2022" + chipId.substring(Math.max(0, chipId.length() - 4));
    }

    public void refreshNow() {
        refresh(null);
    }

    public ObservableList<CardRow> cards() {
        return myCards;
    }

    public ObservableList<TicketRow> tickets() {
        return tickets;
    }

    public ObservableList<TransferRow> transfers() {
        return transfers;
    }

    public ObjectProperty<CardRow> cardProperty() {
        return card;
    }

    /** The tickets picked in My tickets for a transfer (the view keeps it in step with the table's selection). */
    public ObservableList<TicketRow> chosenTickets() {
        return chosenTickets;
    }

    public StringProperty assigneeLoginProperty() {
        return assigneeLogin;
    }

    public StringProperty transferPasswordProperty() {
        return transferPassword;
    }

    public ObjectProperty<TransferRow> incomingProperty() {
        return incoming;
    }

    public StringProperty acceptPasswordProperty() {
        return acceptPassword;
    }

    public StringProperty blockReasonProperty() {
        return blockReason;
    }

    public ObjectProperty<CardRow> newCardProperty() {
        return newCard;
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    @Override
    public void close() {
        closed = true;
    }
}
