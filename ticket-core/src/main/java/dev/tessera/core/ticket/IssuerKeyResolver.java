package dev.tessera.core.ticket;

import dev.tessera.core.crypto.IssuerPublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The issuer keys a verifier trusts (the center's key, certified terminal keys), looked up by key id. */
@FunctionalInterface
public interface IssuerKeyResolver {

    /** @param keyId the 8-byte id carried in the ticket */
    Optional<IssuerPublicKey> find(byte[] keyId);

    /** A fixed set of trusted keys. */
    static IssuerKeyResolver of(IssuerPublicKey... keys) {
        Map<String, IssuerPublicKey> byId = List.of(keys).stream()
                .collect(Collectors.toUnmodifiableMap(IssuerPublicKey::keyIdHex, Function.identity(), (a, b) -> a));
        return keyId -> Optional.ofNullable(byId.get(HexFormat.of().formatHex(keyId)));
    }
}
