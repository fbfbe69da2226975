-- Chip key masters are sealed at rest under a key-encryption key kept in a file outside the database
-- (ChipKek, docs/operations.md "Chip keys"): gcm1:<kek id>:<base64 nonce ‖ ciphertext ‖ tag> needs more room than
-- 32 hex digits. Masters written in clear by earlier versions are sealed on the next start.
ALTER TABLE chip_key_master ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
