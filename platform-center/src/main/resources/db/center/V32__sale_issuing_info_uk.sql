-- issue 13: one sale per issuing info (every way of selling writes a new issuing info for its sale), kept by the
-- database; its index is the one the lookups of an issued hold's sale take (issuing info by hold, then its sale:
-- GET /api/holds/{id} of a sale paid at once, a confirmation retried), which had none on PostgreSQL and lost H2's
-- with the foreign key migration 31 dropped
ALTER TABLE sale ADD CONSTRAINT sale_issuing_info_uk UNIQUE (issuing_info_id);
