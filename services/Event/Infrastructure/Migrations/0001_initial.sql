-- Events and their creation wizard. The wizard's steps are kept as the protobuf messages the other
-- services answered with (recommendation, selected plan, channel plan), so a reload resumes exactly
-- where the owner left off, and an approved event keeps what was approved.
CREATE TABLE events (
    id              uuid PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('draft', 'scheduled', 'active', 'ended')),
    purpose         integer     NOT NULL,
    store           bytea       NOT NULL,
    recommendation  bytea,
    selected_plan   bytea,
    image_id        uuid,
    channel_plan    bytea,
    starts_at       timestamptz,
    ends_at         timestamptz,
    approved_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Every owner query filters by owner_id; the dashboard lists newest first.
CREATE INDEX events_owner_created ON events (owner_id, created_at DESC);
