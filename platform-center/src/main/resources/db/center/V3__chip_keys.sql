-- claims 35, 72: master keys from which every chip's AES access and gate keys are diversified
-- (docs/card-protocol.md §7). One row per purpose; created on first start.
CREATE TABLE chip_key_master (
    purpose     VARCHAR(16) PRIMARY KEY,
    secret      VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chip_key_master_purpose_ck CHECK (purpose IN ('ACCESS', 'GATE'))
);
