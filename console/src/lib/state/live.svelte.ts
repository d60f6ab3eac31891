import type { CounterState, QueueSnapshot, WaitingCounts } from '../../../../core/contracts/queue.js';

/** The slice of a Socket.IO client the console uses (a fake in tests, `connectConsole()` for real). */
export interface LiveSocket {
  on(event: string, fn: (...args: never[]) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface LiveHooks {
  /** connected (again): reload everything, the events missed while away are not replayed */
  onResync(reconnected: boolean): void;
  /** tickets or waiting counts changed somewhere */
  onChange(): void;
  onSnapshot(s: QueueSnapshot): void;
  onWaiting(w: WaitingCounts): void;
  onCounter(c: CounterState): void;
  /** the server refused the socket (session ended or missing) */
  onRefused(): void;
}

const REFUSALS = ['SESSION_EXPIRED', 'UNAUTHENTICATED'];

/**
 * The `/console` socket: live facts plus a full resync on every (re)connect, and the state of the
 * connection for the offline badge. Socket.IO retries by itself (≤ 2 s); a refusal by the server's
 * session check is reported so the session can be checked.
 */
export class LiveState {
  online = $state(false);
  /** the connection failed or dropped (not merely "not connected yet"): the console shows a banner */
  lost = $state(false);
  private socket: LiveSocket | null = null;
  private everOnline = false;

  constructor(
    private readonly open: () => LiveSocket,
    private readonly hooks: LiveHooks,
  ) {}

  start(): void {
    if (this.socket) return;
    const s = this.open();
    this.socket = s;
    s.on('connect', () => {
      this.online = true;
      this.lost = false;
      this.hooks.onResync(this.everOnline);
      this.everOnline = true;
    });
    s.on('disconnect', () => {
      this.online = false;
      this.lost = true;
    });
    s.on('connect_error', (err: Error) => {
      this.online = false;
      this.lost = true;
      if (REFUSALS.includes(err?.message)) this.hooks.onRefused();
    });
    s.on('queue:snapshot', (snap: QueueSnapshot) => this.hooks.onSnapshot(snap));
    s.on('counter:changed', (c: CounterState) => this.hooks.onCounter(c));
    s.on('ticket:updated', () => this.hooks.onChange());
    s.on('queue:waiting', (w: WaitingCounts) => {
      this.hooks.onWaiting(w);
      this.hooks.onChange();
    });
  }

  /** After a refusal the client does not retry by itself; try again (e.g. the session was fine). */
  retry(): void {
    this.socket?.connect();
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
    this.online = false;
    this.lost = false;
    this.everOnline = false;
  }
}
