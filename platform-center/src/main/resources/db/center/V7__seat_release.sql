-- Issue 5: the organizer takes free seats back from a seller's block. The seat remembers whose block it left, so
-- an offline sale that seller's terminal made before it heard of the change still stands while the seat is free.
ALTER TABLE seat_state ADD COLUMN released_from BIGINT;
