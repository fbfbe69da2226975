-- issue 13: the sales log is read a page at a time, keyset by sale time and number (GET /api/sales-log?after=),
-- one event and seller at a time (the report's order) or over the whole center; each page is an index range.
CREATE INDEX sale_log_ix ON sale (event_id, seller_id, sold_at, id);
CREATE INDEX sale_sold_at_ix ON sale (sold_at, id);
