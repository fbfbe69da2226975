-- issue 13: the fingerprint of the migrations this database was last brought up to (dev.tessera.migrations.Migrations);
-- a start that finds its own build's fingerprint here skips Flyway's check of every migration
CREATE TABLE schema_stamp (
    fingerprint VARCHAR(64) NOT NULL
);
