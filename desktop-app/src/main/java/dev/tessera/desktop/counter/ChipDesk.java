package dev.tessera.desktop.counter;

import dev.tessera.client.CenterProblemException;
import dev.tessera.contract.member.ChipChallenge;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.ledger.CrashPoints;
import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.SessionAuthority;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import dev.tessera.contract.chip.ChipSessionRequest;
import dev.tessera.contract.chip.ChipSessionGrant;

/**
 * The counter's chip work over the desktop's own center session: issue a membership card (claim 31),
 * write tickets in a session the center opens for an entitled sale or transfer (claims 35, 72; the terminal never
 * holds a chip's static key after PERSONALIZE), delete a transferred ticket. Every step
 * lists the chip first and skips what is already there, so a retried tap never writes a ticket twice.
 */
public final class ChipDesk {
    private static final HexFormat HEX = HexFormat.of();
    private static final int DELETE_BATCH = 14;

    private final CenterSession center;

    public record Written(String chipId, int written, int alreadyThere) {}

    /**
     * What entitles this terminal to a session on the chip (docs/card-protocol.md §7): the center opens one only
     * for a sale of this seller on the chip, a transfer to or from it, or a card this seller is issuing.
     */
    public record Entitlement(String purpose, Long saleId, Long transferId) {
        public static Entitlement sale(long saleId) {
            return new Entitlement("SALE", saleId, null);
        }

        public static Entitlement transfer(long transferId) {
            return new Entitlement("TRANSFER", null, transferId);
        }

        public static Entitlement membership() {
            return new Entitlement("MEMBERSHIP", null, null);
        }

        /** Issue 14: the member's new card the counter just moved a lost card's tickets to. */
        public static Entitlement replacement() {
            return new Entitlement("REPLACEMENT", null, null);
        }

        /** The member's own active card (issue 14): the center opens it for that member only. */
        public static Entitlement delivery() {
            return new Entitlement("DELIVERY", null, null);
        }
    }

    public ChipDesk(CenterSession center) {
        this.center = center;
    }

    /** The id of a personalized chip in the field. */
    public static String chipId(WalletCard card) throws WalletException {
        ChipInfo info = card.select();
        if (!info.personalized()) {
            throw new WrongCardException("chip is " + (info.blank() ? "blank" : "locked"), "not a membership card");
        }
        return info.chipIdHex();
    }

    /** Issue 15: a member card's answer to a center challenge, sent with a MEMBER_CARD sale. */
    public record MemberCardProof(String chipId, String challengeId, String signature) {}

    /**
     * Issue 15: the card in the field proves it is the member's card: the center's fresh challenge, signed by the
     * chip's private key with INTERNAL AUTHENTICATE (docs/card-protocol.md §4.6). The center checks the signature
     * with the sale; a copied chip id cannot answer.
     */
    public static MemberCardProof proveMemberCard(WalletCard card, CenterSession session) throws WalletException {
        String chipId = chipId(card);
        ChipChallenge challenge = session.chipChallenge();
        byte[] signature = card.internalAuthenticate(java.util.HexFormat.of().parseHex(challenge.challenge()));
        return new MemberCardProof(chipId, challenge.challengeId(), java.util.HexFormat.of().formatHex(signature));
    }

