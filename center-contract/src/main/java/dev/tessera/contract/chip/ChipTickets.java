package dev.tessera.contract.chip;

import dev.tessera.contract.sales.IssuedTicket;
import java.util.List;

/** GET /api/chips/{chipId}/tickets. */
public record ChipTickets(String chipId, List<IssuedTicket> tickets) {}
