import type { DisplaySocket } from '../../../../client/socket.js';
import type { LiveQueue, ServicesAnswer } from '../state/live-queue.svelte.js';
import { nextBoundary } from '../rules/services.js';

export interface KioskLinkDeps {
  socket: DisplaySocket;
  loadServices(): Promise<ServicesAnswer>;
  /** a new server build: reload the page (only while the start screen is idle) */
  reload(): void;
  isIdle(): boolean;
}

/** Services and hours are re-read this often even without events (clock-driven changes). */
export const REFRESH_MS = 30_000;
/** After the server dropped us on purpose (shutdown), or refused the handshake, try again after this. */
export const RECONNECT_MS = 1000;

export interface KioskLink {
  /** re-read services and hours now (e.g. after a SERVICE_CLOSED refusal) */
  refresh(): void;
  stop(): void;
}

/**
 * Feeds the kiosk's LiveQueue from the /display socket. socket.io reconnects by itself after
 * network loss (≤ 2 s); a server-side disconnect (restart) or a refused handshake needs a manual
 * connect, done here.
 */
export function linkKiosk(live: LiveQueue, d: KioskLinkDeps): KioskLink {
  const { socket } = d;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async () => {
    clearTimeout(refreshTimer);
    try {
      if (live.link === 'online') live.applyServices(await d.loadServices());
    } catch {
      // the socket decides online/offline; a failed refresh keeps the last pushed state
    }
    const boundary = nextBoundary(live.services, live.now());
    const wait =
      boundary === null ? REFRESH_MS : Math.min(REFRESH_MS, Math.max(500, boundary - live.now() + 500));
    refreshTimer = setTimeout(() => void refresh(), wait);
  };
  const reloadWhenIdle = () => (d.isIdle() ? d.reload() : setTimeout(reloadWhenIdle, 5000));
  const retry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), RECONNECT_MS);
  };

  socket.on('queue:snapshot', (s) => {
    if (live.applySnapshot(s, Date.now())) reloadWhenIdle();
    void refresh();
  });
  socket.on('queue:waiting', (w) => live.applyWaiting(w));
  socket.on('disconnect', (reason) => {
    live.disconnected();
    if (reason === 'io server disconnect') retry();
  });
  socket.on('connect_error', () => {
    live.disconnected();
    if (!socket.active) retry();
  });
  return {
    refresh: () => void refresh(),
    stop: () => {
      clearTimeout(refreshTimer);
      clearTimeout(retryTimer);
      socket.disconnect();
    },
  };
}
