import { randomBytes } from 'node:crypto';
import type { OfficialView } from '../../core/contracts/admin.js';
import { DomainError } from '../../core/domain/errors.js';
import type { Db } from '../db/open.js';
import type { AdminChanges } from './admin-changes.js';
import { type AdminOfficialsService, officialRow, officialView } from './admin-officials-service.js';
import { iso } from './views.js';

type Row = Record<string, unknown>;
const ANON_NAME = (id: number) => `Cán bộ #${id} (đã ẩn danh)`;

/**
 * Nghị định 13/2023/NĐ-CP for officials' data: an export of everything stored about one official,
 * and anonymisation (the erasure path that keeps reports' figures: rows keep the numeric id, the
 * name, username and login history are removed). See docs/data-protection.md.
 */
export class AdminPrivacy {
  constructor(
    private readonly c: AdminChanges,
    private readonly officials: AdminOfficialsService,
  ) {}

  /** Everything about one official, as JSON (no PIN hash). The export itself is audited. */
  exportOfficial(by: number, id: number): Promise<Record<string, unknown>> {
    return this.c.commit(
      by,
      (db) => {
        const official = officialView(officialRow(db, id));
        const data = {
          exportedAt: iso(this.c.now()),
          official,
          sessions: (
            db
              .prepare(
                'SELECT counter, created_at, ended_at, expires_at FROM sessions WHERE official_id = ? ORDER BY created_at',
              )
              .all(id) as Row[]
          ).map((r) => ({
            counter: r.counter,
            loginAt: iso(Number(r.created_at)),
            endedAt: r.ended_at === null ? null : iso(Number(r.ended_at)),
          })),
          events: db
            .prepare(
              'SELECT type, COUNT(*) AS count, MIN(at) AS first, MAX(at) AS last FROM events WHERE official_id = ? GROUP BY type',
            )
            .all(id),
          ticketsHandled: db
            .prepare('SELECT status, COUNT(*) AS count FROM tickets WHERE official_id = ? GROUP BY status')
            .all(id),
          ratings: db
            .prepare(
              'SELECT level, scale_size AS scaleSize, COUNT(*) AS count FROM ratings WHERE official_id = ? GROUP BY level, scale_size',
            )
            .all(id),
          audit: this.c.audit.aboutOfficial(id),
        };
        return { result: data, audit: { action: 'official.export', target: `official:${id}` } };
      },
      false,
    );
  }

  /** Deactivates, removes name/username/PIN and redacts them from earlier audit rows. */
  anonymise(by: number, id: number): Promise<OfficialView> {
    return this.c.commit(by, (db, now) => {
      const before = officialView(officialRow(db, id));
      if (before.role === 'admin' && before.active) this.keepAnAdmin(db, id);
      if (before.active) this.officials.endSessions(db, id, now);
      db.prepare(
        `UPDATE officials SET username = ?, display_name = ?, pin_hash = ?, active = 0, failed_attempts = 0,
         locked_until = NULL WHERE id = ?`,
      ).run(`an-${id}-${randomBytes(3).toString('hex')}`, ANON_NAME(id), 'disabled', id);
      for (const col of ['before_json', 'after_json']) {
        db.prepare(
          `UPDATE audit SET ${col} = json_replace(${col}, '$.displayName', ?, '$.username', ?)
           WHERE target = ? AND ${col} IS NOT NULL AND json_valid(${col}) AND json_type(${col}) = 'object'`,
        ).run(ANON_NAME(id), '', `official:${id}`);
      }
      const after = officialView(officialRow(db, id));
      return {
        result: after,
        audit: {
          action: 'official.anonymise',
          target: `official:${id}`,
          before: { active: before.active, role: before.role },
          after,
        },
      };
    });
  }

  private keepAnAdmin(db: Db, id: number): void {
    const n = db
      .prepare("SELECT COUNT(*) AS n FROM officials WHERE role = 'admin' AND active = 1 AND id <> ?")
      .get(id) as { n: number };
    if (n.n === 0) throw new DomainError('LAST_ADMIN');
  }
}
