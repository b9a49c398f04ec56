-- The owner's reaction to a recommendation (seed 003 "사용자 피드백"): the plan chosen, with the
-- owner's edits of title and prize (positive), or 다시 추천받기 (negative). One row per
-- (recommendation, kind, plan): sending the same feedback again changes nothing but the edits.
CREATE TABLE recommendation_feedback (
    id                uuid        PRIMARY KEY,
    recommendation_id uuid        NOT NULL REFERENCES recommendation_log (id),
    owner_id          uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('selected', 'regenerated')),
    -- '' for regenerated (not NULL), so the unique key below holds for it too.
    plan_id           text        NOT NULL,
    edited_title      text,
    edited_prize      text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (recommendation_id, kind, plan_id),
    CHECK ((kind = 'selected') = (plan_id <> ''))
);

-- Real outcomes (EventEnded) join the success cases. An outcome reported without sales has no ROI:
-- it counts for participants and cost, and the ROI statistics leave it out (they filter or average
-- over known ROI only).
ALTER TABLE success_cases ALTER COLUMN roi_percent DROP NOT NULL;

-- An event's outcome is added once, however often EventEnded arrives (source = 'event:{eventId}').
CREATE UNIQUE INDEX success_cases_event_source ON success_cases (source) WHERE NOT synthetic;

-- Seed 003's accuracy metric, per ended event: |expected − actual| / actual participants, against
-- the plan the owner chose. error is NULL when nothing actually happened (actual = 0): the ratio is
-- undefined there, and any stand-in number would distort an average over events.
CREATE TABLE prediction_accuracy (
    event_id              uuid             PRIMARY KEY,
    recommendation_id     uuid,
    plan_id               text             NOT NULL,
    industry              text             NOT NULL,
    expected_participants integer          NOT NULL,
    actual_participants   integer          NOT NULL,
    error                 double precision CHECK (error >= 0),
    ended_at              timestamptz      NOT NULL,
    recorded_at           timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX prediction_accuracy_industry ON prediction_accuracy (industry, ended_at);
