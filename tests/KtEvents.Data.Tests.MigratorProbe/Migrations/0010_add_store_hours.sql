ALTER TABLE stores ADD COLUMN opening_hours text;
INSERT INTO migration_log (migration) VALUES (10);
