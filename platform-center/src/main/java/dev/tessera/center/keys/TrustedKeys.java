package dev.tessera.center.keys;

import static dev.tessera.center.db.schema.Tables.TERMINAL;

import dev.tessera.center.db.Database;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.ticket.IssuerKeyResolver;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every key a ticket may be signed with: the center's issuer keys and the keys of terminals the
 * center certified for offline sales (flow 3). Terminal keys are looked up once and kept.
 */
public final class TrustedKeys implements IssuerKeyResolver {
    private static final HexFormat HEX = HexFormat.of();

    /** A certified terminal key and the seller it sells for. */
    public record TerminalKey(String terminalId, long sellerId, IssuerPublicKey key) {}

    private final IssuerKeys center;
    private final Database db;
    private final Map<String, TerminalKey> terminals = new ConcurrentHashMap<>();

    public TrustedKeys(IssuerKeys center, Database db) {
        this.center = center;
        this.db = db;
    }

    @Override
    public Optional<IssuerPublicKey> find(byte[] keyId) {
        Optional<IssuerPublicKey> own = center.find(keyId);
        return own.isPresent() ? own : terminal(keyId).map(TerminalKey::key);
    }

    public boolean isCenterKey(byte[] keyId) {
        return center.find(keyId).isPresent();
    }

    public Optional<TerminalKey> terminal(byte[] keyId) {
        String id = HEX.formatHex(keyId);
        TerminalKey known = terminals.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        var row = db.dsl().selectFrom(TERMINAL).where(TERMINAL.KEY_ID.eq(id)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        TerminalKey key = new TerminalKey(row.getTerminalId(), row.getSellerId(),
                IssuerPublicKey.of(HEX.parseHex(row.getPublicKey())));
        terminals.put(id, key);
        return Optional.of(key);
    }
}
