-- Transactional outbox: a service writes its integration events here in the same transaction as
-- the state change they describe; the relay publishes them to RabbitMQ and stamps published_at.
CREATE TABLE kt_outbox (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    routing_key  text        NOT NULL,
    event_type   text        NOT NULL,
    body         jsonb       NOT NULL,
    traceparent  text        NULL,
    tracestate   text        NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text        NULL
);

-- The relay only ever looks for pending rows in sequence order; published rows leave this index.
CREATE INDEX kt_outbox_pending ON kt_outbox (sequence) WHERE published_at IS NULL;

-- Retention clean-up deletes published rows by age.
CREATE INDEX kt_outbox_published_at ON kt_outbox (published_at) WHERE published_at IS NOT NULL;
