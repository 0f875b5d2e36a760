-- Read models projected from the Kafka topics (roster, statuses, roll-ups, alerts, day-closed, reports).
-- Table and column names are a contract with the bulletin (H3b) code: do not rename.

CREATE TABLE jurisdictions (
    jurisdiction_id        text PRIMARY KEY,
    name                   text NOT NULL,
    timezone               text NOT NULL,
    office                 text NOT NULL,
    bulletin_recipient_ids text[] NOT NULL DEFAULT '{}',
    office_user_ids        text[] NOT NULL DEFAULT '{}',
    upstream               jsonb,
    raw                    jsonb NOT NULL
);

CREATE TABLE units (
    unit_id          text PRIMARY KEY,
    jurisdiction_id  text NOT NULL,
    name             text NOT NULL,
    kind             text NOT NULL,
    parent_id        text,
    principal_id     text,
    supervisor_ids   text[] NOT NULL DEFAULT '{}',
    active_from      date NOT NULL,
    active_to        date,
    suspended        boolean NOT NULL DEFAULT false,
    ancestor_ids     text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX units_parent ON units (parent_id);

-- No token hashes here: authentication reads the roster topic, never this table.
CREATE TABLE users (
    user_id          text PRIMARY KEY,
    name             text NOT NULL,
    role             text NOT NULL,
    unit_id          text,
    jurisdiction_id  text,
    channels         jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE unit_day_status (
    unit_id                text NOT NULL,
    day                    date NOT NULL,
    jurisdiction_id        text NOT NULL,
    state                  text NOT NULL,
    report_id              text,
    revision               int NOT NULL DEFAULT 0,
    signed_revision        int NOT NULL DEFAULT 0,
    zero_report            boolean NOT NULL DEFAULT false,
    metrics                jsonb NOT NULL DEFAULT '{}',
    submitted_at           timestamptz,
    signed_at              timestamptz,
    signed_by              text,
    signer                 text,
    unsigned               boolean NOT NULL DEFAULT false,
    after_cutoff           boolean NOT NULL DEFAULT false,
    revised_after_deadline boolean NOT NULL DEFAULT false,
    locked                 boolean NOT NULL DEFAULT false,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (unit_id, day)
);
CREATE INDEX unit_day_status_day ON unit_day_status (day);

CREATE TABLE rollups (
    node_id          text NOT NULL,
    day              date NOT NULL,
    jurisdiction_id  text NOT NULL,
    metrics          jsonb NOT NULL DEFAULT '{}',
    expected         int NOT NULL DEFAULT 0,
    on_time          int NOT NULL DEFAULT 0,
    late             int NOT NULL DEFAULT 0,
    missing          int NOT NULL DEFAULT 0,
    pending_signoff  int NOT NULL DEFAULT 0,
    unsigned         int NOT NULL DEFAULT 0,
    zero_reports     int NOT NULL DEFAULT 0,
    targets          jsonb NOT NULL DEFAULT '{}',
    targets_met      int NOT NULL DEFAULT 0,
    targets_missed   int NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (node_id, day)
);

CREATE TABLE alerts (
    alert_id         text PRIMARY KEY,
    type             text NOT NULL,
    severity         text NOT NULL,
    jurisdiction_id  text NOT NULL,
    unit_id          text NOT NULL,
    day              date NOT NULL,
    rule_id          text,
    message          text NOT NULL,
    evidence         jsonb NOT NULL DEFAULT '{}',
    recipients       text[] NOT NULL DEFAULT '{}',
    raised_at        timestamptz,
    resolved_at      timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text
);
CREATE INDEX alerts_day ON alerts (day);
CREATE INDEX alerts_unit ON alerts (unit_id);

CREATE TABLE day_closed (
    jurisdiction_id  text NOT NULL,
    day              date NOT NULL,
    closed_at        timestamptz NOT NULL,
    units            jsonb NOT NULL,
    parts            int NOT NULL DEFAULT 1,      -- how many Streams tasks close this day
    parts_received   int[] NOT NULL DEFAULT '{}', -- which of them have: drafting waits for all
    PRIMARY KEY (jurisdiction_id, day)
);

CREATE TABLE report_revisions (
    report_id        text NOT NULL,
    revision         int NOT NULL,
    event_type       text NOT NULL,
    event_id         text NOT NULL,
    jurisdiction_id  text NOT NULL,
    unit_id          text NOT NULL,
    day              date NOT NULL,
    zero_report      boolean NOT NULL,
    metrics          jsonb NOT NULL,
    narrative        text,
    submitted_by     text NOT NULL,
    submitted_at     timestamptz NOT NULL,
    signed_by        text,
    signed_at        timestamptz,
    signer           text,
    lowered          jsonb NOT NULL DEFAULT '[]',
    after_cutoff     boolean NOT NULL DEFAULT false,
    source_address   text,
    PRIMARY KEY (report_id, revision, event_type)
);
CREATE INDEX report_revisions_unit_day ON report_revisions (unit_id, day);

CREATE TABLE findings (
    finding_id           text PRIMARY KEY,
    reported_by_unit_id  text NOT NULL,
    unit_id              text NOT NULL,
    day                  date NOT NULL,
    problem              text NOT NULL,
    due_date             date,
    status               text NOT NULL DEFAULT 'OPEN',
    rectification        text,
    rectified_at         timestamptz
);

CREATE TABLE audit (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text NOT NULL,
    action  text NOT NULL,
    target  text,
    detail  jsonb NOT NULL DEFAULT '{}',
    source  text
);

-- Kafka positions of the projection, written in the same transaction as the rows they produced.
CREATE TABLE consumer_offsets (
    consumer     text NOT NULL,
    topic        text NOT NULL,
    partition    int NOT NULL,
    next_offset  bigint NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);
