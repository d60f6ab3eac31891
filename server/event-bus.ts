import type { DeviceStatus } from '../core/contracts/devices.js';
import type { DomainEvent } from '../core/domain/events.js';
import type { Ticket } from '../core/domain/ticket.js';

/** Facts published after a transaction commits. */
export interface AppEvents {
  /** tickets changed and the events recorded, in commit order */
  committed: { tickets: Ticket[]; events: DomainEvent[] };
  /** a counter's holder or pause state changed */
  counterChanged: { counter: number };
  /** site data (services, counters, settings) changed */
  siteChanged: Record<string, never>;
  deviceStatus: DeviceStatus;
}

type Listener<K extends keyof AppEvents> = (payload: AppEvents[K]) => void;
type ErrorSink = (err: unknown, event: string) => void;

/**
 * A typed in-process bus. Every listener is isolated: one failing consumer (printer, broadcast,
 * statistics) is logged and cannot stop the others or the command that published.
 */
export class EventBus {
  private readonly listeners = new Map<keyof AppEvents, Set<Listener<never>>>();

  constructor(private readonly onError: ErrorSink) {}

  on<K extends keyof AppEvents>(event: K, fn: Listener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener<never>>();
    this.listeners.set(event, set);
    set.add(fn as Listener<never>);
    return () => set.delete(fn as Listener<never>);
  }

  emit<K extends keyof AppEvents>(event: K, payload: AppEvents[K]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        (fn as Listener<K>)(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}
