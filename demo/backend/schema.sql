-- The demo's bootstrap file, for the image's schema step (profiles/image.yaml): applied only to an
-- empty database; on a fresh disk with a dump in the bucket, the dump is restored instead.
CREATE TABLE visits (
    id integer PRIMARY KEY CHECK (id = 1),
    count bigint NOT NULL DEFAULT 0
);
INSERT INTO visits (id, count) VALUES (1, 0);
