package dev.tessera.center.http;

import dev.tessera.center.account.Principal;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Small helpers every route uses: the caller, typed path and query parameters. */
public final class Api {
    public static final String PRINCIPAL = "tessera.principal";

    private Api() {}

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw ApiException.unauthorized("sign in first");
        }
        return p;
    }

    public static long pathId(Context ctx, String name) {
        return parseId(ctx.pathParam(name), name);
    }

    /**
     * The {@code sellerId} a list is filtered by: a seller always sees its own {@code what} only (asking for another
     * seller's is forbidden); managers and organizers may name any seller, or none for all.
     */
    public static Long sellerFilter(Context ctx, String what) {
        Principal p = principal(ctx);
        Long seller = queryId(ctx, "sellerId");
        if (p.role() == dev.tessera.core.model.Role.SELLER) {
            if (seller != null && seller != p.accountId()) {
                throw ApiException.forbidden("a seller sees only its own " + what);
            }
            seller = p.accountId();
        }
        return seller;
    }

    public static Long queryId(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : parseId(value, name);
    }

    /** A revision a client saw: 0 (a fresh event's snapshot) or more. */
    public static Long queryRevision(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long revision = Long.parseLong(value);
            if (revision >= 0) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // reported below in words
        }
        throw ApiException.badRequest(name + " must be a revision (0 or a positive whole number), was \"" + value + "\"");
    }

    private static long parseId(String value, String name) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below in words
        }
        throw ApiException.badRequest(name + " must be a positive whole number, was \"" + value + "\"");
    }

    /** The session token of an {@code Authorization: Bearer} header, or null. */
    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    /** A query parameter that is a day (2026-11-25, from its start in UTC) or an instant; null when absent. */
    public static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // RFC 3339's date-time with any offset; seconds may be left out ("2026-11-25T10:00Z", as Java prints it)
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date (2026-11-25) or an instant (2026-11-25T10:00:00Z)");
        }
    }
}
