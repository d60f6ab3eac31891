import type { Server } from 'socket.io';
import { CONSOLE_NAMESPACE, DISPLAY_NAMESPACE } from '../../core/contracts/events.js';
import type { EventBus } from '../event-bus.js';

/**
 * `rating:requested` and `rating:received` to both namespaces. The official's identity goes to
 * /console only; screens and tablets on /display get the counter, the ticket number and the level.
 */
export function wireRatingBroadcast(bus: EventBus, io: Server): () => void {
  const display = io.of(DISPLAY_NAMESPACE);
  const consoleNs = io.of(CONSOLE_NAMESPACE);
  const offRequested = bus.on('ratingRequested', (r) => {
    const { officialName: _hidden, ...pub } = r;
    display.emit('rating:requested', pub);
    consoleNs.emit('rating:requested', r);
  });
  const offReceived = bus.on('ratingReceived', (r) => {
    display.emit('rating:received', r);
    consoleNs.emit('rating:received', r);
  });
  return () => {
    offRequested();
    offReceived();
  };
}
