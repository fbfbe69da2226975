package dev.tessera.desktop.support;

import dev.tessera.center.PlatformCenter;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.reader.wallet.CardTicketIds;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A test's look at a chip: LIST needs a session (docs/card-protocol.md 1.2), opened here with the access key the
 * embedded center keeps, and the chip's directory names tickets by their on-card ids (§4.10).
 */
public final class ChipLook {
    private ChipLook() {}

    /** The chip's tickets, with the center's key for it. */
    public static List<StoredTicket> list(WalletCard card, PlatformCenter center) throws WalletException {
        String chipId = card.select().chipIdHex();
        card.authenticate(KeyRef.ACCESS, ChipCards.staticKey(center, false, chipId));
        return card.list();
    }

    /** The on-card ids LIST shows, as text. */
    public static List<String> ids(List<StoredTicket> stored) {
        return stored.stream().map(t -> t.cardTicketId().toString()).toList();
    }

    /** The ids the tickets have on the chip. */
    public static List<String> onCard(String chipId, Collection<String> ticketIds) {
        byte[] chip = HexFormat.of().parseHex(chipId);
        return ticketIds.stream().map(id -> CardTicketIds.of(chip, UUID.fromString(id)).toString()).toList();
    }
}
