import type { TicketView } from '../../core/contracts/api.js';
import { type DayStatus, END_OF_DAY_REASON, type EndDayResult } from '../../core/contracts/admin-ops.js';
import type { PrintOutcome } from '../../core/contracts/printing.js';
import { DomainError } from '../../core/domain/errors.js';
import { type DomainEvent, event } from '../../core/domain/events.js';
import { addDays, localDay } from '../../core/domain/local-time.js';
import type { Ticket } from '../../core/domain/ticket.js';
import { applyAction } from '../../core/domain/ticket-actions.js';
import type { Db } from '../db/open.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { PrintService, PrintState } from '../printing/print-service.js';
import { type AdminChanges, readSetting } from './admin-changes.js';
import { ticketView } from './views.js';

const CLOSED_EARLY_KEY = 'closedEarlyDays';
const KEEP_CLOSED_DAYS = 60;

/**
 * Day operations: close issuing early today (and reopen), end the day (cancel what is still
 * waiting), find, reprint and cancel a ticket. Each is audited in the same transaction.
 */
export class AdminDayService {
  constructor(
    private readonly c: AdminChanges,
    private readonly tickets: TicketRepo,
    private readonly printing: PrintService,
  ) {}

  today(): string {
    return localDay(this.c.now(), this.tickets.zone);
  }

  status(): DayStatus {
    const day = this.today();
    const siteId = this.c.d.catalog.siteId;
    const open = { waiting: 0, called: 0, serving: 0, noShow: 0 };
    let fromEarlierDays = 0;
    for (const t of this.tickets.openTickets(siteId)) {
      if (t.day < day && (t.status === 'waiting' || t.status === 'no_show')) fromEarlierDays++;
      if (t.day !== day) continue;
      if (t.status === 'no_show') open.noShow++;
      else if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') open[t.status]++;
    }
    return {
      day,
      closedEarly: this.c.d.catalog.settings.closedEarlyDays.includes(day),
      open,
      fromEarlierDays,
    };
  }

  async setClosedEarly(by: number, closed: boolean): Promise<DayStatus> {
    const day = this.today();
    await this.c.commit(by, (db) => {
      const audit = this.writeClosedEarly(db, day, closed);
      return { result: undefined, audit };
    });
    return this.status();
  }

  private writeClosedEarly(db: Db, day: string, closed: boolean) {
    const siteId = this.c.d.catalog.siteId;
    const raw = readSetting(db, siteId, CLOSED_EARLY_KEY);
    const before = Array.isArray(raw) ? (raw as string[]) : [];
    const oldest = addDays(day, -KEEP_CLOSED_DAYS);
    const after = [...new Set([...before.filter((d) => d !== day), ...(closed ? [day] : [])])]
      .filter((d) => d >= oldest)
      .sort();
    db.prepare(
      `INSERT INTO settings (site_id, key, value_json) VALUES (?, ?, ?)
       ON CONFLICT (site_id, key) DO UPDATE SET value_json = excluded.value_json`,
    ).run(siteId, CLOSED_EARLY_KEY, JSON.stringify(after));
    return { action: closed ? 'day.closeEarly' : 'day.reopen', target: `day:${day}`, before, after };
  }

  /** Closes issuing for today and cancels every waiting or no-show ticket of today and earlier days. */
  async endDay(by: number): Promise<EndDayResult> {
    const day = this.today();
    const changed: { tickets: Ticket[]; events: DomainEvent[] } = { tickets: [], events: [] };
    await this.c.commit(by, (db, now) => {
      const siteId = this.c.d.catalog.siteId;
      const stale = this.tickets
        .openTickets(siteId)
        .filter((t) => t.status === 'waiting' || t.status === 'no_show');
      for (const t of stale) {
        const r = applyAction(t, 'cancel', { now, counter: null, officialId: by, reason: END_OF_DAY_REASON });
        this.tickets.update(r.ticket);
        this.tickets.recordEvents(siteId, r.events);
        changed.tickets.push(r.ticket);
        changed.events.push(...r.events);
      }
      const labels = stale.map((t) => (t.day === day ? t.label : `${t.label} (${t.day})`));
      const closing = this.writeClosedEarly(db, day, true);
      return {
        result: undefined,
        audit: [
          { action: 'day.end', target: `day:${day}`, after: { cancelled: labels.length, labels } },
          closing,
        ],
      };
    });
    if (changed.tickets.length) this.c.d.bus.emit('committed', changed);
    return {
      cancelled: changed.tickets.length,
      labels: changed.tickets.map((t) => t.label),
      status: this.status(),
    };
  }

