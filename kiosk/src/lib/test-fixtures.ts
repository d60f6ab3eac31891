/** Test data and doubles shared by the kiosk's component and state tests (never bundled: nothing imports it). */
import type { DisplaySocket } from '../../../client/socket.js';
import type { QueueSnapshot, ServiceState } from '../../../core/contracts/queue.js';

export const NOW = Date.parse('2025-09-15T02:00:00.000Z'); // Monday 09:00 in Hồ Chí Minh City

export function service(over: Partial<ServiceState> = {}): ServiceState {
  return {
    code: 'HT',
    name: 'Hộ tịch',
    nameEn: 'Civil status',
    prefix: 'A',
    color: '#1565C0',
    waiting: 2,
    active: true,
    open: true,
    closedReason: null,
    opensAt: null,
    closesAt: '2025-09-15T04:30:00.000Z',
    capReached: false,
    ...over,
  };
}

export const CATEGORIES = [
  { code: 'elderly', name: 'Người cao tuổi (từ 75 tuổi)', nameEn: 'Elderly (75 and over)' },
  { code: 'disability', name: 'Người khuyết tật', nameEn: 'Person with a disability' },
];

export function snapshot(services: ServiceState[], over: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return {
    version: '0.1.0+test',
    at: new Date(NOW).toISOString(),
    timeZone: 'Asia/Ho_Chi_Minh',
    centre: {
      province: 'Tỉnh Đồng Tháp',
      commune: 'Xã Tân Phú Đông',
      name: 'Trung tâm Phục vụ hành chính công xã Tân Phú Đông',
      address: '',
      hotline: '0277 3 800 000',
    },
    services,
    counters: [],
    recentCalls: [],
    ...over,
  };
}

type Handler = (...args: never[]) => void;

/** Just enough of a socket.io client: tests play the server with `serverEmit`. */
export class FakeSocket {
  connected = false;
  active = true;
  connects = 0;
  disconnects = 0;
  private handlers = new Map<string, Handler[]>();

  on(event: string, fn: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    this.disconnects++;
    this.connected = false;
    return this;
  }
  serverEmit(event: string, ...args: unknown[]): void {
    if (event === 'queue:snapshot') this.connected = true;
    if (event === 'disconnect' || event === 'connect_error') this.connected = false;
    for (const fn of this.handlers.get(event) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }
  asSocket(): DisplaySocket {
    return this as unknown as DisplaySocket;
  }
}
