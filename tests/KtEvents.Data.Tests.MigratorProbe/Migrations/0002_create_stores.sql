CREATE TABLE stores (id uuid PRIMARY KEY, name text NOT NULL);
INSERT INTO migration_log (migration) VALUES (2);
