package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.center.CounterApiTypes.Transfer;
import dev.tessera.desktop.center.CounterApiTypes.TransferResult;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Flow 5 at the counter (claims 29 k, 64-66, 79): the assignor signs in and names the assignee chip
 * and a transfer password, the assignee signs in and confirms it; the re-issued ticket is written to
 * the assignee's chip and the old copy deleted from the assignor's at its next tap. Blocking.
 */
public final class TransferDesk {
    private final CenterClient client;
    private final ChipDesk chips;
    private final Journal journal;

    public record Moved(long transferId, String ticketId, int version, String toChipId, String fromChipId) {}

    public TransferDesk(CenterClient client, ChipDesk chips, Journal journal) {
        this.client = client;
        this.chips = chips;
        this.journal = journal;
    }

    /** Transfers at the center, then writes the new version to the assignee chip lying on the reader. */
    public Moved transfer(String ticketId, String assignorLogin, String assignorPassword, String assigneeLogin,
                          String assigneePassword, String transferPassword, WalletCard assigneeCard)
            throws WalletException {
        String toChipId = ChipDesk.chipId(assigneeCard);
        CenterSession assignor = client.signIn(assignorLogin, assignorPassword);
        Transfer started;
        try {
            started = assignor.startTransfer(ticketId, toChipId, transferPassword);
        } finally {
            assignor.signOut();
        }
        CenterSession assignee = client.signIn(assigneeLogin, assigneePassword);
        TransferResult result;
        try {
            result = assignee.acceptTransfer(started.transferId(), transferPassword);
        } finally {
            assignee.signOut();
        }
        ObjectNode p = Journal.payload("TRANSFER").put("transferId", result.transferId()).put("ticketId", ticketId)
                .put("fromChipId", result.deleteFromChipId()).put("toChipId", toChipId)
                .put("version", result.ticket().version());
        journal.append(LedgerKind.TRANSFER, p);
        chips.write(assigneeCard, toChipId, List.of(result.ticket()), ChipDesk.Entitlement.transfer(result.transferId()));
        return new Moved(result.transferId(), ticketId, result.ticket().version(), toChipId, result.deleteFromChipId());
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
