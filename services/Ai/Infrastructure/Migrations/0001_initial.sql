-- Past events with their outcomes: the data the data-driven engine aggregates into trends and
-- similar cases. Rows marked synthetic come from the checked-in generator (SyntheticCaseGenerator).
CREATE TABLE success_cases (
    id                   uuid        PRIMARY KEY,
    title                text        NOT NULL,
    industry             text        NOT NULL,
    city                 text        NOT NULL,
    district             text        NOT NULL,
    season               text        NOT NULL CHECK (season IN ('spring', 'summer', 'autumn', 'winter')),
    event_date           date        NOT NULL,
    budget_tier          text        NOT NULL CHECK (budget_tier IN ('low', 'medium', 'high')),
    budget_krw           bigint      NOT NULL CHECK (budget_krw > 0),
    event_type           text        NOT NULL,
    prize                text        NOT NULL,
    participation_method text        NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('online', 'offline')),
    participants         integer     NOT NULL CHECK (participants >= 0),
    cost_krw             bigint      NOT NULL CHECK (cost_krw > 0),
    roi_percent          integer     NOT NULL,
    synthetic            boolean     NOT NULL,
    source               text        NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX success_cases_industry_date ON success_cases (industry, event_date);
CREATE INDEX success_cases_region_date ON success_cases (city, district, event_date);
CREATE INDEX success_cases_industry_budget ON success_cases (industry, budget_krw);

-- One row per dataset seeded into success_cases, so seeding happens once per database.
CREATE TABLE dataset_seeds (
    name        text        PRIMARY KEY,
    seed        integer     NOT NULL,
    case_count  integer     NOT NULL,
    anchor_date date        NOT NULL,
    seeded_at   timestamptz NOT NULL DEFAULT now()
);

-- Every recommendation served, cached or not: who asked for what, which engine answered, and the
-- reply itself, so that feedback and actual outcomes can later be compared with what was proposed.
CREATE TABLE recommendation_log (
    id             uuid        PRIMARY KEY,
    owner_id       uuid        NOT NULL,
    industry       text        NOT NULL,
    city           text        NOT NULL,
    district       text        NOT NULL,
    purpose        text        NOT NULL,
    event_date     date        NOT NULL,
    engine         text        NOT NULL,
    cache_hit      boolean     NOT NULL,
    synthetic_data boolean     NOT NULL,
    elapsed_ms     integer     NOT NULL,
    reply          jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX recommendation_log_owner ON recommendation_log (owner_id, created_at);
