-- issue 13: the revisions of seat changes get a table of their own, so that a seat row can be updated in place.
-- seat_state_revision_ix indexed the revision every seat change stamps, so no seat update could be a HOT update on
-- PostgreSQL: each wrote the row anew with an entry in each of the table's three indexes. A change now stamps the
-- seat row (its revision, no longer indexed) and adds a row here with the same revision; the deltas by revision
-- (a reconnecting terminal's ?since=, a cluster instance's catch-up) read this table's key and join the seat rows.
-- No foreign key: the row is written by the statement that changes the seat (seat rows are never deleted).
CREATE TABLE seat_change (
    event_id BIGINT      NOT NULL,
    revision BIGINT      NOT NULL,
    seat_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (event_id, revision)
);
-- the latest change of every seat changed so far: all the deltas read is a seat's latest revision
INSERT INTO seat_change (event_id, revision, seat_id)
SELECT event_id, revision, seat_id FROM seat_state WHERE revision > 0;
DROP INDEX seat_state_revision_ix;
