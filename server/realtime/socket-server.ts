import type { Server as HttpServer } from 'node:http';
import { type Namespace, Server } from 'socket.io';
import {
  CONSOLE_NAMESPACE,
  type ClientToServer,
  type ConsoleServerToClient,
  DISPLAY_NAMESPACE,
} from '../../core/contracts/events.js';
import { DEVICE_COOKIE } from '../../core/contracts/pairing.js';
import type { Call } from '../../core/contracts/queue.js';
import type { EventBus } from '../event-bus.js';
import { SESSION_COOKIE } from '../http/auth-hooks.js';
import type { AuthService } from '../services/auth-service.js';
import type { SnapshotService } from '../services/snapshot-service.js';
import { iso, ticketView } from '../services/views.js';

type Ns = Namespace<ClientToServer, ConsoleServerToClient>;

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

function remoteIp(addr: string): string {
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

/**
 * Socket.IO on Fastify's own HTTP server. Screens get a snapshot on every (re)connect and then
 * facts after each commit; the console namespace needs a live session cookie.
 */
export function startRealtime(
  server: HttpServer,
  d: {
    bus: EventBus;
    snapshot: SnapshotService;
    auth: AuthService;
    deviceAllowed: (ip: string) => boolean;
    /** a paired kiosk/tablet/screen token (cookie xh_device) also opens /display */
    pairedDevice?: (token: string | undefined) => boolean;
  },
): Realtime {
  const io = new Server<ClientToServer, ConsoleServerToClient>(server, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    maxHttpBufferSize: 16_384,
  });
  // Both namespaces share the server→client map; `ticket:updated` is only ever sent on /console.
  const display = io.of(DISPLAY_NAMESPACE) as Ns;
  const consoleNs = io.of(CONSOLE_NAMESPACE) as Ns;

  display.use((socket, next) => {
    const paired = () => {
      try {
        return d.pairedDevice?.(cookieValue(socket.handshake.headers.cookie, DEVICE_COOKIE)) ?? false;
      } catch {
        return false;
      }
    };
    const ok = d.deviceAllowed(remoteIp(socket.handshake.address)) || paired();
    next(ok ? undefined : new Error('DEVICE_NOT_ALLOWED'));
  });
  consoleNs.use((socket, next) => {
    try {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      next(d.auth.authenticate(token) ? undefined : new Error('UNAUTHENTICATED'));
    } catch {
      next(new Error('SESSION_EXPIRED'));
    }
  });
  for (const ns of [display, consoleNs]) {
    ns.on('connection', (socket) => {
      socket.emit('queue:snapshot', d.snapshot.snapshot());
    });
  }

  const unwire = wireBus(d.bus, d.snapshot, display, consoleNs);
  return {
    io,
    close: () =>
      new Promise<void>((resolve) => {
        unwire();
        io.disconnectSockets(true);
        io.close(() => resolve());
      }),
  };
}

/** Runs `fn` at most once per `ms`, trailing, so bursts collapse into one call with fresh data. */
function coalesce(ms: number, fn: () => void): { run: () => void; cancel: () => void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    run: () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, ms);
      timer.unref();
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

function wireBus(bus: EventBus, snapshot: SnapshotService, display: Ns, consoleNs: Ns): () => void {
  const both: Ns[] = [display, consoleNs];
  // Waiting counts are coalesced: at most one `queue:waiting` per 200 ms, always the latest counts.
  const waiting = coalesce(200, () => {
    const services: Record<string, number> = {};
    for (const [code, n] of Object.entries(snapshot.waitingCounts())) services[code] = n;
    for (const ns of both) ns.emit('queue:waiting', { services });
  });
  const off = [
    bus.on('committed', ({ tickets, events }) => {
      const byId = new Map(tickets.map((t) => [t.id, t]));
      const countersTouched = new Set<number>();
      for (const e of events) {
        const t = e.ticketId === null ? undefined : byId.get(e.ticketId);
        if (!t) continue;
        if ((e.type === 'called' || e.type === 'recalled') && e.counter !== null) {
          const call: Call = {
            ticketId: t.id,
            label: t.label,
            counter: e.counter,
            service: t.service,
            calledAt: iso(e.at),
            recall: e.type === 'recalled',
          };
          for (const ns of both) ns.emit('ticket:called', call);
        }
        if (e.counter !== null) countersTouched.add(e.counter);
      }
      for (const t of tickets) consoleNs.emit('ticket:updated', ticketView(t));
      waiting.run();
      for (const n of countersTouched) {
        const c = snapshot.counter(n);
        for (const ns of both) ns.emit('counter:changed', c);
      }
    }),
    bus.on('counterChanged', ({ counter }) => {
      const c = snapshot.counter(counter);
      for (const ns of both) ns.emit('counter:changed', c);
    }),
    bus.on('siteChanged', () => {
      const s = snapshot.snapshot();
      for (const ns of both) ns.emit('queue:snapshot', s);
    }),
    bus.on('deviceStatus', (s) => {
      for (const ns of both) ns.emit('device:status', s);
    }),
  ];
  return () => {
    waiting.cancel();
    for (const f of off) f();
  };
}
