import { createHash, randomBytes } from 'node:crypto';
import type { LoginBody, SessionView } from '../../core/contracts/api.js';
import type { Clock } from '../../core/domain/clock.js';
import { checkCounterLogin } from '../../core/domain/counter-session.js';
import { DomainError } from '../../core/domain/errors.js';
import { event } from '../../core/domain/events.js';
import { hashPinSync, verifyPin } from '../auth/pin-hash.js';
import type { OfficialRecord, SessionRecord, SessionRepo } from '../db/session-repo.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import { securitySettings } from './admin-settings-service.js';
import type { Actor } from './queue-service.js';
import type { SiteCatalog } from './site-catalog.js';
import { iso } from './views.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 5;
const DUMMY_HASH = hashPinSync('not-a-real-pin');

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface AuthDeps {
  catalog: SiteCatalog;
  sessions: SessionRepo;
  tickets: TicketRepo;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  sessionHours: number;
}

export interface Authenticated {
  session: SessionRecord;
  official: OfficialRecord;
  actor: Actor;
}

/** Logins (PIN checked with scrypt, lockout after repeated failures), sessions, pause and resume. */
export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  async login(body: LoginBody): Promise<{ token: string; view: SessionView }> {
    const official = this.d.sessions.officialByUsername(body.username.trim().toLowerCase());
    const now = this.d.clock.now();
    if (official?.lockedUntil && official.lockedUntil > now) {
      throw new DomainError('ACCOUNT_LOCKED', { minutes: Math.ceil((official.lockedUntil - now) / 60_000) });
    }
    const ok = await verifyPin(body.pin, official?.pinHash ?? DUMMY_HASH);
    if (!official || !ok) {
      if (official) await this.recordFailure(official);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    if (!official.active) throw new DomainError('ACCOUNT_INACTIVE');
    if (official.role === 'official' && body.counter === undefined) throw new DomainError('COUNTER_REQUIRED');
    const token = randomBytes(32).toString('base64url');
    const session = await this.d.writes.run(() => this.openSession(official, body, sessionIdOf(token)));
    if (body.counter !== undefined) this.d.bus.emit('counterChanged', { counter: body.counter });
    return { token, view: this.view(session, official) };
  }

  private async recordFailure(o: OfficialRecord): Promise<void> {
    const failed = o.failedAttempts + 1;
    const { maxFailedLogins, lockMinutes } = securitySettings(this.d.catalog); // defaults 5 and 5
    const lock = failed >= maxFailedLogins ? this.d.clock.now() + lockMinutes * 60_000 : null;
    await this.d.writes.run(() => this.d.sessions.setLoginFailures(o.id, lock ? 0 : failed, lock));
  }

  private openSession(official: OfficialRecord, body: LoginBody, id: string): SessionRecord {
    const { sessions, catalog, tickets } = this.d;
    const now = this.d.clock.now();
    const counter = body.counter ?? null;
    if (counter !== null) {
      catalog.counter(counter);
      const holder = sessions.holder(catalog.siteId, counter, now);
      const outcome = checkCounterLogin(holder, official.id, official.role, body.takeover === true);
      if (holder && outcome !== 'free')
        this.closeSession(holder.sessionId, now, { takenOverBy: official.id });
    }
    for (const other of sessions.openSessionsOf(official.id, now)) {
      if (other.counter !== null && other.counter !== counter)
        this.closeSession(other.id, now, { movedTo: counter });
    }
    sessions.setLoginFailures(official.id, 0, null);
    const session = {
      id,
      officialId: official.id,
      siteId: catalog.siteId,
      counter,
      csrf: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: now + this.d.sessionHours * 3_600_000,
    };
    sessions.createSession(session);
    if (counter !== null) sessions.holdCounter(catalog.siteId, counter, official.id, id);
    tickets.recordEvents(catalog.siteId, [event('login', now, { counter, officialId: official.id })]);
    return { ...session, endedAt: null };
  }

  private closeSession(sessionId: string, now: number, data: Record<string, number | null> = {}): void {
    const s = this.d.sessions.session(sessionId);
    if (!s || s.endedAt !== null) return;
    this.d.sessions.endSession(sessionId, now);
    if (s.counter !== null) this.d.sessions.releaseCounter(s.siteId, s.counter, sessionId);
    this.d.tickets.recordEvents(s.siteId, [
      event('logout', now, { counter: s.counter, officialId: s.officialId, data }),
    ]);
  }

  async logout(auth: Authenticated): Promise<void> {
    await this.d.writes.run(() => this.closeSession(auth.session.id, this.d.clock.now()));
    if (auth.session.counter !== null) this.d.bus.emit('counterChanged', { counter: auth.session.counter });
  }

  /** Resolves a session token; null when absent, throws SESSION_EXPIRED when ended or expired. */
  authenticate(token: string | undefined): Authenticated | null {
    if (!token) return null;
    const session = this.d.sessions.session(sessionIdOf(token));
    if (!session) return null;
    const official = this.d.sessions.officialById(session.officialId);
    if (session.endedAt !== null || session.expiresAt <= this.d.clock.now() || !official?.active) {
      throw new DomainError('SESSION_EXPIRED');
    }
    const actor: Actor = {
      officialId: official.id,
      sessionId: session.id,
      counter: session.counter,
      role: official.role,
    };
    return { session, official, actor };
  }

  view(session: SessionRecord, official: OfficialRecord): SessionView {
    return {
      official: {
        id: official.id,
        username: official.username,
        displayName: official.displayName,
        role: official.role,
        agency: official.agency,
      },
      counter: session.counter,
      csrfToken: session.csrf,
      expiresAt: iso(session.expiresAt),
    };
  }
}
