import type { PairedKind } from '../../core/contracts/pairing.js';
import type { Db } from '../db/open.js';

type Row = Record<string, unknown>;

export interface PairedRecord {
  id: number;
  kind: PairedKind;
  name: string;
  counter: number | null;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

export interface CodeRecord {
  kind: PairedKind;
  counter: number | null;
  expiresAt: number;
  usedAt: number | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toPaired(r: Row): PairedRecord {
  return {
    id: Number(r.id),
    kind: r.kind as PairedKind,
    name: String(r.name),
    counter: num(r.counter),
    createdAt: Number(r.created_at),
    lastSeenAt: num(r.last_seen_at),
    revokedAt: num(r.revoked_at),
  };
}

/** SQL for `pairing_codes` and `paired_devices` (codes and tokens are stored as SHA-256 only). */
export class PairingRepo {
  constructor(private readonly db: Db) {}

  /** Inserts a code; false when an unexpired code with the same hash exists (caller retries). */
  insertCode(hash: string, c: CodeRecord, now: number): boolean {
    this.db.prepare('DELETE FROM pairing_codes WHERE expires_at <= ? OR used_at IS NOT NULL').run(now);
    const r = this.db
      .prepare(
        'INSERT INTO pairing_codes (code_hash, kind, counter, expires_at, used_at) VALUES (?,?,?,?,NULL) ON CONFLICT DO NOTHING',
      )
      .run(hash, c.kind, c.counter, c.expiresAt);
    return r.changes > 0;
  }

  /** Marks an unused, unexpired code used and returns it; null when there is none. */
  useCode(hash: string, now: number): CodeRecord | null {
    const r = this.db
      .prepare('SELECT * FROM pairing_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
      .get(hash, now) as Row | undefined;
    if (!r) return null;
    this.db.prepare('UPDATE pairing_codes SET used_at = ? WHERE code_hash = ?').run(now, hash);
    return {
      kind: r.kind as PairedKind,
      counter: num(r.counter),
      expiresAt: Number(r.expires_at),
      usedAt: now,
    };
  }

  insertDevice(
    d: { kind: PairedKind; name: string; counter: number | null; tokenHash: string },
    now: number,
  ): PairedRecord {
    const { lastInsertRowid } = this.db
      .prepare(
        'INSERT INTO paired_devices (kind, name, token_hash, counter, created_at, last_seen_at) VALUES (?,?,?,?,?,?)',
      )
      .run(d.kind, d.name.normalize('NFC'), d.tokenHash, d.counter, now, now);
    return this.byId(Number(lastInsertRowid))!;
  }

  byId(id: number): PairedRecord | null {
    const r = this.db.prepare('SELECT * FROM paired_devices WHERE id = ?').get(id) as Row | undefined;
    return r ? toPaired(r) : null;
  }

  byToken(tokenHash: string): PairedRecord | null {
    const r = this.db.prepare('SELECT * FROM paired_devices WHERE token_hash = ?').get(tokenHash) as
      | Row
      | undefined;
    return r ? toPaired(r) : null;
  }

  list(): PairedRecord[] {
    return (
      this.db.prepare('SELECT * FROM paired_devices ORDER BY revoked_at IS NOT NULL, id').all() as Row[]
    ).map(toPaired);
  }

  touch(id: number, now: number): void {
    this.db.prepare('UPDATE paired_devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  revoke(id: number, now: number): boolean {
    return (
      this.db
        .prepare('UPDATE paired_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(now, id).changes > 0
    );
  }
}
