-- Each script records that it ran; a script applied twice would leave two rows (or fail on CREATE).
CREATE TABLE migration_log (
    id        serial PRIMARY KEY,
    migration integer NOT NULL,
    backend   integer NOT NULL DEFAULT pg_backend_pid());
INSERT INTO migration_log (migration) VALUES (1);
-- Hold the lock long enough that the other process is surely waiting on it.
SELECT pg_sleep(0.5);
