import type { DisplaySocket } from '../../../../client/socket.js';
import type { StatusTracker } from '../state/status.svelte.js';
import { RECONNECT_MS } from './kiosk-link.js';

/**
 * Feeds a status page from the /display socket: any call, waiting-count or counter change may move
 * this ticket, so each one (coalesced) refetches GET /api/t/:token; so does every (re)connect and
 * the phone waking the page. Without the socket (e.g. a device allow-list) the tracker polls.
 */
export function linkStatus(
  tracker: StatusTracker,
  socket: DisplaySocket,
  doc: Document = document,
): () => void {
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), RECONNECT_MS * 5);
  };
  socket.on('queue:snapshot', (s) => {
    tracker.centreName = s.centre.name;
    tracker.setLive(true);
  });
  socket.on('ticket:called', () => tracker.onEvent());
  socket.on('queue:waiting', () => tracker.onEvent());
  socket.on('counter:changed', () => tracker.onEvent());
  socket.on('disconnect', (reason) => {
    tracker.setLive(false);
    if (reason === 'io server disconnect') retry();
  });
  socket.on('connect_error', () => {
    tracker.setLive(false);
    if (!socket.active) retry();
  });
  const onVisible = () => {
    if (doc.visibilityState === 'visible') void tracker.refresh();
  };
  doc.addEventListener('visibilitychange', onVisible);
  void tracker.refresh();
  return () => {
    clearTimeout(retryTimer);
    doc.removeEventListener('visibilitychange', onVisible);
    tracker.stop();
    socket.disconnect();
  };
}
