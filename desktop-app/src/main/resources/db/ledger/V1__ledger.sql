-- The terminal's own ledger (flows 3 and 4): its key, its append-only journal, the outbox of entries
-- the center has not acknowledged yet, and what it needs to keep selling while the center is away.

-- One certified Ed25519 key per seller signed in at this terminal (the center ties a terminal id to one seller).
CREATE TABLE terminal_identity (
    login_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    terminal_id   VARCHAR(64)  NOT NULL UNIQUE,
    private_key   VARCHAR(64)  NOT NULL,
    public_key    VARCHAR(64)  NOT NULL,
    key_id        VARCHAR(16)  NOT NULL,
    seller_id     BIGINT,
    certificate   VARCHAR(200),
    center_key_id VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Append-only: rows are inserted, never updated or deleted. hash = LedgerEntry's SHA-256 chain.
CREATE TABLE journal (
    terminal_id   VARCHAR(64)  NOT NULL,
    sequence      BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    at_epoch      BIGINT       NOT NULL,
    at_nanos      INT          NOT NULL,
    payload       CLOB         NOT NULL,
    previous_hash VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (terminal_id, sequence)
);

-- Entries not yet acknowledged by the center; a row leaves when the center holds its sequence.
CREATE TABLE outbox (
    terminal_id VARCHAR(64) NOT NULL,
    sequence    BIGINT      NOT NULL,
    PRIMARY KEY (terminal_id, sequence),
    FOREIGN KEY (terminal_id, sequence) REFERENCES journal (terminal_id, sequence)
);

-- What the center last answered for the push of each entry (APPLIED, RECORDED, REJECTED).
CREATE TABLE sync_outcome (
    terminal_id VARCHAR(64)  NOT NULL,
    sequence    BIGINT       NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    detail      VARCHAR(1000),
    PRIMARY KEY (terminal_id, sequence)
);

-- The seller's authorization per event (allocated seats, quotas), cached for offline sales.
CREATE TABLE cached_authorization (
    login_id   VARCHAR(64) NOT NULL,
    event_id   BIGINT      NOT NULL,
    document   CLOB        NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (login_id, event_id)
);

-- Events (service information) as the center last described them, for offline prices and times.
CREATE TABLE cached_event (
    event_id   BIGINT NOT NULL PRIMARY KEY,
    document   CLOB   NOT NULL,
    fetched_at TIMESTAMP WITH TIME ZONE NOT NULL
);
