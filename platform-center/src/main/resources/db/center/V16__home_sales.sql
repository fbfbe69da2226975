-- issue 14 (claims 33, 68, 76): a member buying at home. The seats are held through the internet-sales channel, a
-- seller account the organizer authorizes like any seller (quota, allocation); this row says which member the
-- channel's hold is for, so only that member can see, release or buy it.
CREATE TABLE member_hold (
    hold_id    BIGINT NOT NULL PRIMARY KEY REFERENCES seat_hold (id),
    member_id  BIGINT NOT NULL REFERENCES account (id)
);
CREATE INDEX member_hold_member_ix ON member_hold (member_id);
