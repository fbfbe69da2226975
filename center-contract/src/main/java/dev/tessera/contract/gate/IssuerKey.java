package dev.tessera.contract.gate;

/** GET /api/issuer-keys: an issuer's Ed25519 public key, both in hex. */
public record IssuerKey(String keyId, String publicKey) {}
