-- The public facts of approved events, copied from EventApproved so entries never call Event.
CREATE TABLE participation_events (
    event_id             uuid        PRIMARY KEY,
    owner_id             uuid        NOT NULL,
    store_name           text        NOT NULL,
    title                text        NOT NULL,
    prize                text        NOT NULL,
    prize_quantity       integer     NOT NULL,
    participation_method text        NOT NULL,
    image_id             uuid        NOT NULL,
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    announce_at          timestamptz NOT NULL,
    approved_at          timestamptz NOT NULL
);

CREATE INDEX participation_events_owner ON participation_events (owner_id);

-- One row per event, incremented in the entry's own transaction: its row lock hands out numbers
-- one at a time, and a rolled-back entry (a duplicate phone) rolls its number back, so numbers are
-- gap-free. It also answers "how many entries" without counting rows.
CREATE TABLE entry_counters (
    event_id    uuid   PRIMARY KEY REFERENCES participation_events (event_id),
    last_number bigint NOT NULL DEFAULT 0
);

CREATE TABLE entries (
    entry_id          uuid        PRIMARY KEY,
    event_id          uuid        NOT NULL REFERENCES participation_events (event_id),
    entry_number      bigint      NOT NULL,
    name              text        NOT NULL,
    phone             text        NOT NULL,
    channel           text        NULL,
    privacy_consent   boolean     NOT NULL CHECK (privacy_consent),
    marketing_consent boolean     NOT NULL,
    consent_version   text        NOT NULL,
    consented_at      timestamptz NOT NULL,
    entered_at        timestamptz NOT NULL,
    winner            boolean     NOT NULL DEFAULT false,
    -- One entry per phone per event (UFR-PART-010), enforced here so that racing requests cannot both win.
    CONSTRAINT entries_one_per_phone UNIQUE (event_id, phone),
    -- Also the index the owner's list pages through.
    CONSTRAINT entries_number_unique UNIQUE (event_id, entry_number)
);
