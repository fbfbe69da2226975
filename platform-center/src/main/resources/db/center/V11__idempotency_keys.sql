-- Exactly-once requests (docs/operations.md "Idempotency keys"): the first answer to a POST that creates or moves money
-- or seats, kept per account and key for the retention period, so a retry with the same key gets that answer back
-- instead of doing the work again. status is NULL while the first request is still running.
CREATE TABLE idempotency_key (
    account_id    BIGINT       NOT NULL REFERENCES account (id),
    idem_key      VARCHAR(255) NOT NULL,
    operation     VARCHAR(300) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    content_type  VARCHAR(100),
    response_body VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_key_expiry_ix ON idempotency_key (expires_at);
