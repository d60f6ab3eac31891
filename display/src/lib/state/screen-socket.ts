/** The few Socket.IO client features a screen uses (the real socket, or a fake in tests). */
export interface ScreenSocket {
  readonly connected: boolean;
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener?: (payload: unknown) => void): unknown;
  disconnect(): unknown;
}

/** Screens' socket events (the rating ones are subscribed by name: they belong to the rating feature). */
export const EVENTS = {
  snapshot: 'queue:snapshot',
  called: 'ticket:called',
  waiting: 'queue:waiting',
  counterChanged: 'counter:changed',
  ratingRequested: 'rating:requested',
  ratingReceived: 'rating:received',
} as const;
