import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  type DeviceIdentity,
  PAIRING_CODE_TTL_MS,
  type PairBody,
  type PairedDevice,
  type PairingCode,
  type PairingCodeBody,
} from '../../core/contracts/pairing.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { PairedRecord, PairingRepo } from './pairing-repo.js';
import type { Actor } from './queue-service.js';
import type { SiteCatalog } from './site-catalog.js';
import { iso } from './views.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
const TOUCH_EVERY_MS = 60_000;

export interface PairingDeps {
  repo: PairingRepo;
  catalog: SiteCatalog;
  writes: WriteQueue;
  clock: Clock;
}

export function pairedView(r: PairedRecord): PairedDevice {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    counter: r.counter,
    createdAt: iso(r.createdAt),
    lastSeenAt: r.lastSeenAt === null ? null : iso(r.lastSeenAt),
    revokedAt: r.revokedAt === null ? null : iso(r.revokedAt),
  };
}

/**
 * Pairing kiosks, rating tablets and screens: one-time 6-digit codes (10 min) made by an admin, or
 * by the official at a counter for that counter's tablet; a paired device holds a random token
 * (stored as its SHA-256) in a long-lived httpOnly cookie until an admin revokes it.
 */
export class PairingService {
  private readonly touched = new Map<number, number>();

  constructor(private readonly d: PairingDeps) {}

  async createCode(body: PairingCodeBody, actor: Actor): Promise<PairingCode> {
    const counter = this.counterFor(body, actor);
    const now = this.d.clock.now();
    const expiresAt = now + PAIRING_CODE_TTL_MS;
    const code = await this.d.writes.run(() => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = String(randomInt(0, 1_000_000)).padStart(6, '0');
        if (
          this.d.repo.insertCode(
            sha256(candidate),
            { kind: body.kind, counter, expiresAt, usedAt: null },
            now,
          )
        ) {
          return candidate;
        }
      }
      throw new DomainError('CONFLICT');
    });
    return { code, kind: body.kind, counter, expiresAt: iso(expiresAt) };
  }

  /** Admins: any kind. Officials: only the tablet of the counter they are logged in at. */
  private counterFor(body: PairingCodeBody, actor: Actor): number | null {
    if (body.kind === 'tablet' && body.counter === undefined) throw new DomainError('COUNTER_REQUIRED');
    const counter = body.kind === 'kiosk' ? null : (body.counter ?? null);
    if (counter !== null) this.d.catalog.counter(counter);
    if (actor.role === 'admin') return counter;
    if (actor.role !== 'official' || body.kind !== 'tablet') throw new DomainError('FORBIDDEN');
    if (actor.counter !== counter) throw new DomainError('NOT_AT_THIS_COUNTER', { counter: counter ?? 0 });
    return counter;
  }

  /** Trades a valid code for a device token (sent once, as the cookie). */
  async pair(body: PairBody): Promise<{ token: string; device: PairedDevice }> {
    const hash = sha256(body.code.replace(/\s+/g, ''));
    const token = randomBytes(32).toString('base64url');
    const now = this.d.clock.now();
    const record = await this.d.writes.run(() => {
      const code = this.d.repo.useCode(hash, now);
      if (!code) return null;
      return this.d.repo.insertDevice(
        { kind: code.kind, counter: code.counter, name: body.name.trim(), tokenHash: sha256(token) },
        now,
      );
    });
    if (!record) throw new DomainError('PAIRING_CODE_INVALID');
    return { token, device: pairedView(record) };
  }

  /** The device behind a cookie token; null when absent, unknown or revoked. */
  identify(token: string | undefined): DeviceIdentity | null {
    if (!token || token.length > 100) return null;
    const r = this.d.repo.byToken(sha256(token));
    if (!r || r.revokedAt !== null) return null;
    this.touch(r.id);
    return { id: r.id, kind: r.kind, counter: r.counter, name: r.name };
  }

  current(token: string | undefined): PairedDevice | null {
    const id = this.identify(token);
    const r = id ? this.d.repo.byId(id.id) : null;
    return r ? pairedView(r) : null;
  }

  list(): PairedDevice[] {
    return this.d.repo.list().map(pairedView);
  }

  async revoke(id: number): Promise<void> {
    const ok = await this.d.writes.run(() => this.d.repo.revoke(id, this.d.clock.now()));
    if (!ok) throw new DomainError('NOT_FOUND');
  }

  private touch(id: number): void {
    const now = this.d.clock.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    void this.d.writes.run(() => this.d.repo.touch(id, now)).catch(() => {});
  }
}
