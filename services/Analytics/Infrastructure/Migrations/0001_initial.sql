-- Counters per event, kept up to date by the handlers so the dashboard reads a few rows however
-- many entries there are. A row may be created by any event (they arrive in any order); owner_id
-- stays null, and the row invisible to every owner, until EventApproved says whose it is.
CREATE TABLE analytics_events (
    event_id                  uuid        PRIMARY KEY,
    owner_id                  uuid        NULL,
    expected_participants     bigint      NOT NULL DEFAULT 0,
    total_cost_krw            bigint      NOT NULL DEFAULT 0,
    participants              bigint      NOT NULL DEFAULT 0,
    distribution_completed_at timestamptz NULL,
    updated_at                timestamptz NOT NULL
);

-- Per channel: the plan from EventApproved, the latest exposure total, and entries that came through it.
CREATE TABLE analytics_channels (
    event_id              uuid        NOT NULL,
    channel               text        NOT NULL,
    cost_krw              bigint      NOT NULL DEFAULT 0,
    expected_exposure     bigint      NOT NULL DEFAULT 0,
    exposures             bigint      NOT NULL DEFAULT 0,
    exposures_measured_at timestamptz NULL,
    participants          bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, channel)
);

-- Every entry counted, by its number: a re-published ParticipantRegistered (a new message id, so
-- the inbox lets it through) finds its number here and counts nothing.
CREATE TABLE analytics_entries (
    event_id     uuid        NOT NULL,
    entry_number text        NOT NULL,
    channel      text        NULL,
    entered_at   timestamptz NOT NULL,
    PRIMARY KEY (event_id, entry_number)
);

-- Entries per hour (UTC start of the hour), for the participation-over-time chart.
CREATE TABLE analytics_hourly (
    event_id     uuid        NOT NULL,
    hour_start   timestamptz NOT NULL,
    participants bigint      NOT NULL,
    PRIMARY KEY (event_id, hour_start)
);
