-- Issue 18: standing areas the gate staff marked full at the door, or opened again. While full, the gate refuses the
-- area's tickets (AREA_FULL, the ticket stays good); the mark survives a restart of the gate terminal and is told to
-- the center with the admissions (told = false until the center has it), so the other gates learn of it.
CREATE TABLE gate_area_door (
    event_id   BIGINT      NOT NULL,
    area_id    VARCHAR(64) NOT NULL,
    door_full  BOOLEAN     NOT NULL,
    marked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    told       BOOLEAN     NOT NULL,
    PRIMARY KEY (event_id, area_id)
);