    /** Claim 31: personalizes a blank chip and registers it as the member's card; a torn earlier tap is finished. */
    public String issueMemberCard(WalletCard card, long memberId) throws WalletException {
        ChipInfo info = card.select();
        if (info.locked()) {
            throw new WrongCardException("chip " + info.chipIdHex() + " is locked", "locked");
        }
        if (info.blank()) {
            // the one moment keys reach a terminal: a blank card's PERSONALIZE data, for a chip id the center picked
            var keys = center.personalizeChip(memberId);
            byte[] access = HEX.parseHex(keys.accessKey());
            byte[] gate = HEX.parseHex(keys.gateKey());
            try {
                card.personalize(HEX.parseHex(keys.chipId()), access, gate);
            } finally {
                java.util.Arrays.fill(access, (byte) 0);
                java.util.Arrays.fill(gate, (byte) 0);
            }
            info = card.select();
        }
        try {
            center.registerChip(info.chipIdHex(), HEX.formatHex(info.publicKey()), memberId);
        } catch (CenterProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        return info.chipIdHex();
    }

    /** Writes the tickets the chip does not hold yet; refuses any chip but {@code expectedChipId}. */
    public Written write(WalletCard card, String expectedChipId, List<IssuedTicket> tickets, Entitlement entitlement)
            throws WalletException {
        String chipId = chipId(card);
        if (!chipId.equals(expectedChipId)) {
            throw new WrongCardException("tapped chip " + chipId + ", expected " + expectedChipId, "another card");
        }
        // LIST needs a session (card protocol 1.2): the entitlement that allows the write allows the look first
        card.authenticate(KeyRef.ACCESS, authority(entitlement));
        CrashPoints.reach("chip.after-authenticate");
        Map<UUID, Integer> stored = card.list().stream()
                .collect(Collectors.toMap(StoredTicket::cardTicketId, StoredTicket::version, Math::max));
        List<ChipTicket> missing = new ArrayList<>();
        for (IssuedTicket t : tickets) {
            UUID id = UUID.fromString(t.ticketId());
            if (!Integer.valueOf(t.version()).equals(stored.get(card.cardTicketId(id)))) {
                missing.add(ChipTicket.of(id, t.version(), Base64.getDecoder().decode(t.encoded()),
                        Base64.getDecoder().decode(t.envelope())));
            }
        }
        if (!missing.isEmpty()) {
            for (int from = 0; from < missing.size(); from += WalletProtocol.CAPACITY) {
                card.write(missing.subList(from, Math.min(missing.size(), from + WalletProtocol.CAPACITY)));
            }
        }
        return new Written(chipId, missing.size(), tickets.size() - missing.size());
    }

    /** What one sync changed on the chip. */
    public record Synced(String chipId, int written, int deleted) {}

    /**
     * Brings the chip in line with {@code wanted} in one session: what it lacks (or holds in another version) is
     * written, what the center no longer holds for it (transferred, voided, moved) is deleted. Refuses any chip but
     * {@code expectedChipId}. The member's "Write to my card" (issue 14) is this with a DELIVERY entitlement.
     */
    public Synced sync(WalletCard card, String expectedChipId, List<IssuedTicket> wanted, Entitlement entitlement)
            throws WalletException {
        String chipId = chipId(card);
        if (!chipId.equals(expectedChipId)) {
            throw new WrongCardException("tapped chip " + chipId + ", expected " + expectedChipId, "another card");
        }
        card.authenticate(KeyRef.ACCESS, authority(entitlement));
        List<StoredTicket> onCard = card.list();
        Map<UUID, Integer> stored = onCard.stream()
                .collect(Collectors.toMap(StoredTicket::cardTicketId, StoredTicket::version, Math::max));
        Set<UUID> wantedOnCard = new java.util.HashSet<>();
        List<ChipTicket> toWrite = new ArrayList<>();
        for (IssuedTicket t : wanted) {
            UUID id = UUID.fromString(t.ticketId());
            UUID cardId = card.cardTicketId(id);
            wantedOnCard.add(cardId);
            if (!Integer.valueOf(t.version()).equals(stored.get(cardId))) {
                toWrite.add(ChipTicket.of(id, t.version(), Base64.getDecoder().decode(t.encoded()),
                        Base64.getDecoder().decode(t.envelope())));
            }
        }
        // the chip files tickets under their ids on this chip: those nobody wants are deleted as listed
        List<StoredTicket> toDelete = onCard.stream().filter(st -> !wantedOnCard.contains(st.cardTicketId())).toList();
        for (int from = 0; from < toDelete.size(); from += DELETE_BATCH) {
            card.deleteStored(toDelete.subList(from, Math.min(toDelete.size(), from + DELETE_BATCH)));
        }
        for (int from = 0; from < toWrite.size(); from += WalletProtocol.CAPACITY) {
            card.write(toWrite.subList(from, Math.min(toWrite.size(), from + WalletProtocol.CAPACITY)));
        }
        return new Synced(chipId, toWrite.size(), toDelete.size());
    }

    /** Deletes tickets that left the chip (transferred, voided); absent ones count as done. */
    public int delete(WalletCard card, String expectedChipId, Set<UUID> ticketIds, Entitlement entitlement)
            throws WalletException {
        String chipId = chipId(card);
        if (!chipId.equals(expectedChipId)) {
            throw new WrongCardException("tapped chip " + chipId + ", expected " + expectedChipId, "another card");
        }
        card.authenticate(KeyRef.ACCESS, authority(entitlement));
        Set<UUID> onChip = card.list().stream().map(StoredTicket::cardTicketId).collect(Collectors.toSet());
        List<UUID> present = ticketIds.stream().filter(id -> onChip.contains(card.cardTicketId(id))).toList();
        if (present.isEmpty()) {
            return 0;
        }
        for (int from = 0; from < present.size(); from += DELETE_BATCH) {
            card.delete(present.subList(from, Math.min(present.size(), from + DELETE_BATCH)));
        }
        return present.size();
    }

    /**
     * The center as the keeper of the chip's keys: AUTH INIT's answer goes there, this session's MAC key comes back
     * (or a 403 problem when the entitlement does not hold). The static access key never reaches this terminal.
     */
    public SessionAuthority authority(Entitlement entitlement) {
        java.util.Objects.requireNonNull(entitlement, "entitlement");
        return (chipId, key, hostChallenge, cardAnswer) -> {
            ChipSessionGrant grant = center.chipSession(new ChipSessionRequest(chipId,
                    key.name(), entitlement.purpose(), entitlement.saleId(), entitlement.transferId(), null,
                    HEX.formatHex(hostChallenge), HEX.formatHex(cardAnswer), null));
            return new SessionAuthority.Grant(HEX.parseHex(grant.hostCryptogram()), HEX.parseHex(grant.sessionKey()));
        };
    }

    /**
     * The tickets stored on the chip in the field, by their ids on this chip ({@code card.cardTicketId}): LIST needs
     * a session (card protocol 1.2), which {@code authority} opens.
     */
    public static List<StoredTicket> list(WalletCard card, SessionAuthority authority) throws WalletException {
        card.select();
        card.authenticate(KeyRef.ACCESS, authority);
        return card.list();
    }
}
