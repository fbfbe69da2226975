package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.transfer.Transfer;
import dev.tessera.contract.transfer.TransferResult;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Flow 5 at the counter (claims 29 k, 64-66, 79), each person on their own turn: the assignor signs in with their own
 * password, then offers the ticket to the assignee's chip on the reader under a transfer password they set; the
 * assignee signs in with theirs and accepts with that transfer password. The re-issued ticket is written to the
 * assignee's chip and the old copy deleted from the assignor's at its next tap. Blocking.
 */
public final class TransferDesk {
    private final CenterClient client;
    private final ChipDesk chips;
    private final Journal journal;

    public record Moved(long transferId, String ticketId, int version, String toChipId, String fromChipId) {}

    /** A transfer the assignor started, waiting for the assignee at the counter. */
    public record Offer(long transferId, String ticketId, String toChipId) {}

    public TransferDesk(CenterClient client, ChipDesk chips, Journal journal) {
        this.client = client;
        this.chips = chips;
        this.journal = journal;
    }

    /** The assignor's turn: their own account password opens a session of theirs. */
    public CenterSession signIn(String login, String password) {
        return client.signIn(login, password);
    }

    /** The assignor's second turn: the ticket offered to the chip lying on the reader, under their transfer password. */
    public Offer offer(CenterSession assignor, String ticketId, String transferPassword, WalletCard assigneeCard)
            throws WalletException {
        String toChipId = ChipDesk.chipId(assigneeCard);
        Transfer started = assignor.startTransfer(ticketId, toChipId, transferPassword);
        return new Offer(started.transferId(), ticketId, toChipId);
    }

    /**
     * The assignee's turn: signed in with their own password, they accept with the transfer password the assignor
     * told them; the new version is written to their chip, which must be the one the offer names.
     */
    public Moved accept(Offer offer, String assigneeLogin, String assigneePassword, String transferPassword,
                        WalletCard assigneeCard) throws WalletException {
        if (!ChipDesk.chipId(assigneeCard).equals(offer.toChipId())) {
            throw new WrongCardException("the transfer is for chip " + offer.toChipId(),
                    "This is not the card the ticket was offered to.");
        }
        CenterSession assignee = client.signIn(assigneeLogin, assigneePassword);
        TransferResult result;
        try {
            result = assignee.acceptTransfer(offer.transferId(), transferPassword);
        } finally {
            assignee.signOut();
        }
        ObjectNode p = Journal.payload("TRANSFER").put("transferId", result.transferId()).put("ticketId", offer.ticketId())
                .put("fromChipId", result.deleteFromChipId()).put("toChipId", offer.toChipId())
                .put("version", result.ticket().version());
        journal.append(LedgerKind.TRANSFER, p);
        chips.write(assigneeCard, offer.toChipId(), List.of(result.ticket()),
                ChipDesk.Entitlement.transfer(result.transferId()));
        return new Moved(result.transferId(), offer.ticketId(), result.ticket().version(), offer.toChipId(),
                result.deleteFromChipId());
    }

    /** The assignor's chip on the reader: the old copy goes. */
    public int deleteOldCopy(Moved moved, WalletCard assignorCard) throws WalletException {
        int deleted = chips.delete(assignorCard, moved.fromChipId(), Set.of(UUID.fromString(moved.ticketId())),
                ChipDesk.Entitlement.transfer(moved.transferId()));
        journal.append(LedgerKind.TRANSFER, Journal.payload("TRANSFER_OLD_COPY_DELETED")
                .put("ticketId", moved.ticketId()).put("chipId", moved.fromChipId()).put("deleted", deleted));
        return deleted;
    }
}
