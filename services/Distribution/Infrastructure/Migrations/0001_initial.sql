-- One run per approved event (UFR-DIST-010): what the channels are sent, copied from EventApproved so
-- that posting never has to call the Event service back.
CREATE TABLE distribution_runs (
    event_id        uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    store_name      text        NOT NULL,
    store_phone     text        NOT NULL,
    title           text        NOT NULL,
    prize           text        NOT NULL,
    participation_method text   NOT NULL,
    image_id        uuid        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    -- Set once, by whoever finalises the last channel; DistributionCompleted is published with it.
    completed_at    timestamptz NULL
);

CREATE INDEX distribution_runs_owner ON distribution_runs (owner_id, event_id);

-- One row per channel of a run; the worker claims due rows (pending, or running with an expired
-- lease after a crash, or waiting for a retry) and every change of a row is one transaction.
CREATE TABLE distribution_channels (
    event_id          uuid        NOT NULL REFERENCES distribution_runs (event_id),
    channel           text        NOT NULL,
    options           jsonb       NOT NULL,
    cost_krw          bigint      NOT NULL,
    expected_exposure bigint      NOT NULL,
    state             text        NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    lease_until       timestamptz NULL,
    external_id       text        NULL,
    post_url          text        NULL,
    -- Channel-specific answers (지니TV's schedule, 링고비즈's update time), kept as the channel sent them.
    details           jsonb       NULL,
    error_message     text        NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (event_id, channel)
);

CREATE INDEX distribution_channels_due ON distribution_channels (next_attempt_at)
    WHERE state IN ('pending', 'running');
