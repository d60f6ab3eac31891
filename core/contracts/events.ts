import type { DeviceStatus } from './devices.js';
import type { Call, CounterState, QueueSnapshot, WaitingCounts } from './queue.js';
import type { TicketView } from './api.js';
import type { RatingReceived, RatingRequested } from './rating-api.js';

/**
 * Socket.IO contracts. Server → client events are past-tense facts emitted only after the
 * transaction that caused them has committed. Commands go through REST, never sockets.
 *
 * Namespaces: `/display` (lobby and counter screens, kiosks, status pages: public facts only),
 * `/console` (logged-in officials, leaders, admins: adds ticket details).
 */
export interface DisplayServerToClient {
  'queue:snapshot': (s: QueueSnapshot) => void;
  'ticket:called': (c: Call) => void;
  'queue:waiting': (w: WaitingCounts) => void;
  'counter:changed': (c: CounterState) => void;
  'device:status': (d: DeviceStatus) => void;
  /** a ticket finished at `counter`: its screen/tablet asks for a rating until `expiresAt` (no `officialName` here) */
  'rating:requested': (r: RatingRequested) => void;
  /** a rating was stored at `counter` (never the official's identity) */
  'rating:received': (r: RatingReceived) => void;
}

export interface ConsoleServerToClient extends DisplayServerToClient {
  'ticket:updated': (t: TicketView) => void;
}

/** Clients send no commands over sockets (REST does that). */
export type ClientToServer = Record<string, never>;

export const DISPLAY_NAMESPACE = '/display';
export const CONSOLE_NAMESPACE = '/console';

/** Reconnection settings every app uses (issue: reconnect within ~2 s). */
export const SOCKET_RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 2000 } as const;
