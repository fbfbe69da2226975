package dev.tessera.contract.chip;

import dev.tessera.core.model.ChipStatus;

/** A chip as the API shows it: the public key in hex, memberId 0 for a chip no member holds. */
public record ChipView(String chipId, String publicKey, long memberId, ChipStatus status) {}
