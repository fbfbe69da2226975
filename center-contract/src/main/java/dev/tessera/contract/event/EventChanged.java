package dev.tessera.contract.event;

import dev.tessera.core.model.Event;

/** What a change did: the event as it is now, and how many ticket copies were revoked and re-issued. */
public record EventChanged(Event event, int revokedTickets, int reissuedTickets) {}
