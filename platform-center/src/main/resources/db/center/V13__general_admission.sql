-- Issue 18: general-admission (standing) areas sold by capacity. One row per area of a registered event's seat map.
-- The check is the database's word that an area is never oversold; every change to held, sold or allocated is one
-- conditional UPDATE (… WHERE held + sold + allocated + n <= capacity), which H2 and PostgreSQL both run under the
-- row's lock, so concurrent holds queue on the row and the loser's UPDATE finds no room and changes nothing.
CREATE TABLE ga_inventory (
    event_id     BIGINT      NOT NULL REFERENCES event (id),
    area_id      VARCHAR(64) NOT NULL,
    category_id  VARCHAR(64) NOT NULL,
    capacity     INTEGER     NOT NULL,
    held         INTEGER     DEFAULT 0 NOT NULL,
    sold         INTEGER     DEFAULT 0 NOT NULL,
    -- places set aside for sellers' offline counters (ga_allocation), not yet sold by them
    allocated    INTEGER     DEFAULT 0 NOT NULL,
    -- the gate's "capacity reached inside": tickets of the area are refused at the door while set
    door_full    BOOLEAN     DEFAULT FALSE NOT NULL,
    revision     BIGINT      NOT NULL,
    PRIMARY KEY (event_id, area_id),
    CONSTRAINT ga_inventory_ck CHECK (capacity >= 0 AND held >= 0 AND sold >= 0 AND allocated >= 0
        AND held + sold + allocated <= capacity)
);

-- The standing places of a hold, beside its seats in seat_hold_seat.
CREATE TABLE seat_hold_area (
    hold_id      BIGINT      NOT NULL REFERENCES seat_hold (id),
    area_id      VARCHAR(64) NOT NULL,
    category_id  VARCHAR(64) NOT NULL,
    quantity     INTEGER     NOT NULL,
    PRIMARY KEY (hold_id, area_id),
    CONSTRAINT seat_hold_area_ck CHECK (quantity > 0)
);

-- A seller's allocation of an area for its offline counter: at most quantity places, sold counts those it sold.
CREATE TABLE ga_allocation (
    event_id     BIGINT      NOT NULL REFERENCES event (id),
    area_id      VARCHAR(64) NOT NULL,
    seller_id    BIGINT      NOT NULL REFERENCES account (id),
    quantity     INTEGER     NOT NULL,
    sold         INTEGER     DEFAULT 0 NOT NULL,
    PRIMARY KEY (event_id, area_id, seller_id),
    CONSTRAINT ga_allocation_ck CHECK (sold >= 0 AND sold <= quantity)
);

-- A general-admission ticket names its area in seat_id (seats and areas share one set of ids) and says so here.
ALTER TABLE ticket ADD COLUMN general_admission BOOLEAN DEFAULT FALSE NOT NULL;
