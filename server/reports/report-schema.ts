/**
 * Report aggregates maintained by SQLite triggers as events and ratings are written (migration 3;
 * never edit once released: add a migration). docs/metrics.md defines every figure.
 *
 * - report_daily: counts, sums and maxima per local day and dimension (o = official, c = counter,
 *   s = service, h = local hour "08", d = the whole site, key '').
 * - report_hist: per-minute histograms of waits ('w') and service times ('s'): per month for
 *   o/c/s/h, per day for d; medians and p90 over long periods read these.
 * - report_visits: one row per wait and per service time, for the days at the edges of a period.
 * - report_ratings: rating counts per day, dimension, scale size and level.
 * - officials' time (report_daily login_ms, pause_*_ms, serving_ms) is added when a session ends
 *   (logout), a pause ends (resume or logout) and a ticket leaves a counter, cut at local midnights;
 *   sessions still open or left to expire are added by the report worker (metrics-time.ts).
 *
 * Triggers on `events` and `ratings` feed two views whose INSTEAD OF triggers do the work, so the
 * same code also backfills the history already in the database. The local hour and midnight use
 * report_config.utcOffsetMs (the server keeps it equal to its zone's offset; Vietnam has no DST).
 */

const OFFSET = "(SELECT value FROM report_config WHERE key = 'utcOffsetMs')";
const hourOf = (at: string) => `printf('%02d', ((${at} + ${OFFSET}) % 86400000) / 3600000)`;
const DIMS =
  "(SELECT 'o' AS dim UNION ALL SELECT 'c' UNION ALL SELECT 's' UNION ALL SELECT 'h' UNION ALL SELECT 'd')";
const O_DIMS = "(SELECT 'o' AS dim UNION ALL SELECT 'c' UNION ALL SELECT 'd')";

/**
 * Cuts the spans [s, e) selected by `source` (columns s, e, plus any others) at local midnights:
 * one row per local day with `day` and `ms`, and the source's columns (report_days holds 0..40).
 */
const spans = (source: string) => `(SELECT date((x.d0 + d.n) * 86400, 'unixepoch') AS day,
    min(x.e, (x.d0 + d.n + 1) * 86400000 - x.o) - max(x.s, (x.d0 + d.n) * 86400000 - x.o) AS ms, x.*
  FROM (SELECT y.*, (y.s + y.o) / 86400000 AS d0, (y.e + y.o) / 86400000 AS d1
        FROM (SELECT z.*, ${OFFSET} AS o FROM (${source}) z) y) x
  JOIN report_days d ON d.n <= x.d1 - x.d0)`;

/** The category of a stored pause reason: the code, or the console's Vietnamese words (metrics-time.ts reasonOf). */
const category = (r: string) => `CASE WHEN ${r} IN ('break', 'meeting', 'fieldWork', 'other') THEN ${r}
  WHEN ${r} LIKE 'Nghỉ%' THEN 'break' WHEN ${r} LIKE 'Họp%' THEN 'meeting'
  WHEN ${r} LIKE 'Công tác%' OR ${r} LIKE '%thực địa%' THEN 'fieldWork' ELSE 'other' END`;

/** Adds a pause span (columns s, e, official, cat) to officials, counters and the site. */
const pauseUpsert = (source: string) => `
    INSERT INTO report_daily (site_id, dim, day, key, pause_break_ms, pause_meeting_ms, pause_field_ms, pause_other_ms)
    SELECT NEW.site_id, k.dim, p.day,
      CASE k.dim WHEN 'o' THEN CAST(p.official AS TEXT) WHEN 'c' THEN CAST(NEW.counter AS TEXT) ELSE '' END,
      p.ms * (p.cat = 'break'), p.ms * (p.cat = 'meeting'), p.ms * (p.cat = 'fieldWork'), p.ms * (p.cat = 'other')
    FROM ${spans(source)} p, ${O_DIMS} k WHERE p.ms > 0 AND p.official IS NOT NULL
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET pause_break_ms = pause_break_ms + excluded.pause_break_ms,
      pause_meeting_ms = pause_meeting_ms + excluded.pause_meeting_ms, pause_field_ms = pause_field_ms + excluded.pause_field_ms,
      pause_other_ms = pause_other_ms + excluded.pause_other_ms;`;

