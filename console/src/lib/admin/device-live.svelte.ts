import type { DeviceStatus } from '../../../../core/contracts/devices.js';
import type { RatingReceived } from '../../../../core/contracts/rating-api.js';

/** The slice of the /console socket the devices section listens to. */
export interface DeviceSocket {
  on(event: string, fn: (...args: never[]) => void): unknown;
  disconnect(): unknown;
}

/**
 * Live device facts for the admin page: each device's last `device:status`, and the last rating
 * key seen per counter (`rating:received`), which is how an admin tests a rating box: press a key.
 */
export class DeviceLive {
  statuses = $state<Record<string, DeviceStatus>>({});
  lastRating = $state<Record<number, { level: number; at: string }>>({});
  private socket: DeviceSocket | null = null;

  start(open: () => DeviceSocket): void {
    if (this.socket) return;
    const s = open();
    this.socket = s;
    s.on('device:status', (d: DeviceStatus) => {
      this.statuses = { ...this.statuses, [d.id]: d };
    });
    s.on('rating:received', (r: RatingReceived) => {
      this.lastRating = { ...this.lastRating, [r.counter]: { level: r.level, at: r.at } };
    });
  }

  stop(): void {
    this.socket?.disconnect();
    this.socket = null;
  }
}
