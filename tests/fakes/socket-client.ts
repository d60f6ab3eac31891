import { io, type Socket } from 'socket.io-client';
import type { ClientToServer, ConsoleServerToClient } from '../../core/contracts/events.js';

export type TestSocket = Socket<ConsoleServerToClient, ClientToServer>;

/** A real Socket.IO client (websocket) that records every event it receives. */
export function connectSocket(
  url: string,
  ns: '/display' | '/console',
  cookie?: string,
): {
  socket: TestSocket;
  events: Array<[string, unknown]>;
  next: (name: string, timeoutMs?: number) => Promise<unknown>;
} {
  const socket: TestSocket = io(url + ns, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  const events: Array<[string, unknown]> = [];
  const waiters: Array<{ name: string; resolve: (v: unknown) => void }> = [];
  const unread = new Map<string, unknown[]>();
  socket.onAny((name: string, payload: unknown) => {
    events.push([name, payload]);
    const w = waiters.find((x) => x.name === name);
    if (w) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(payload);
    } else {
      unread.set(name, [...(unread.get(name) ?? []), payload]);
    }
  });
  /** The oldest unread event of that name, or the next one to arrive. */
  const next = (name: string, timeoutMs = 3000) =>
    new Promise<unknown>((resolve, reject) => {
      const queued = unread.get(name);
      if (queued?.length) return resolve(queued.shift());
      const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        name,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  return { socket, events, next };
}