/** The session a logout ends started at the official's last login at that counter. */
const LOGIN_AT = `(SELECT e.at FROM events e WHERE e.site_id = NEW.site_id AND e.counter = NEW.counter AND e.type = 'login'
    AND e.at <= NEW.at AND e.id < NEW.id AND e.official_id = NEW.official_id ORDER BY e.at DESC, e.id DESC LIMIT 1)`;

const EVENT_COLUMNS = 'id, site_id, at, day, type, ticket_id, counter, official_id, service, data_json';
const RATING_COLUMNS = 'id, site_id, at, level, scale_size, ticket_id, counter, official_id, service';

/** key of a dimension for an event-like row: official, counter, service, hour of `at`, whole site */
const keyOf = (o: string, c: string, s: string, at: string) =>
  `CASE k.dim WHEN 'o' THEN CAST(${o} AS TEXT) WHEN 'c' THEN CAST(${c} AS TEXT) WHEN 's' THEN ${s}
   WHEN 'h' THEN ${hourOf(at)} ELSE '' END`;

const histUpsert = (
  metric: 'w' | 's',
  day: string,
  ms: string,
  o: string,
  c: string,
  s: string,
  at: string,
) => `
  INSERT INTO report_hist (site_id, dim, metric, period, key, minute, n)
  SELECT site_id, dim, '${metric}', period, key, minute, 1 FROM (
    SELECT NEW.site_id AS site_id, k.dim AS dim,
      CASE k.dim WHEN 'd' THEN ${day} ELSE substr(${day}, 1, 7) END AS period,
      ${keyOf(o, c, s, at)} AS key, min(1440, max(0, ${ms}) / 60000) AS minute
    FROM ${DIMS} k) WHERE key IS NOT NULL AND period IS NOT NULL
  ON CONFLICT (site_id, dim, metric, period, key, minute) DO UPDATE SET n = n + 1;`;