  async cancel(by: number, id: number, reason: string): Promise<TicketView> {
    const changed = await this.c.commit(
      by,
      () => {
        const t = this.ticket(id);
        const r = applyAction(t, 'cancel', {
          now: this.c.now(),
          counter: null,
          officialId: by,
          reason: reason.normalize('NFC').trim(),
        });
        this.tickets.update(r.ticket);
        this.tickets.recordEvents(t.siteId, r.events);
        const audit = {
          action: 'ticket.cancel',
          target: `ticket:${t.id}`,
          before: { label: t.label, status: t.status },
          after: { status: r.ticket.status, reason: r.ticket.cancelReason },
        };
        return { result: { tickets: [r.ticket], events: r.events }, audit };
      },
      false,
    );
    this.c.d.bus.emit('committed', changed);
    return ticketView(changed.tickets[0]!);
  }

  async reprint(by: number, id: number): Promise<{ label: string; print: PrintState }> {
    const t = await this.c.commit(
      by,
      (_db, now) => {
        const t = this.ticket(id);
        this.tickets.recordEvents(t.siteId, [
          event('reprinted', now, { ticketId: t.id, officialId: by, service: t.service }),
        ]);
        return {
          result: t,
          audit: { action: 'ticket.reprint', target: `ticket:${t.id}`, after: { label: t.label } },
        };
      },
      false,
    );
    void this.printing.print(t);
    return { label: t.label, print: await this.printing.stateFor(t.id) };
  }

  /** Tickets of a day (today by default) whose label starts with `label`, newest first. */
  search(label = '', day = this.today()): TicketView[] {
    const ids = this.c.d.db
      .prepare(
        'SELECT id FROM tickets WHERE site_id = ? AND day = ? AND label LIKE ? ORDER BY id DESC LIMIT 50',
      )
      .all(this.c.d.catalog.siteId, day, `${label.trim().toUpperCase().replace(/[%_]/g, '')}%`) as {
      id: number;
    }[];
    return ids
      .map((r) => this.tickets.byId(r.id))
      .filter((t): t is Ticket => t !== null)
      .map(ticketView);
  }

  /** Prints a sample ticket (not stored) on the configured printer: the printer test. */
  printTest(): Promise<PrintOutcome> {
    const svc = this.c.d.catalog.site.services.find((s) => s.active) ?? this.c.d.catalog.site.services[0];
    return this.printing.print(sampleTicket(svc?.code ?? 'TEST', this.c.now(), 'finished', svc?.prefix, 0));
  }

  private ticket(id: number): Ticket {
    const t = this.tickets.byId(id);
    if (!t || t.siteId !== this.c.d.catalog.siteId) throw new DomainError('UNKNOWN_TICKET', { ticket: id });
    return t;
  }
}

/** A ticket that is never stored: printer tests (number 000, never issued) and layout previews. */
export function sampleTicket(
  service: string,
  now: number,
  status: Ticket['status'] = 'finished',
  prefix = 'A',
  seq = 23,
): Ticket {
  return {
    id: -1,
    siteId: '',
    day: '',
    seq,
    label: `${prefix}${String(seq).padStart(3, '0')}`,
    service,
    priority: null,
    status,
    issuedAt: now,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    officialId: null,
    targetCounter: null,
    recalls: 0,
    token: 'mau-thu',
    dossierCode: null,
    cancelReason: null,
  };
}
