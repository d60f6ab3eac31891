import type { OfficialCreate, OfficialPatch, OfficialView } from '../../core/contracts/admin.js';
import { minPinLength } from '../../core/contracts/admin-rules.js';
import type { Role } from '../../core/contracts/site.js';
import { DomainError } from '../../core/domain/errors.js';
import { event } from '../../core/domain/events.js';
import { hashPin } from '../auth/pin-hash.js';
import type { Db } from '../db/open.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { AdminChanges } from './admin-changes.js';
import { nfc } from './admin-site-service.js';
import { iso } from './views.js';

type Row = Record<string, unknown>;

export function officialView(r: Row): OfficialView {
  return {
    id: Number(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    agency: String(r.agency),
    role: r.role as Role,
    active: r.active === 1,
    lockedUntil: r.locked_until === null ? null : iso(Number(r.locked_until)),
    createdAt: iso(Number(r.created_at)),
  };
}

export function officialRow(db: Db, id: number): Row {
  const r = db.prepare('SELECT * FROM officials WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw new DomainError('UNKNOWN_OFFICIAL');
  return r;
}

function checkPin(pin: string, role: Role): void {
  const min = minPinLength(role);
  if (pin.normalize('NFC').length < min) throw new DomainError('PIN_TOO_SHORT', { min });
}

/** The last active administrator may not be deactivated or demoted. */
function keepAnAdmin(db: Db, id: number): void {
  const others = db
    .prepare("SELECT COUNT(*) AS n FROM officials WHERE role = 'admin' AND active = 1 AND id <> ?")
    .get(id) as {
    n: number;
  };
  if (others.n === 0) throw new DomainError('LAST_ADMIN');
}

/**
 * Officials, leaders and administrators: create with a PIN (scrypt), reset a PIN, change role or
 * home agency, deactivate. An official is never deleted: tickets, events and ratings keep their id.
 */
export class AdminOfficialsService {
  constructor(
    private readonly c: AdminChanges,
    private readonly tickets: TicketRepo,
  ) {}

  list(): OfficialView[] {
    return (
      this.c.d.db.prepare('SELECT * FROM officials ORDER BY active DESC, role, display_name').all() as Row[]
    ).map(officialView);
  }

  async create(by: number, body: OfficialCreate): Promise<OfficialView> {
    checkPin(body.pin, body.role);
    const hash = await hashPin(body.pin);
    const username = body.username.trim().toLowerCase();
    return this.c.commit(by, (db, now) => {
      if (db.prepare('SELECT 1 FROM officials WHERE username = ?').get(username))
        throw new DomainError('USERNAME_TAKEN', { username });
      const info = db
        .prepare(
          'INSERT INTO officials (site_id, username, display_name, agency, role, pin_hash, created_at) VALUES (?,?,?,?,?,?,?)',
        )
        .run(
          this.c.d.catalog.siteId,
          username,
          nfc(body.displayName),
          nfc(body.agency),
          body.role,
          hash,
          now,
        );
      const after = officialView(officialRow(db, Number(info.lastInsertRowid)));
      return { result: after, audit: { action: 'official.create', target: `official:${after.id}`, after } };
    });
  }

  update(by: number, id: number, patch: OfficialPatch): Promise<OfficialView> {
    return this.c.commit(by, (db, now) => {
      const before = officialView(officialRow(db, id));
      const next = { ...before, ...patch };
      if (before.role === 'admin' && before.active && (next.role !== 'admin' || next.active === false))
        keepAnAdmin(db, id);
      db.prepare('UPDATE officials SET display_name = ?, agency = ?, role = ?, active = ? WHERE id = ?').run(
        nfc(next.displayName),
        nfc(next.agency),
        next.role,
        next.active ? 1 : 0,
        id,
      );
      if (patch.unlock)
        db.prepare('UPDATE officials SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
      if (before.active && next.active === false) this.endSessions(db, id, now);
      const after = officialView(officialRow(db, id));
      return { result: after, audit: { action: 'official.update', target: `official:${id}`, before, after } };
    });
  }

  /** A new PIN (hashed); clears a lockout. The hash never enters the audit log. */
  async resetPin(by: number, id: number, pin: string): Promise<OfficialView> {
    const row = officialRow(this.c.d.db, id);
    checkPin(pin, row.role as Role);
    const hash = await hashPin(pin);
    return this.c.commit(
      by,
      (db) => {
        officialRow(db, id);
        db.prepare(
          'UPDATE officials SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
        ).run(hash, id);
        const after = officialView(officialRow(db, id));
        return {
          result: after,
          audit: { action: 'official.resetPin', target: `official:${id}`, after: { pinChanged: true } },
        };
      },
      false,
    );
  }

  /** Ends the official's live sessions and frees their counters (deactivation). */
  endSessions(db: Db, id: number, now: number): void {
    const open = db
      .prepare('SELECT id, counter, site_id FROM sessions WHERE official_id = ? AND ended_at IS NULL')
      .all(id) as Array<{ id: string; counter: number | null; site_id: string }>;
    for (const s of open) {
      db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?').run(now, s.id);
      db.prepare(
        'UPDATE counter_state SET official_id = NULL, session_id = NULL, paused_reason = NULL, paused_at = NULL WHERE session_id = ?',
      ).run(s.id);
      this.tickets.recordEvents(s.site_id, [
        event('logout', now, { counter: s.counter, officialId: id, data: { deactivated: true } }),
      ]);
    }
  }
}
