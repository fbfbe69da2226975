package dev.tessera.desktop.counter;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.member.BlockedChip;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;

/**
 * Issue 14 at the counter: a member's lost or stolen card blocked by the clerk (every ticket on it refused at the
 * gates at once), and its tickets re-issued onto a new card written in the same visit. The member proves who they
 * are with their own password, as when a card is issued to them. Blocking; called on the task executor.
 */
final class LostCardDesk {
    private final CenterSession session;
    private final CenterClient client;
    private final ChipDesk chips;

    /** The tickets re-issued for the new card ({@code moved}) and how many the card now holds from this step. */
    record Moved(String fromChipId, String toChipId, int moved, int written, boolean wasBlank) {}

    /** The member's password did not open their account: nothing was moved. */
    static final class NotTheMember extends Exception {
        NotTheMember(String detail) {
            super(detail);
        }
    }

    /** The card on the reader is the blocked card itself. */
    static final class SameCard extends Exception {
        SameCard(String chipId) {
            super("the card on the reader is the blocked card " + chipId);
        }
    }

    LostCardDesk(CenterSession session, CenterClient client, ChipDesk chips) {
        this.session = session;
        this.client = client;
        this.chips = chips;
    }

    BlockedChip block(String chipId, String reason) {
        return session.blockChip(chipId, reason);
    }

    /**
     * The card on the reader becomes the member's new card (a blank chip is issued to them first), the blocked card's
     * valid tickets are re-issued for it at the center (version + 1) and written to it. A repeated tap after a torn
     * write moves nothing more and writes what the card still lacks.
     */
    Moved moveToNewCard(MemberFound member, String fromChipId, String memberPassword, WalletCard card)
            throws WalletException, NotTheMember, SameCard {
        prove(member, memberPassword);
        boolean blank = card.select().blank();
        String toChipId = blank ? chips.issueMemberCard(card, member.memberId()) : ChipDesk.chipId(card);
        if (toChipId.equals(fromChipId)) {
            throw new SameCard(toChipId);
        }
        if (!blank) {
            // a card issued earlier: registered to the member already (409 ignored), or the center refuses the move
            chips.issueMemberCard(card, member.memberId());
        }
        int moved = session.replaceChip(fromChipId, toChipId).tickets().size();
        ChipDesk.Written written = chips.write(card, toChipId, session.chipTickets(toChipId).tickets(),
                ChipDesk.Entitlement.replacement());
        return new Moved(fromChipId, toChipId, moved, written.written(), blank);
    }

    /** The member signs in with their own password on the clerk's terminal; the session ends at once. */
    private void prove(MemberFound member, String password) throws NotTheMember {
        CenterSession own;
        try {
            own = client.signIn(member.loginId(), password);
        } catch (CenterProblemException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() == 429) {
                throw new NotTheMember(e.status() + " " + e.kind());
            }
            throw e;
        }
        try {
            if (own.account().accountId() != member.memberId()) {
                throw new NotTheMember("signed in as account " + own.account().accountId());
            }
        } finally {
            own.signOut();
        }
    }
}
