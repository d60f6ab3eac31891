import { OPEN_TICKETS } from './migrations.js';
import type { DomainEvent } from '../../core/domain/events.js';
import { localDay } from '../../core/domain/local-time.js';
import type { Queued } from '../../core/domain/ordering.js';
import type { Ticket } from '../../core/domain/ticket.js';
import type { Db } from './open.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toTicket(r: Row): Ticket {
  return {
    id: Number(r.id),
    siteId: String(r.site_id),
    day: String(r.day),
    seq: Number(r.seq),
    label: String(r.label),
    service: String(r.service),
    priority: str(r.priority),
    status: r.status as Ticket['status'],
    issuedAt: Number(r.issued_at),
    firstCalledAt: num(r.first_called_at),
    lastCalledAt: num(r.last_called_at),
    startedAt: num(r.started_at),
    finishedAt: num(r.finished_at),
    counter: num(r.counter),
    officialId: num(r.official_id),
    targetCounter: num(r.target_counter),
    recalls: Number(r.recalls),
    token: String(r.token),
    dossierCode: str(r.dossier_code),
    cancelReason: str(r.cancel_reason),
  };
}

export interface RecentCall {
  ticketId: number;
  label: string;
  counter: number;
  service: string;
  at: number;
  recall: boolean;
}

/** Tickets, numbering sequences and the event log. All SQL about tickets lives here, mapped once. */
export class TicketRepo {
  private readonly s;

  constructor(
    private readonly db: Db,
    readonly zone: string,
  ) {
    this.s = {
      byId: db.prepare('SELECT * FROM tickets WHERE id = ?'),
      byToken: db.prepare('SELECT * FROM tickets WHERE token = ?'),
      byRequest: db.prepare('SELECT * FROM tickets WHERE site_id = ? AND request_id = ?'),
      byLabel: db.prepare(
        `SELECT * FROM tickets WHERE site_id = ? AND label = ? AND ${OPEN_TICKETS} ORDER BY issued_at DESC LIMIT 1`,
      ),
      open: db.prepare(
        `SELECT id, service, priority, issued_at, target_counter FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting'`,
      ),
      openFull: db.prepare(
        `SELECT * FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} ORDER BY issued_at, id`,
      ),
      atCounter: db.prepare(
        `SELECT * FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND counter = ? AND status IN ('called','serving') ORDER BY last_called_at DESC LIMIT 1`,
      ),
      lastSeq: db.prepare('SELECT last_seq FROM day_sequences WHERE site_id = ? AND prefix = ? AND day = ?'),
      setSeq: db.prepare(
        'INSERT INTO day_sequences (site_id, prefix, day, last_seq) VALUES (?,?,?,?) ON CONFLICT (site_id, prefix, day) DO UPDATE SET last_seq = excluded.last_seq',
      ),
      insert:
        db.prepare(`INSERT INTO tickets (site_id, day, seq, label, service, original_service, priority, status,
        issued_at, recalls, token, request_id) VALUES (@siteId, @day, @seq, @label, @service, @service, @priority,
        'waiting', @issuedAt, 0, @token, @requestId)`),
      update:
        db.prepare(`UPDATE tickets SET service = @service, status = @status, first_called_at = @firstCalledAt,
        last_called_at = @lastCalledAt, started_at = @startedAt, finished_at = @finishedAt, counter = @counter,
        official_id = @officialId, target_counter = @targetCounter, recalls = @recalls, dossier_code = @dossierCode,
        cancel_reason = @cancelReason WHERE id = @id`),
      event:
        db.prepare(`INSERT INTO events (site_id, at, day, type, ticket_id, counter, official_id, service, data_json)
        VALUES (?,?,?,?,?,?,?,?,?)`),
      aheadAll: db.prepare(
        `SELECT COUNT(*) AS n FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting' AND service = ? AND issued_at <= ? AND id <> ?`,
      ),
      aheadPriority: db.prepare(
        `SELECT COUNT(*) AS n FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting' AND service = ? AND issued_at <= ? AND id <> ? AND priority IS NOT NULL`,
      ),
      waitingCounts: db.prepare(
        `SELECT service, COUNT(*) AS n FROM tickets WHERE site_id = ? AND ${OPEN_TICKETS} AND status = 'waiting' GROUP BY service`,
      ),
      recentCalls: db.prepare(`SELECT e.ticket_id, t.label, e.counter, e.service, e.at, e.type FROM events e
        JOIN tickets t ON t.id = e.ticket_id WHERE e.site_id = ? AND e.type IN ('called','recalled')
        ORDER BY e.at DESC, e.id DESC LIMIT ?`),
      counterCalls: db.prepare(`SELECT t.priority FROM events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.site_id = ? AND e.counter = ? AND e.type = 'called' ORDER BY e.at DESC, e.id DESC LIMIT ?`),
    };
  }

