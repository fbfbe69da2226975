-- Several instances (issue 16): which center instance runs a key's first request. A retry that finds the key without
-- an answer takes it over at once when that instance is gone (killed), instead of waiting for the two-minute lease.
-- NULL for keys claimed before this version: they keep the lease.
ALTER TABLE idempotency_key ADD COLUMN owner BIGINT;
