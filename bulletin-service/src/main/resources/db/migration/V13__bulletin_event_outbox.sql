-- Bulletin events on their way to ribao.bulletins (decision 436): written in the step's own transaction, removed once
-- the broker has acknowledged them, so an event cannot be lost between the commit and the publish. `seq` is the order
-- of the steps, which is the order they are published in.
CREATE TABLE bulletin_event_outbox (
    seq         bigserial PRIMARY KEY,
    bulletin_id text        NOT NULL,
    event       bytea       NOT NULL,  -- the BulletinEvent, Avro single-object encoding
    queued_at   timestamptz NOT NULL
);
