-- Consumer inbox: one row per handled message, written in the handler's transaction, so that a
-- redelivered message (same id) finds its row and is acknowledged without being handled again.
CREATE TABLE kt_inbox (
    consumer    text        NOT NULL,
    message_id  uuid        NOT NULL,
    routing_key text        NOT NULL,
    handled_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX kt_inbox_handled_at ON kt_inbox (handled_at);
