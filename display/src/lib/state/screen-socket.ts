/** The few Socket.IO client features a screen uses (the real socket, or a fake in tests). */
export interface ScreenSocket {
  readonly connected: boolean;
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener?: (payload: unknown) => void): unknown;
  /** reconnects by hand: Socket.IO does not retry after the server itself closed the connection */
  connect(): unknown;
  disconnect(): unknown;
}

/** Socket.IO's disconnect reason when the server closed the socket (e.g. on shutdown): no automatic retry. */
export const SERVER_CLOSED = 'io server disconnect';

/** Screens' socket events (the rating ones are subscribed by name: they belong to the rating feature). */
export const EVENTS = {
  snapshot: 'queue:snapshot',
  called: 'ticket:called',
  waiting: 'queue:waiting',
  counterChanged: 'counter:changed',
  ratingRequested: 'rating:requested',
  ratingReceived: 'rating:received',
} as const;
