package dev.tessera.desktop.member;

import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.CounterReader;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The member's own card at home or at a kiosk (claims 67, 76, 89): read what it holds, and bring it in line with the
 * center in one tap, in a DELIVERY session the center opens only on the member's own active card. Tickets the card
 * lacks (bought, received, moved from a lost card) are written; copies the center no longer holds for it
 * (transferred away, voided) are deleted. Blocking; called on the task executor.
 */
public final class MemberCards {
    private final CenterSession session;
    private final Reader reader;

    /** What the card holds: ticket id to the version stored. */
    public record CardContents(String chipId, Map<UUID, Integer> versions) {}

    public record Synced(String chipId, int written, int deleted) {}

    /** Where the member's card is reached: the simulated tray (the card picked by its id) or a PC/SC reader. */
    public interface Reader {
        <T> T withCard(String chipId, CardWork<T> work) throws Exception;

        /** Whether the card can be read without the member doing anything (it lies on the simulated tray). */
        boolean present(String chipId);
    }

    @FunctionalInterface
    public interface CardWork<T> {
        T on(WalletCard card) throws Exception;
    }

    public MemberCards(CenterSession session, Reader reader) {
        this.session = session;
        this.reader = reader;
    }

    /** The simulated reader: the member's card is the tray chip with that id, put on the reader for one tap. */
    public static Reader tray(VirtualChips tray) {
        return new Reader() {
            @Override
            public <T> T withCard(String chipId, CardWork<T> work) throws Exception {
                synchronized (tray) {
                    VirtualChips.VirtualChip chip = find(tray, chipId).orElseThrow(() ->
                            new CardGoneException("card " + chipId + " is not on the simulated tray", null));
                    tray.put(chip);
                    try {
                        return work.on(tray.tap());
                    } finally {
                        tray.takeOff();
                    }
                }
            }

            @Override
            public boolean present(String chipId) {
                return find(tray, chipId).isPresent();
            }
        };
    }

    /** A PC/SC reader chosen in Settings: the member holds their card to it. */
    public static Reader reader(CounterReader counterReader) {
        return new Reader() {
            @Override
            public <T> T withCard(String chipId, CardWork<T> work) throws Exception {
                return work.on(counterReader.tap());
            }

            @Override
            public boolean present(String chipId) {
                return false;
            }
        };
    }

    private static Optional<VirtualChips.VirtualChip> find(VirtualChips tray, String chipId) {
        return tray.chips().stream().filter(c -> chipId.equals(c.chipId())).findFirst();
    }

    public boolean present(String chipId) {
        return reader.present(chipId);
    }

    /**
     * Which of {@code ticketIds} the card holds, and in which version. LIST needs a session (card protocol 1.2), opened
     * for the member's own card (DELIVERY); the card files each ticket under its id on this chip, so the member's
     * ticket ids are translated, never read off the card.
     */
    public CardContents read(String chipId, Collection<UUID> ticketIds) throws Exception {
        return reader.withCard(chipId, card -> {
            ChipInfo info = ownCard(card, chipId);
            card.authenticate(KeyRef.ACCESS, new ChipDesk(session).authority(ChipDesk.Entitlement.delivery()));
            Map<UUID, Integer> stored = card.list().stream()
                    .collect(Collectors.toMap(StoredTicket::cardTicketId, StoredTicket::version, Math::max));
            Map<UUID, Integer> versions = new java.util.HashMap<>();
            for (UUID id : ticketIds) {
                Integer version = stored.get(card.cardTicketId(id));
                if (version != null) {
                    versions.put(id, version);
                }
            }
            return new CardContents(info.chipIdHex(), Map.copyOf(versions));
        });
    }

    /** One tap: the card ends up holding exactly the center's valid tickets for it (ChipDesk's sync, DELIVERY). */
    public Synced sync(String chipId) throws Exception {
        List<IssuedTicket> wanted = session.chipTickets(chipId).tickets();
        return reader.withCard(chipId, card -> {
            ownCard(card, chipId);
            ChipDesk.Synced synced = new ChipDesk(session).sync(card, chipId, wanted, ChipDesk.Entitlement.delivery());
            return new Synced(synced.chipId(), synced.written(), synced.deleted());
        });
    }

    private static ChipInfo ownCard(WalletCard card, String chipId) throws WalletException {
        ChipInfo info = card.select();
        if (!info.personalized()) {
            throw new WrongCardException("chip is " + (info.blank() ? "blank" : "locked"), "not a membership card");
        }
        if (!info.chipIdHex().equals(chipId)) {
            throw new WrongCardException("tapped chip " + info.chipIdHex() + ", expected " + chipId, "another card");
        }
        return info;
    }
}
