CREATE TABLE schema_stamp (fingerprint VARCHAR(64) NOT NULL);
