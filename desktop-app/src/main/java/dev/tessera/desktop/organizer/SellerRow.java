package dev.tessera.desktop.organizer;

import dev.tessera.contract.account.Account;
import dev.tessera.core.model.SellerAuthorization;

/** A seller account and its authorization for the chosen event, or null when it has none yet. */
public record SellerRow(Account seller, SellerAuthorization authorization) {
    public boolean authorized() {
        return authorization != null;
    }
}
