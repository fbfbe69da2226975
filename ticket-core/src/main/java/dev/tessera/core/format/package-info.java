/**
 * What the binary formats of ticket-core (the signed ticket in {@code ticket}, the chip envelope in {@code crypto})
 * share: {@link dev.tessera.core.format.TicketFormatException}, the refusal of bytes that break the format, with the
 * rule they broke. Below both packages, so that {@code ticket} may build on {@code crypto} without {@code crypto}
 * reaching back.
 */
package dev.tessera.core.format;
