/*
 * Schema migrations, applied in order at open. The database's user_version is
 * the number of migrations applied, so a newer motag opens an older database
 * and brings it up to date; a database from a newer motag is refused rather
 * than misread. Never edit a shipped migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: tagging runs, their records, reviewers, credentials, reviews, audit log.
  `
  CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    model       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
  );

  -- One tagged narrative of a run; result is the INTERFACE.md result JSON.
  CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs(id),
    record_id   TEXT NOT NULL,
    text        TEXT NOT NULL,
    result      TEXT NOT NULL,
    keyword_tags TEXT NOT NULL,
    UNIQUE (run_id, record_id)
  );

  -- Membership of the fixed queues, decided when the run is loaded. The
  -- second-review and conflict queues depend on reviews and are computed.
  CREATE TABLE queue_items (
    record_pk   INTEGER NOT NULL REFERENCES records(id),
    queue       TEXT NOT NULL CHECK (queue IN ('abstain', 'audit', 'disagreement')),
    tag         TEXT NOT NULL,
    PRIMARY KEY (queue, tag, record_pk)
  );
  CREATE INDEX queue_items_record ON queue_items(record_pk);

  CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('reviewer', 'adjudicator')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
  );

  -- Reviewer sign-ins and pipeline keys: only a SHA-256 of the secret is kept.
  CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
  );
  CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    key_hash    TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
  );

  -- decisions: {"<tag>": {"given": 0|1, "label": 0|1}} for all ten tags.
  CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    record_pk   INTEGER NOT NULL REFERENCES records(id),
    reviewer_id INTEGER NOT NULL REFERENCES users(id),
    queue       TEXT NOT NULL,
    decisions   TEXT NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
  );
  CREATE INDEX reviews_record ON reviews(record_pk);

  CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT,
    detail      TEXT NOT NULL DEFAULT '{}'
  );
  -- Append-only: the audit trail of who changed what cannot itself be changed.
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  -- A review is corrected by a newer review, never edited in place.
  CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
    BEGIN SELECT RAISE(ABORT, 'reviews are append-only: submit a new review'); END;
  CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'reviews are append-only: submit a new review'); END;
  `,
  // 2: a record's text hash (a second load of the same id and text is
  // skipped, so reviews of the first load keep covering it) and the export's
  // other columns (offence, date, ward...) as a JSON object, shown to reviewers.
  // text_sha256() is registered by migrate() (store/db.ts), the same hash as textHash().
  `
  ALTER TABLE records ADD COLUMN text_hash TEXT;
  ALTER TABLE records ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
  UPDATE records SET text_hash = text_sha256(text);
  CREATE INDEX records_id_hash ON records(record_id, text_hash);
  `,
];
