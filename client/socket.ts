import { io, type Socket } from 'socket.io-client';
import {
  type ClientToServer,
  type ConsoleServerToClient,
  type DisplayServerToClient,
  SOCKET_RECONNECT,
} from '../core/contracts/events.js';

export type DisplaySocket = Socket<DisplayServerToClient, ClientToServer>;
export type ConsoleSocket = Socket<ConsoleServerToClient, ClientToServer>;

/** Screens, kiosks and status pages: public facts, snapshot on every (re)connect, retry every ≤ 2 s. */
export function connectDisplay(): DisplaySocket {
  return io('/display', { ...SOCKET_RECONNECT, transports: ['websocket', 'polling'] });
}

/** Officials' console: needs the session cookie. */
export function connectConsole(): ConsoleSocket {
  return io('/console', { ...SOCKET_RECONNECT, transports: ['websocket', 'polling'], withCredentials: true });
}
