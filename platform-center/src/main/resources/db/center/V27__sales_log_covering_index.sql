-- issue 13: a page of the sales log reads its sales' tickets from this index alone (every column the page takes is
-- in it: no look-up of the ticket's row, with its encoded ticket, per ticket)
CREATE INDEX ticket_sales_log_ix ON ticket (sale_id, seat_id, id, category_id, price_minor, status, tax_rate_bp);
-- issue 13: the sales log's adjustments are read a page at a time in the order they happened
CREATE INDEX ticket_void_at_ix ON ticket_void (voided_at, ticket_id);
CREATE INDEX ticket_reprint_at_ix ON ticket_reprint (printed_at, ticket_id);
