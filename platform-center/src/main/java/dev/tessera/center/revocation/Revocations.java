package dev.tessera.center.revocation;

import static dev.tessera.center.db.schema.Tables.REVOCATION;

import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.jooq.DSLContext;

/**
 * The revocation list every gate downloads: a ticket's copy (ticket id, version) joins it when the copy stops
 * admitting (voided, transferred, reissued, on a blocked card, its event cancelled or moved). Every service that
 * ends a copy writes it here, the same way, in its own transaction.
 */
public final class Revocations {
    private Revocations() {}

    /** The copy joins the list with its reason; a copy already on it keeps its first reason. */
    public static void revoke(DSLContext ctx, String ticketId, int version, long eventId, String reason,
                              OffsetDateTime now) {
        if (!ctx.fetchExists(REVOCATION, REVOCATION.TICKET_ID.eq(ticketId), REVOCATION.VERSION.eq(version))) {
            ctx.insertInto(REVOCATION).set(REVOCATION.TICKET_ID, ticketId).set(REVOCATION.VERSION, version)
                    .set(REVOCATION.EVENT_ID, eventId).set(REVOCATION.REASON, reason)
                    .set(REVOCATION.REVOKED_AT, now).execute();
        }
    }

    /** The stored copy as it is, ({@link #revoke(DSLContext, String, int, long, String, OffsetDateTime)} for it). */
    public static void revoke(DSLContext ctx, TicketRecord copy, String reason, OffsetDateTime now) {
        revoke(ctx, copy.getId(), copy.getVersion(), copy.getEventId(), reason, now);
    }

    /** The signed content of a stored ticket; a stored ticket that no longer decodes is the center's own fault. */
    public static Ticket decode(TicketRecord stored) {
        try {
            return TicketCodec.decode(Base64.getDecoder().decode(stored.getEncoded())).ticket();
        } catch (TicketFormatException e) {
            throw new IllegalStateException("stored ticket " + stored.getId() + " no longer decodes", e);
        }
    }
}