  byId(id: number): Ticket | null {
    const r = this.s.byId.get(id) as Row | undefined;
    return r ? toTicket(r) : null;
  }
  byToken(token: string): Ticket | null {
    const r = this.s.byToken.get(token) as Row | undefined;
    return r ? toTicket(r) : null;
  }
  byRequestId(siteId: string, requestId: string): Ticket | null {
    const r = this.s.byRequest.get(siteId, requestId) as Row | undefined;
    return r ? toTicket(r) : null;
  }
  /** The open ticket with that label (labels repeat across days; open ones are unique in practice). */
  openByLabel(siteId: string, label: string): Ticket | null {
    const r = this.s.byLabel.get(siteId, label) as Row | undefined;
    return r ? toTicket(r) : null;
  }
  waiting(siteId: string): Queued[] {
    return (this.s.open.all(siteId) as Row[]).map((r) => ({
      id: Number(r.id),
      service: String(r.service),
      priority: str(r.priority),
      issuedAt: Number(r.issued_at),
      targetCounter: num(r.target_counter),
    }));
  }
  openTickets(siteId: string): Ticket[] {
    return (this.s.openFull.all(siteId) as Row[]).map(toTicket);
  }
  currentAt(siteId: string, counter: number): Ticket | null {
    const r = this.s.atCounter.get(siteId, counter) as Row | undefined;
    return r ? toTicket(r) : null;
  }
  lastSeq(siteId: string, prefix: string, day: string): number {
    const r = this.s.lastSeq.get(siteId, prefix, day) as { last_seq: number } | undefined;
    return r?.last_seq ?? 0;
  }
  insert(t: Omit<Ticket, 'id'> & { requestId: string | null }, prefix: string): Ticket {
    this.s.setSeq.run(t.siteId, prefix, t.day, t.seq);
    const { lastInsertRowid } = this.s.insert.run({
      siteId: t.siteId,
      day: t.day,
      seq: t.seq,
      label: t.label,
      service: t.service,
      priority: t.priority,
      issuedAt: t.issuedAt,
      token: t.token,
      requestId: t.requestId,
    });
    return this.byId(Number(lastInsertRowid))!;
  }
  update(t: Ticket): void {
    this.s.update.run({ ...t });
  }
  recordEvents(siteId: string, events: readonly DomainEvent[]): void {
    for (const e of events) {
      this.s.event.run(
        siteId,
        e.at,
        localDay(e.at, this.zone),
        e.type,
        e.ticketId,
        e.counter,
        e.officialId,
        e.service,
        JSON.stringify(e.data),
      );
    }
  }
  /** Waiting tickets of the same service issued no later than `t` (all of them, or only priority ones). */
  waitingBefore(t: Ticket, onlyPriority: boolean): number {
    const stmt = onlyPriority ? this.s.aheadPriority : this.s.aheadAll;
    return (stmt.get(t.siteId, t.service, t.issuedAt, t.id) as { n: number }).n;
  }
  waitingCounts(siteId: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.s.waitingCounts.all(siteId) as Row[]) out[String(r.service)] = Number(r.n);
    return out;
  }
  recentCalls(siteId: string, limit: number): RecentCall[] {
    return (this.s.recentCalls.all(siteId, limit) as Row[]).map((r) => ({
      ticketId: Number(r.ticket_id),
      label: String(r.label),
      counter: Number(r.counter),
      service: String(r.service),
      at: Number(r.at),
      recall: r.type === 'recalled',
    }));
  }
  /** The counter's recent first calls, newest first, for the priority ratio. */
  recentCallsAt(siteId: string, counter: number, limit: number): { priority: boolean }[] {
    return (this.s.counterCalls.all(siteId, counter, limit) as Row[]).map((r) => ({
      priority: r.priority !== null,
    }));
  }
  /** For callers that need their own statement in the same transaction. */
  get database(): Db {
    return this.db;
  }
}