export const REPORTS_MIGRATION = `
  CREATE TABLE report_config (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT INTO report_config (key, value) VALUES ('utcOffsetMs', 25200000);
  CREATE TABLE report_daily (
    site_id TEXT NOT NULL, dim TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL,
    issued INTEGER NOT NULL DEFAULT 0,
    waits INTEGER NOT NULL DEFAULT 0, wait_sum INTEGER NOT NULL DEFAULT 0, wait_max INTEGER,
    served INTEGER NOT NULL DEFAULT 0, service_sum INTEGER NOT NULL DEFAULT 0, service_max INTEGER,
    no_shows INTEGER NOT NULL DEFAULT 0, transferred INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0, recalls INTEGER NOT NULL DEFAULT 0,
    serving_ms INTEGER NOT NULL DEFAULT 0, login_ms INTEGER NOT NULL DEFAULT 0,
    pause_break_ms INTEGER NOT NULL DEFAULT 0, pause_meeting_ms INTEGER NOT NULL DEFAULT 0,
    pause_field_ms INTEGER NOT NULL DEFAULT 0, pause_other_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, dim, day, key)
  ) WITHOUT ROWID;
  CREATE TABLE report_hist (
    site_id TEXT NOT NULL, dim TEXT NOT NULL, metric TEXT NOT NULL, period TEXT NOT NULL, key TEXT NOT NULL,
    minute INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (site_id, dim, metric, period, key, minute)
  ) WITHOUT ROWID;
  CREATE TABLE report_visits (
    site_id TEXT NOT NULL, metric TEXT NOT NULL, day TEXT NOT NULL, id INTEGER NOT NULL,
    at INTEGER NOT NULL, service TEXT, counter INTEGER, official_id INTEGER, ms INTEGER NOT NULL,
    PRIMARY KEY (site_id, metric, day, id)
  ) WITHOUT ROWID;
  CREATE TABLE report_ratings (
    site_id TEXT NOT NULL, dim TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL,
    scale_size INTEGER NOT NULL, level INTEGER NOT NULL, n INTEGER NOT NULL, linked INTEGER NOT NULL,
    PRIMARY KEY (site_id, dim, day, key, scale_size, level)
  ) WITHOUT ROWID;
  CREATE TABLE report_days (n INTEGER PRIMARY KEY);
  INSERT INTO report_days (n) WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < 40) SELECT n FROM c;
  CREATE INDEX sessions_report ON sessions (site_id, created_at) WHERE ended_at IS NULL;

  CREATE VIEW report_feed AS SELECT ${EVENT_COLUMNS} FROM events WHERE 0;
  CREATE VIEW report_rating_feed AS SELECT ${RATING_COLUMNS} FROM ratings WHERE 0;

  CREATE TRIGGER report_events AFTER INSERT ON events
  WHEN NEW.type IN ('issued', 'called', 'recalled', 'finished', 'no_show', 'transferred', 'cancelled', 'logout', 'resumed')
  BEGIN
    INSERT INTO report_feed (${EVENT_COLUMNS}) VALUES (NEW.id, NEW.site_id, NEW.at, NEW.day, NEW.type,
      NEW.ticket_id, NEW.counter, NEW.official_id, NEW.service, NEW.data_json);
  END;
  CREATE TRIGGER report_ratings_in AFTER INSERT ON ratings BEGIN
    INSERT INTO report_rating_feed (${RATING_COLUMNS}) VALUES (NEW.id, NEW.site_id, NEW.at, NEW.level,
      NEW.scale_size, NEW.ticket_id, NEW.counter, NEW.official_id, NEW.service);
  END;

  CREATE TRIGGER report_feed_issued INSTEAD OF INSERT ON report_feed WHEN NEW.type = 'issued' BEGIN
    INSERT INTO report_daily (site_id, dim, day, key, issued)
    SELECT NEW.site_id, dim, NEW.day, key, 1 FROM (
      SELECT k.dim AS dim, ${keyOf('NULL', 'NULL', 'NEW.service', 'NEW.at')} AS key FROM ${DIMS} k)
    WHERE key IS NOT NULL
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET issued = issued + 1;
  END;

  CREATE TRIGGER report_feed_first_call INSTEAD OF INSERT ON report_feed WHEN NEW.type = 'called'
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = NEW.ticket_id AND e.type = 'called' AND e.id < NEW.id)
  BEGIN
    INSERT OR IGNORE INTO report_visits (site_id, metric, day, id, at, service, counter, official_id, ms)
    SELECT NEW.site_id, 'w', t.day, t.id, t.issued_at, NEW.service, NEW.counter, NEW.official_id,
      max(0, NEW.at - t.issued_at) FROM tickets t WHERE t.id = NEW.ticket_id;
    INSERT INTO report_daily (site_id, dim, day, key, waits, wait_sum, wait_max)
    SELECT NEW.site_id, dim, day, key, 1, ms, ms FROM (
      SELECT k.dim AS dim, t.day AS day, max(0, NEW.at - t.issued_at) AS ms,
        ${keyOf('NEW.official_id', 'NEW.counter', 'NEW.service', 't.issued_at')} AS key
      FROM tickets t, ${DIMS} k WHERE t.id = NEW.ticket_id)
    WHERE key IS NOT NULL
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET waits = waits + 1, wait_sum = wait_sum + excluded.wait_sum,
      wait_max = max(coalesce(wait_max, 0), excluded.wait_max);
    ${histUpsert(
      'w',
      '(SELECT day FROM tickets WHERE id = NEW.ticket_id)',
      'NEW.at - (SELECT issued_at FROM tickets WHERE id = NEW.ticket_id)',
      'NEW.official_id',
      'NEW.counter',
      'NEW.service',
      '(SELECT issued_at FROM tickets WHERE id = NEW.ticket_id)',
    )}
  END;

  CREATE TRIGGER report_feed_finished INSTEAD OF INSERT ON report_feed WHEN NEW.type = 'finished' BEGIN
    INSERT OR IGNORE INTO report_visits (site_id, metric, day, id, at, service, counter, official_id, ms)
    VALUES (NEW.site_id, 's', NEW.day, NEW.id, NEW.at, NEW.service, NEW.counter, NEW.official_id,
      max(0, NEW.at - coalesce((SELECT e.at FROM events e WHERE e.ticket_id = NEW.ticket_id AND e.type = 'started'
        AND e.id < NEW.id ORDER BY e.id DESC LIMIT 1), NEW.at)));
    INSERT INTO report_daily (site_id, dim, day, key, served, service_sum, service_max)
    SELECT NEW.site_id, dim, NEW.day, key, 1, ms, ms FROM (
      SELECT k.dim AS dim, v.ms AS ms, ${keyOf('NEW.official_id', 'NEW.counter', 'NEW.service', 'NEW.at')} AS key
      FROM report_visits v, ${DIMS} k
      WHERE v.site_id = NEW.site_id AND v.metric = 's' AND v.day = NEW.day AND v.id = NEW.id)
    WHERE key IS NOT NULL
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET served = served + 1,
      service_sum = service_sum + excluded.service_sum, service_max = max(coalesce(service_max, 0), excluded.service_max);
    ${histUpsert(
      's',
      'NEW.day',
      "(SELECT ms FROM report_visits WHERE site_id = NEW.site_id AND metric = 's' AND day = NEW.day AND id = NEW.id)",
      'NEW.official_id',
      'NEW.counter',
      'NEW.service',
      'NEW.at',
    )}
  END;

  CREATE TRIGGER report_feed_marks INSTEAD OF INSERT ON report_feed
  WHEN NEW.type IN ('no_show', 'transferred', 'cancelled', 'recalled') BEGIN
    INSERT INTO report_daily (site_id, dim, day, key, no_shows, transferred, cancelled, recalls)
    SELECT NEW.site_id, dim, NEW.day, key, NEW.type = 'no_show', NEW.type = 'transferred',
      NEW.type = 'cancelled', NEW.type = 'recalled' FROM (
      SELECT k.dim AS dim, ${keyOf(
        'NEW.official_id',
        'NEW.counter',
        "CASE WHEN NEW.type = 'transferred' THEN coalesce(json_extract(NEW.data_json, '$.fromService'), NEW.service) ELSE NEW.service END",
        'NEW.at',
      )} AS key FROM ${DIMS} k)
    WHERE key IS NOT NULL
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET no_shows = no_shows + excluded.no_shows,
      transferred = transferred + excluded.transferred, cancelled = cancelled + excluded.cancelled,
      recalls = recalls + excluded.recalls;
  END;

  CREATE TRIGGER report_feed_serving INSTEAD OF INSERT ON report_feed
  WHEN NEW.type IN ('finished', 'no_show')
    OR (NEW.type = 'transferred' AND json_extract(NEW.data_json, '$.fromCounter') IS NOT NULL)
    OR (NEW.type = 'cancelled' AND json_extract(NEW.data_json, '$.fromStatus') IN ('called', 'serving'))
  BEGIN
    INSERT INTO report_daily (site_id, dim, day, key, serving_ms)
    SELECT NEW.site_id, k.dim, p.day,
      CASE k.dim WHEN 'o' THEN CAST(p.official_id AS TEXT) WHEN 'c' THEN CAST(p.counter AS TEXT) ELSE '' END, p.ms
    FROM ${spans(`SELECT e.at AS s, NEW.at AS e, e.counter, e.official_id FROM events e WHERE e.ticket_id = NEW.ticket_id
        AND e.type = 'called' AND e.id < NEW.id ORDER BY e.id DESC LIMIT 1`)} p, ${O_DIMS} k
    WHERE p.ms > 0 AND (k.dim = 'd' OR (k.dim = 'o' AND p.official_id IS NOT NULL) OR (k.dim = 'c' AND p.counter IS NOT NULL))
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET serving_ms = serving_ms + excluded.serving_ms;
  END;

  CREATE TRIGGER report_feed_logout INSTEAD OF INSERT ON report_feed
  WHEN NEW.type = 'logout' AND NEW.counter IS NOT NULL AND NEW.official_id IS NOT NULL BEGIN
    INSERT INTO report_daily (site_id, dim, day, key, login_ms)
    SELECT NEW.site_id, k.dim, p.day,
      CASE k.dim WHEN 'o' THEN CAST(NEW.official_id AS TEXT) WHEN 'c' THEN CAST(NEW.counter AS TEXT) ELSE '' END, p.ms
    FROM ${spans(`SELECT ${LOGIN_AT} AS s, NEW.at AS e`)} p, ${O_DIMS} k WHERE p.ms > 0
    ON CONFLICT (site_id, dim, day, key) DO UPDATE SET login_ms = login_ms + excluded.login_ms;
    ${pauseUpsert(`SELECT m.at AS s, NEW.at AS e, m.official_id AS official,
        ${category("json_extract(m.data_json, '$.reason')")} AS cat
      FROM (SELECT e.at, e.type, e.official_id, e.data_json FROM events e WHERE e.site_id = NEW.site_id
        AND e.counter = NEW.counter AND e.type IN ('paused', 'resumed') AND e.at <= NEW.at AND e.id < NEW.id
        ORDER BY e.at DESC, e.id DESC LIMIT 1) m
      WHERE m.type = 'paused' AND m.at >= ${LOGIN_AT}`)}
  END;

  CREATE TRIGGER report_feed_resumed INSTEAD OF INSERT ON report_feed
  WHEN NEW.type = 'resumed' AND NEW.counter IS NOT NULL BEGIN
    ${pauseUpsert(`SELECT e.at AS s, NEW.at AS e, e.official_id AS official,
        ${category("json_extract(e.data_json, '$.reason')")} AS cat
      FROM events e WHERE e.site_id = NEW.site_id AND e.counter = NEW.counter AND e.type = 'paused'
        AND e.at <= NEW.at AND e.id < NEW.id ORDER BY e.at DESC, e.id DESC LIMIT 1`)}
  END;

  CREATE TRIGGER report_rating_feed_in INSTEAD OF INSERT ON report_rating_feed BEGIN
    INSERT INTO report_ratings (site_id, dim, day, key, scale_size, level, n, linked)
    SELECT NEW.site_id, dim, day, key, NEW.scale_size, NEW.level, 1, NEW.ticket_id IS NOT NULL FROM (
      SELECT k.dim AS dim, date((NEW.at + ${OFFSET}) / 1000, 'unixepoch') AS day,
        ${keyOf('NEW.official_id', 'NEW.counter', 'NEW.service', 'NEW.at')} AS key FROM ${DIMS} k)
    WHERE key IS NOT NULL
    ON CONFLICT (site_id, dim, day, key, scale_size, level) DO UPDATE SET n = n + 1, linked = linked + excluded.linked;
  END;

  INSERT INTO report_feed (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM events
    WHERE type IN ('issued', 'called', 'recalled', 'finished', 'no_show', 'transferred', 'cancelled', 'logout', 'resumed')
    ORDER BY id;
  INSERT INTO report_rating_feed (${RATING_COLUMNS}) SELECT ${RATING_COLUMNS} FROM ratings ORDER BY id;
`;
