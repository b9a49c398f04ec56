-- Events end (seed 003): the sweeper marks an approved event ended once its period is over and
-- publishes EventEnded with the participants counted here.

-- The mark the sweeper's conditional UPDATE tests, so two replicas never both end an event; status
-- 'ended' and ended_at always go together.
ALTER TABLE events ADD COLUMN ended_at timestamptz;
ALTER TABLE events ADD CONSTRAINT events_ended_marked CHECK ((status = 'ended') = (ended_at IS NOT NULL));

-- The sweep's query, with the same predicate so the planner can use it: only approved events still
-- running are in it, a handful next to the history of ended events and drafts.
CREATE INDEX events_due_to_end ON events (ends_at) WHERE ended_at IS NULL AND status IN ('scheduled', 'active');

-- One row per entry of ParticipantRegistered: the key makes a redelivered or republished entry a
-- no-op, so counting rows counts each participant once. No foreign key: entries arrive at up to
-- 1,000/s and need no lock on their event's row.
CREATE TABLE event_participants (
    event_id     uuid NOT NULL,
    entry_number text NOT NULL,
    PRIMARY KEY (event_id, entry_number)
);
