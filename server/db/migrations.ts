import type Database from 'better-sqlite3';
import { REPORTS_MIGRATION } from '../reports/report-schema.js';

/**
 * Versioned migrations, applied in order at start inside one transaction each.
 * PRAGMA user_version holds the last applied version. Never edit a released migration: add one.
 */
/**
 * The condition of the partial index tickets_open (migration 1), to AND into every query on open
 * tickets: SQLite uses a partial index only when the query repeats its condition word for word, and
 * `status = 'waiting'` alone would read every ticket ever issued (all history, on the hot path).
 */
export const OPEN_TICKETS = "status IN ('waiting', 'called', 'serving', 'no_show')";

export const MIGRATIONS: readonly string[] = [
  /* 1: site model, tickets, event log, sessions */ `
  CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    centre_json TEXT NOT NULL,
    priority_policy_json TEXT NOT NULL,
    calendar_json TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE services (
    site_id TEXT NOT NULL REFERENCES sites(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT,
    prefix TEXT NOT NULL,
    color TEXT NOT NULL,
    daily_cap INTEGER NOT NULL,
    hours_json TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, code)
  );
  CREATE TABLE counters (
    site_id TEXT NOT NULL REFERENCES sites(id),
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    services_json TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (site_id, number)
  );
  CREATE TABLE officials (
    id INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    agency TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('official', 'leader', 'admin')),
    pin_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE priority_categories (
    site_id TEXT NOT NULL REFERENCES sites(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, code)
  );
  CREATE TABLE day_sequences (
    site_id TEXT NOT NULL,
    prefix TEXT NOT NULL,
    day TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (site_id, prefix, day)
  );
  CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL,
    day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    service TEXT NOT NULL,
    original_service TEXT NOT NULL,
    priority TEXT,
    status TEXT NOT NULL CHECK (status IN ('waiting','called','serving','finished','no_show','cancelled')),
    issued_at INTEGER NOT NULL,
    first_called_at INTEGER,
    last_called_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    counter INTEGER,
    official_id INTEGER REFERENCES officials(id),
    target_counter INTEGER,
    recalls INTEGER NOT NULL DEFAULT 0,
    token TEXT NOT NULL UNIQUE,
    request_id TEXT,
    dossier_code TEXT,
    cancel_reason TEXT,
    UNIQUE (site_id, day, label)
  );
  CREATE UNIQUE INDEX tickets_request ON tickets (site_id, request_id) WHERE request_id IS NOT NULL;
  CREATE INDEX tickets_open ON tickets (site_id, status, service, issued_at)
    WHERE status IN ('waiting', 'called', 'serving', 'no_show');
  CREATE INDEX tickets_day ON tickets (site_id, day);
  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    ticket_id INTEGER REFERENCES tickets(id),
    counter INTEGER,
    official_id INTEGER,
    service TEXT,
    data_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX events_at ON events (site_id, at);
  CREATE INDEX events_ticket ON events (ticket_id);
  CREATE INDEX events_counter ON events (site_id, counter, type, at);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    official_id INTEGER NOT NULL REFERENCES officials(id),
    site_id TEXT NOT NULL,
    counter INTEGER,
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX sessions_official ON sessions (official_id) WHERE ended_at IS NULL;
  CREATE TABLE counter_state (
    site_id TEXT NOT NULL,
    counter INTEGER NOT NULL,
    official_id INTEGER REFERENCES officials(id),
    session_id TEXT,
    paused_reason TEXT,
    paused_at INTEGER,
    PRIMARY KEY (site_id, counter)
  );
  CREATE TABLE settings (
    site_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value_json TEXT NOT NULL,
    PRIMARY KEY (site_id, key)
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    official_id INTEGER,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
  );
  `,
  /* 2: ratings, device configuration, paired devices and pairing codes */ `
  CREATE TABLE ratings (
    id INTEGER PRIMARY KEY,
    site_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    scale_size INTEGER NOT NULL CHECK (scale_size BETWEEN 2 AND 5),
    ticket_id INTEGER REFERENCES tickets(id),
    counter INTEGER NOT NULL,
    official_id INTEGER REFERENCES officials(id),
    service TEXT,
    source TEXT NOT NULL CHECK (source IN ('box', 'tablet')),
    device_id TEXT NOT NULL,
    reason TEXT
  );
  CREATE INDEX ratings_at ON ratings (site_id, at);
  CREATE INDEX ratings_official ON ratings (official_id, at);
  CREATE UNIQUE INDEX ratings_ticket ON ratings (ticket_id) WHERE ticket_id IS NOT NULL;
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('printer', 'ratingBox', 'ticketButtons')),
    name TEXT NOT NULL,
    counter INTEGER,
    config_json TEXT NOT NULL DEFAULT '{}',
    active INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE paired_devices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'tablet', 'screen')),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    counter INTEGER,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    revoked_at INTEGER
  );
  CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'tablet', 'screen')),
    counter INTEGER,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
  /* 3: report aggregates kept by triggers (server/reports/report-schema.ts) */ REPORTS_MIGRATION,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
