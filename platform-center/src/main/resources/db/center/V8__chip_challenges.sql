-- issue 15: a member card proves itself. The center hands a seller (or a gate) a fresh random challenge, the card
-- signs it with INTERNAL AUTHENTICATE (docs/card-protocol.md §4.6), and the sale that names the card spends it:
-- single use (used_at set by a conditional UPDATE), short-lived, bound to the account that asked for it.
CREATE TABLE chip_challenge (
    id          VARCHAR(36) PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES account (id),
    challenge   VARCHAR(64) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    used_chip_id VARCHAR(64)
);
CREATE INDEX chip_challenge_account_ix ON chip_challenge (account_id, expires_at);
