import { randomBytes } from 'node:crypto';
import type { IssuedTicket, IssueTicketBody, TransferBody } from '../../core/contracts/api.js';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import { type DomainEvent, event } from '../../core/domain/events.js';
import { planIssue } from '../../core/domain/issuing.js';
import { eligibleAt, normalsSinceLastPriority, pickNext } from '../../core/domain/ordering.js';
import type { Ticket } from '../../core/domain/ticket.js';
import { type ActionContext, applyAction } from '../../core/domain/ticket-actions.js';
import type { SessionRepo } from '../db/session-repo.js';
import type { TicketRepo } from '../db/ticket-repo.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { EventBus } from '../event-bus.js';
import type { SiteCatalog } from './site-catalog.js';
import { issuedView } from './views.js';

/** The logged-in official acting, and the session's counter (null for leaders/admins without one). */
export interface Actor {
  officialId: number;
  sessionId: string;
  counter: number | null;
  role: 'official' | 'leader' | 'admin';
}

export type CounterAction = 'recall' | 'start' | 'finish' | 'noShow' | 'transfer';

interface Change {
  tickets: Ticket[];
  events: DomainEvent[];
}

export interface QueueDeps {
  catalog: SiteCatalog;
  tickets: TicketRepo;
  sessions: SessionRepo;
  writes: WriteQueue;
  bus: EventBus;
  clock: Clock;
  publicUrl: string;
}

/**
 * Issuing and counter commands. Each command loads what it needs, calls the pure domain rules and
 * commits one transaction (group-committed); events are published only after the commit.
 */
export class QueueService {
  constructor(private readonly d: QueueDeps) {}

  async issue(body: IssueTicketBody): Promise<{ ticket: IssuedTicket; created: boolean }> {
    const { catalog, tickets } = this.d;
    const out = await this.d.writes.run(() => {
      const siteId = catalog.siteId;
      const existing = body.requestId ? tickets.byRequestId(siteId, body.requestId) : null;
      const service = catalog.service(existing?.service ?? body.service);
      const ticket = existing ?? this.insertTicket(body, service.code, service.prefix);
      // people ahead, as core/domain/ordering.ts aheadOf() defines it, counted in SQL
      const ahead = tickets.waitingBefore(ticket, ticket.priority !== null);
      const events = existing ? [] : [event('issued', ticket.issuedAt, issuedFields(ticket))];
      tickets.recordEvents(siteId, events);
      return { ticket, name: service.name, ahead, events };
    });
    if (out.events.length) this.publish({ tickets: [out.ticket], events: out.events });
    return {
      ticket: issuedView(out.ticket, out.name, out.ahead, this.d.publicUrl),
      created: out.events.length > 0,
    };
  }

  private insertTicket(body: IssueTicketBody, serviceCode: string, prefix: string): Ticket {
    const { catalog, tickets, clock } = this.d;
    const now = clock.now();
    const priority = body.priority ?? null;
    const plan = planIssue({
      service: catalog.service(serviceCode),
      priority,
      categories: catalog.site.categories,
      calendar: catalog.site.calendar,
      overrides: { closedEarlyDays: catalog.settings.closedEarlyDays },
      now,
      timeZone: tickets.zone,
      lastSeqToday: (day) => tickets.lastSeq(catalog.siteId, prefix, day),
    });
    return tickets.insert(
      {
        siteId: catalog.siteId,
        ...plan,
        service: serviceCode,
        priority,
        status: 'waiting',
        issuedAt: now,
        firstCalledAt: null,
        lastCalledAt: null,
        startedAt: null,
        finishedAt: null,
        counter: null,
        officialId: null,
        targetCounter: null,
        recalls: 0,
        token: randomBytes(16).toString('base64url'),
        dossierCode: null,
        cancelReason: null,
        requestId: body.requestId ?? null,
      },
      prefix,
    );
  }

  /** Call next: the counter must be free and not paused; the ordering policy picks the ticket. */
  callNext(counter: number, actor: Actor): Promise<Ticket> {
    return this.commit(() => {
      const scope = this.readyCounter(counter, actor);
      const { catalog, tickets } = this.d;
      const policy = catalog.site.policy;
      const history = tickets.recentCallsAt(catalog.siteId, counter, policy.normalPerPriority + 1);
      const pick = pickNext(
        tickets.waiting(catalog.siteId),
        scope,
        policy,
        normalsSinceLastPriority(history),
      );
      if (!pick) throw new DomainError('QUEUE_EMPTY');
      return this.apply(tickets.byId(pick.id)!, 'call', { counter, officialId: actor.officialId });
    });
  }

