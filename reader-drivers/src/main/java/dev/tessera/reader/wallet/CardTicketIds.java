package dev.tessera.reader.wallet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The id a ticket has on one chip (docs/card-protocol.md §4.10): the first 16 bytes of
 * SHA-256('TCI1' ‖ chip id ‖ ticket id). The ticket id stays the same across a transfer; the on-card id does not,
 * so the directories of the assignor's and the assignee's chips share nothing that links them. A terminal that knows
 * the ticket id and the chip finds the entry; the entry alone does not give the ticket id back.
 */
public final class CardTicketIds {

    private static final byte[] TAG = "TCI1".getBytes(StandardCharsets.US_ASCII);

    private CardTicketIds() {
    }

    public static UUID of(byte[] chipId, UUID ticketId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(TAG);
            sha256.update(chipId);
            sha256.update(ByteBuffer.allocate(16).putLong(ticketId.getMostSignificantBits())
                    .putLong(ticketId.getLeastSignificantBits()).array());
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
