-- Bulletins (专报): one row per version of a jurisdiction's bulletin for a day. A correction is a new version.
-- content is the canonical JSON of the bulletin; content_sha256 is set when it is frozen at approval.
CREATE TABLE bulletins (
    id               text PRIMARY KEY,
    jurisdiction_id  text NOT NULL,
    day              date NOT NULL,
    version          int NOT NULL CHECK (version >= 1),
    issue_no         int,
    issue_year       int,
    state            text NOT NULL CHECK (state IN ('DRAFT', 'APPROVED', 'RELEASED')),
    narrative        text NOT NULL DEFAULT '',
    content          jsonb NOT NULL,
    content_sha256   text,
    drafted_at       timestamptz NOT NULL,
    drafted_by       text NOT NULL,
    approved_at      timestamptz,
    approved_by      text,
    released_at      timestamptz,
    released_by      text,
    UNIQUE (jurisdiction_id, day, version),
    UNIQUE (jurisdiction_id, issue_year, issue_no),
    CHECK ((state = 'DRAFT') = (content_sha256 IS NULL)),
    CHECK ((state = 'DRAFT') = (issue_no IS NULL))
);
CREATE INDEX bulletins_day ON bulletins (day);

-- 第N期: the last issue number given per jurisdiction and year, taken under a row lock at approval.
CREATE TABLE bulletin_issue_numbers (
    jurisdiction_id  text NOT NULL,
    year             int NOT NULL,
    last_no          int NOT NULL,
    PRIMARY KEY (jurisdiction_id, year)
);

-- One receipt per recipient and channel of a released bulletin: queued at release (in the release transaction,
-- beside the outbox rows), then marked delivered / read by the delivery side.
CREATE TABLE bulletin_receipts (
    bulletin_id   text NOT NULL REFERENCES bulletins (id),
    recipient     text NOT NULL,
    channel       text NOT NULL,
    queued_at     timestamptz NOT NULL,
    delivered_at  timestamptz,
    read_at       timestamptz,
    detail        text,
    PRIMARY KEY (bulletin_id, recipient, channel)
);
