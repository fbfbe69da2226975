-- issue 15: every chip key use names the terminal it was for, besides who, chip, purpose and sale or transfer: the
-- terminal id the desktop registers (POST /api/terminals) and opens its shifts with, as the request states it.
-- Rows written before this column existed, and requests that name no terminal, keep NULL.
ALTER TABLE chip_key_use ADD COLUMN terminal_id VARCHAR(64);
