/**
 * Ticket cryptography on BouncyCastle's lightweight API: Argon2id password hashes, Ed25519 issuer
 * keys (ticket signatures), and the ECIES envelope that seals a ticket for one holder chip (claim 79).
 * Formats are specified in {@code docs/ticket-format.md}.
 */
package dev.tessera.core.crypto;
