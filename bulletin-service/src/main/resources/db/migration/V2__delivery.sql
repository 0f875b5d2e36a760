-- Alert and bulletin delivery: who must be told what (notices), the messages to send (outbox),
-- every attempt, and the in-app inbox.

-- One row per alert, recipient and round (0 = first notice or escalation, n = n-th repeat): the primary key is
-- what makes "never the same alert to the same recipient twice" hold across restarts and replicas.
CREATE TABLE alert_notices (
    alert_id      text NOT NULL,
    recipient_id  text NOT NULL,
    round         int NOT NULL,
    reason        text NOT NULL,          -- INITIAL, ESCALATION, REPEAT
    due_at        timestamptz NOT NULL,
    digest_key    text NOT NULL,          -- recipient|day|deadline: notices sent together as one digest
    state         text NOT NULL DEFAULT 'PENDING',   -- PENDING, QUEUED, SUPPRESSED
    outbox_key    text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (alert_id, recipient_id, round)
);
CREATE INDEX alert_notices_pending ON alert_notices (state, due_at);

-- One row per message per channel; message_key is unique so re-enqueueing the same thing is a no-op.
CREATE TABLE outbox (
    id               bigserial PRIMARY KEY,
    message_key      text NOT NULL UNIQUE,
    kind             text NOT NULL,       -- ALERT_DIGEST, BULLETIN
    recipient_id     text NOT NULL,
    channel          jsonb NOT NULL,      -- {"type","url","to","format"}
    title            text NOT NULL,
    body             text NOT NULL,
    payload          jsonb NOT NULL,
    state            text NOT NULL DEFAULT 'PENDING',   -- PENDING, SENT, FAILED
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    last_error       text
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

CREATE TABLE delivery_attempts (
    id           bigserial PRIMARY KEY,
    outbox_id    bigint NOT NULL REFERENCES outbox (id),
    attempt      int NOT NULL,
    at           timestamptz NOT NULL,
    succeeded    boolean NOT NULL,
    detail       text
);

CREATE TABLE inbox (
    id            bigserial PRIMARY KEY,
    outbox_id     bigint NOT NULL UNIQUE REFERENCES outbox (id),
    recipient_id  text NOT NULL,
    title         text NOT NULL,
    body          text NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz
);
CREATE INDEX inbox_recipient ON inbox (recipient_id, created_at);
