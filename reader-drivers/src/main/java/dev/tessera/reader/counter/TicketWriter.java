package dev.tessera.reader.counter;

import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.center.CenterException;
import dev.tessera.reader.wallet.CardRefusedException;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes tickets to the tapped chip under its access key (claims 29 j, 35, 72) and brings a chip in line with the
 * center: what the center holds for the chip is written, what it no longer holds (transferred away, used, voided)
 * is deleted. Every step is safe to repeat, so a torn tap is finished by the next.
 */
public final class TicketWriter {

    private static final int DELETE_BATCH = 14;

    private final CenterClient center;

    public record Result(String chipId, int written, int deleted, int freeSlots) {}

    public TicketWriter(CenterClient center) {
        this.center = center;
    }

    /** One tap after a sale: SELECT, AUTH INIT, AUTH VERIFY, WRITE TICKETS (4 APDUs with extended length). */
    public Result write(WalletCard card, String expectedChipId, List<ChipTicket> tickets,
                        CenterClient.Entitlement entitlement) throws WalletException, CenterException {
        ChipInfo info = personalizedChip(card, expectedChipId);
        authenticate(card, entitlement);
        int free = info.freeSlots();
        for (int from = 0; from < tickets.size(); from += WalletProtocol.CAPACITY) {
            free = card.write(tickets.subList(from, Math.min(tickets.size(), from + WalletProtocol.CAPACITY)));
        }
        return new Result(info.chipIdHex(), tickets.size(), 0, free);
    }

    /** Deletes a transferred ticket from the assignor's chip; already gone counts as done. */
    public Result deleteTransferred(WalletCard card, String assignorChipId, UUID ticketId, long transferId)
            throws WalletException, CenterException {
        ChipInfo info = personalizedChip(card, assignorChipId);
        // LIST needs a session (card protocol 1.2): the transfer entitles this one
        authenticate(card, CenterClient.Entitlement.transfer(transferId));
        UUID onCard = card.cardTicketId(ticketId);
        boolean present = card.list().stream().anyMatch(t -> t.cardTicketId().equals(onCard));
        if (!present) {
            return new Result(info.chipIdHex(), 0, 0, info.freeSlots());
        }
        try {
            return new Result(info.chipIdHex(), 0, 1, card.delete(List.of(ticketId)));
        } catch (CardRefusedException e) {
            if (e.sw() == (WalletProtocol.SW_NOT_FOUND & 0xFFFF)) {
                return new Result(info.chipIdHex(), 0, 0, info.freeSlots());
            }
            throw e;
        }
    }

    /** The next tap reconciles: the chip ends up holding exactly the center's package for it. */
    public Result reconcile(WalletCard card, CenterClient.Entitlement entitlement) throws WalletException, CenterException {
        ChipInfo info = personalizedChip(card, null);
        List<ChipTicket> wanted = center.ticketPackage(info.chipIdHex());
        authenticate(card, entitlement);
        List<StoredTicket> stored = card.list();
        Map<UUID, Integer> storedVersions = stored.stream()
                .collect(Collectors.toMap(StoredTicket::cardTicketId, StoredTicket::version, Math::max));
        Set<UUID> wantedIds = wanted.stream().map(t -> card.cardTicketId(t.ticketId())).collect(Collectors.toSet());
        List<ChipTicket> toWrite = wanted.stream()
                .filter(t -> !Integer.valueOf(t.version()).equals(storedVersions.get(card.cardTicketId(t.ticketId()))))
                .toList();
        List<StoredTicket> toDelete = stored.stream().filter(s -> !wantedIds.contains(s.cardTicketId())).toList();
        if (toWrite.isEmpty() && toDelete.isEmpty()) {
            return new Result(info.chipIdHex(), 0, 0, info.freeSlots());
        }
        int free = info.freeSlots();
        for (int from = 0; from < toDelete.size(); from += DELETE_BATCH) {
            free = card.deleteStored(toDelete.subList(from, Math.min(toDelete.size(), from + DELETE_BATCH)));
        }
        for (int from = 0; from < toWrite.size(); from += WalletProtocol.CAPACITY) {
            free = card.write(toWrite.subList(from, Math.min(toWrite.size(), from + WalletProtocol.CAPACITY)));
        }
        return new Result(info.chipIdHex(), toWrite.size(), toDelete.size(), free);
    }

    /** A session the center opens for this entitlement; the static access key never comes here. */
    private void authenticate(WalletCard card, CenterClient.Entitlement entitlement) throws WalletException, CenterException {
        try {
            card.authenticate(KeyRef.ACCESS, center.sessions(entitlement));
        } catch (CenterClient.SessionRefused refused) {
            throw refused.centerException();
        }
    }

    private static ChipInfo personalizedChip(WalletCard card, String expectedChipId) throws WalletException {
        ChipInfo info = card.select();
        if (!info.personalized()) {
            throw new WrongCardException("chip is " + (info.blank() ? "blank" : "locked"),
                    info.blank() ? "This card has not been issued yet." : "This card is locked: use a new one.");
        }
        if (expectedChipId != null && !expectedChipId.equals(info.chipIdHex())) {
            throw new WrongCardException("tapped chip " + info.chipIdHex() + ", expected " + expectedChipId,
                    "This is not the card the tickets are for.");
        }
        return info;
    }
}
