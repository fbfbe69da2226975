/**
 * The e-ticket (claims 29 i-j, 67 c, 70) and its compact signed binary format, specified in
 * {@code docs/ticket-format.md}.
 */
package dev.tessera.core.ticket;