  /** Call a specific waiting ticket out of order. */
  callTicket(counter: number, actor: Actor, label: string): Promise<Ticket> {
    return this.commit(() => {
      const scope = this.readyCounter(counter, actor);
      const t = this.d.tickets.openByLabel(this.d.catalog.siteId, label.trim().toUpperCase());
      if (!t) throw new DomainError('UNKNOWN_TICKET', { ticket: label.slice(0, 12) });
      if (t.status === 'waiting' && eligibleAt([t], scope).length === 0) {
        throw new DomainError('COUNTER_NOT_SERVING_SERVICE', { counter });
      }
      return this.apply(t, 'call', { counter, officialId: actor.officialId });
    });
  }

  /** recall, start, finish, no-show, transfer: act on the counter's current ticket. */
  act(
    counter: number,
    actor: Actor,
    action: CounterAction,
    body: TransferBody & { dossierCode?: string } = {},
  ) {
    return this.commit(() => {
      this.requireHolder(counter, actor);
      const current = this.d.tickets.currentAt(this.d.catalog.siteId, counter);
      if (!current) throw new DomainError('NO_CURRENT_TICKET');
      if (action === 'transfer') this.checkTransferTarget(body);
      return this.apply(current, action, {
        counter,
        officialId: actor.officialId,
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.dossierCode ? { dossierCode: body.dossierCode } : {}),
        ...(action === 'transfer'
          ? {
              transferTo: {
                ...(body.service ? { service: body.service } : {}),
                ...(body.counter ? { counter: body.counter } : {}),
              },
            }
          : {}),
      });
    });
  }

  /** No-show back to the queue, or cancel with a reason: by id, by any official or admin. */
  byId(id: number, actor: Actor, action: 'return' | 'cancel', reason?: string): Promise<Ticket> {
    return this.commit(() => {
      const t = this.d.tickets.byId(id);
      if (!t || t.siteId !== this.d.catalog.siteId) throw new DomainError('UNKNOWN_TICKET', { ticket: id });
      return this.apply(t, action, {
        counter: null,
        officialId: actor.officialId,
        ...(reason ? { reason } : {}),
      });
    });
  }

  /** Records a fact that changes no ticket (e.g. a reprint) in the event log. */
  async record(e: DomainEvent): Promise<void> {
    await this.d.writes.run(() =>
      this.d.tickets.recordEvents(this.d.catalog.siteId, [{ ...e, at: this.d.clock.now() }]),
    );
  }

  private apply(t: Ticket, action: Parameters<typeof applyAction>[1], c: Omit<ActionContext, 'now'>): Change {
    const result = applyAction(t, action, { ...c, now: this.d.clock.now() });
    this.d.tickets.update(result.ticket);
    this.d.tickets.recordEvents(this.d.catalog.siteId, result.events);
    return { tickets: [result.ticket], events: result.events };
  }

  private checkTransferTarget(body: TransferBody): void {
    if (body.service) this.d.catalog.service(body.service);
    if (body.counter !== undefined) this.d.catalog.counter(body.counter);
  }

  /** The actor must hold this counter through this very session. */
  requireHolder(counter: number, actor: Actor) {
    const c = this.d.catalog.counter(counter);
    const holder = this.d.sessions.holder(this.d.catalog.siteId, counter, this.d.clock.now());
    if (actor.counter !== counter || holder?.sessionId !== actor.sessionId) {
      throw new DomainError('NOT_AT_THIS_COUNTER', { counter });
    }
    return { c, holder };
  }

  private readyCounter(counter: number, actor: Actor) {
    const { c, holder } = this.requireHolder(counter, actor);
    if (holder.pausedReason !== null) throw new DomainError('COUNTER_PAUSED');
    const current = this.d.tickets.currentAt(this.d.catalog.siteId, counter);
    if (current) throw new DomainError('TICKET_IN_PROGRESS', { ticket: current.label });
    return { number: c.number, services: c.services };
  }

  private async commit(fn: () => Change): Promise<Ticket> {
    const change = await this.d.writes.run(fn);
    this.publish(change);
    return change.tickets[0]!;
  }

  private publish(change: Change): void {
    this.d.bus.emit('committed', change);
  }
}

function issuedFields(t: Ticket) {
  return { ticketId: t.id, service: t.service, data: { label: t.label, priority: t.priority } };
}
