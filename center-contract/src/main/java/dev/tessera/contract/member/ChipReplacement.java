package dev.tessera.contract.member;

import dev.tessera.contract.sales.IssuedTicket;
import java.util.List;

/** The tickets re-issued for the new card, each sealed for it, to write there. */
public record ChipReplacement(String fromChipId, String toChipId, List<IssuedTicket> tickets) {}
