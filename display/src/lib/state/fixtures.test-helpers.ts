/** Builders for screen-state tests (not a test file itself). */
import type { Call, CounterState, QueueSnapshot, ServiceState } from '../../../../core/contracts/queue.js';

export const T0 = Date.UTC(2026, 10, 23, 2, 0); // 09:00 in Hồ Chí Minh City
export const iso = (ms: number) => new Date(ms).toISOString();

export function service(code: string, waiting = 0, color = '#1565C0'): ServiceState {
  return {
    code,
    name: `Dịch vụ ${code}`,
    nameEn: null,
    prefix: code.slice(0, 1),
    color,
    waiting,
    active: true,
    open: true,
    closedReason: null,
    opensAt: null,
    closesAt: null,
    capReached: false,
  };
}

export function counter(
  number: number,
  services: string[] = ['HT'],
  extra: Partial<CounterState> = {},
): CounterState {
  return {
    number,
    name: `Quầy ${number} — Hộ tịch`,
    services,
    official: { id: number, displayName: `Cán bộ ${number}` },
    paused: null,
    current: null,
    ...extra,
  };
}

let nextId = 1;
export function call(label: string, counterNo: number, at: number, recall = false, ticketId?: number): Call {
  return {
    ticketId: ticketId ?? nextId++,
    label,
    counter: counterNo,
    service: 'HT',
    calledAt: iso(at),
    recall,
  };
}

export function snapshot(extra: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return {
    version: '0.1.0+abc',
    at: iso(T0),
    timeZone: 'Asia/Ho_Chi_Minh',
    centre: {
      province: 'Tỉnh X',
      commune: 'UBND xã Y',
      name: 'Trung tâm Z',
      address: '',
      hotline: '1900 0000',
    },
    services: [service('HT', 3), service('CT', 1, '#2E7D32'), service('DD', 2, '#E65100')],
    counters: [counter(1, ['HT', 'CT']), counter(2, ['HT']), counter(3, ['DD'])],
    recentCalls: [],
    ...extra,
  };
}
