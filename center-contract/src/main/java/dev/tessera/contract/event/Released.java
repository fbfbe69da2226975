package dev.tessera.contract.event;

import dev.tessera.core.model.SellerAuthorization;
import java.util.List;

/**
 * What a release did: the seller's authorization afterwards, the seats now free for everyone, and the named seats
 * that stayed (sold or held by the seller, or not in its block).
 */
public record Released(SellerAuthorization authorization, List<String> released, List<String> kept) {}
