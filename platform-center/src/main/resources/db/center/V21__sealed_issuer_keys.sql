-- Issue 15: the issuer's signing key (which also certifies terminal keys) is sealed under the key-encryption key
-- like the chip key masters ("gcm1:<kek id>:<base64>", ~102 characters), so a database dump yields no private key.
ALTER TABLE issuer_key ALTER COLUMN private_key SET DATA TYPE VARCHAR(200);
