-- issue 14 (claim 70): the organizer may require an attendee name on every ticket of an event; the center then
-- refuses a sale (counter, sell now, the member's purchase) that does not name one per seat and standing place.
ALTER TABLE event ADD COLUMN attendee_names_required BOOLEAN DEFAULT FALSE NOT NULL;
