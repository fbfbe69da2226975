-- Issue 17: tax as an accountant needs it. Prices stay tax-inclusive; each price category of an event has a tax rate
-- (basis points: 1000 = 10 %), from the country's default unless the organizer set one. The invoice issuer's name
-- and registration number (Japan: "T" + 13 digits, 適格請求書発行事業者) print on the receipts.
CREATE TABLE event_tax (
    event_id            BIGINT       PRIMARY KEY REFERENCES event (id),
    country             VARCHAR(8)   NOT NULL,
    issuer_name         VARCHAR(200) NOT NULL,
    registration_number VARCHAR(32),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE event_tax_rate (
    event_id     BIGINT      NOT NULL REFERENCES event (id),
    category_id  VARCHAR(64) NOT NULL,
    rate_bp      INTEGER     NOT NULL,
    PRIMARY KEY (event_id, category_id),
    CONSTRAINT event_tax_rate_ck CHECK (rate_bp >= 0 AND rate_bp <= 5000)
);

-- The rate of each sale line at the time of sale: a later change of the event's rates never alters a past sale.
ALTER TABLE ticket ADD COLUMN tax_rate_bp INTEGER DEFAULT 0 NOT NULL;
-- Sales made before tax was recorded: a yen event's tickets bore Japan's standard 10 %.
UPDATE ticket SET tax_rate_bp = 1000 WHERE event_id IN (SELECT id FROM event WHERE currency = 'JPY');
