import { ApiError } from '../../../client/api.js';
import type { LoginBody, SessionView, TicketView } from '../../../core/contracts/api.js';
import type {
  CounterCurrent,
  CounterWaiting,
  CurrentTicketDetail,
  MyToday,
  NoShowItem,
} from '../../../core/contracts/console.js';
import type { CounterState, QueueSnapshot } from '../../../core/contracts/queue.js';
import type { CommandBody, ConsoleApi, TicketCommand } from '../lib/api/console-api.js';

const NOW = '2026-11-23T01:00:00.000Z';

const MESSAGES: Record<string, string> = {
  QUEUE_EMPTY: 'Chưa có công dân chờ.',
  TICKET_IN_PROGRESS:
    'Quầy đang phục vụ số {t}. Vui lòng hoàn thành, chuyển hoặc đánh dấu vắng mặt trước khi gọi số mới.',
  SESSION_EXPIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  UNAUTHENTICATED: 'Vui lòng đăng nhập.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mã PIN không đúng.',
  COUNTER_OCCUPIED: 'Quầy đang được Trần Văn Minh sử dụng. Vui lòng chọn quầy khác hoặc nhờ quản trị viên.',
  NO_CURRENT_TICKET: 'Quầy chưa gọi số nào.',
  COUNTER_PAUSED: 'Quầy đang tạm nghỉ. Bấm "Tiếp tục" trước khi gọi số.',
};

export function refusal(code: string, status = 409): ApiError {
  return new ApiError(status, code, MESSAGES[code] ?? code);
}

function ticket(id: number, label: string, over: Partial<TicketView> = {}): TicketView {
  return {
    id,
    label,
    service: label.startsWith('B') ? 'CT' : 'HT',
    priority: null,
    status: 'waiting',
    issuedAt: '2026-11-23T00:50:00.000Z',
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    recalls: 0,
    dossierCode: null,
    ...over,
  };
}

/**
 * An in-memory server for the console's state and component tests: one counter, a waiting list,
 * the same refusals as the real server. `hold()` keeps commands pending until `release()`, to test
 * double clicks; `failNext` makes the next call of a method throw.
 */
export class FakeConsoleApi implements ConsoleApi {
  log: string[] = [];
  session: SessionView | null = null;
  holder: { id: number; displayName: string } | null = null;
  waitingQueue: TicketView[] = [
    ticket(1, 'A001'),
    ticket(2, 'B001', { priority: 'elderly' }),
    ticket(3, 'A002'),
  ];
  currentTicket: TicketView | null = null;
  noShowList: TicketView[] = [];
  pausedReason: string | null = null;
  served = 0;
  finishedBodies: CommandBody[] = [];
  failNext: Partial<Record<keyof ConsoleApi, ApiError>> = {};
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
  }
  release(): void {
    this.open?.();
    this.gate = null;
  }

  private async enter(name: keyof ConsoleApi, detail = ''): Promise<void> {
    this.log.push(detail ? `${name} ${detail}` : name);
    const fail = this.failNext[name];
    if (fail) {
      delete this.failNext[name];
      throw fail;
    }
    if (this.gate && name !== 'current' && name !== 'waiting' && name !== 'today') await this.gate;
  }

  async currentSession(): Promise<SessionView> {
    await this.enter('currentSession');
    if (!this.session) throw refusal('UNAUTHENTICATED', 401);
    return this.session;
  }
  async login(body: LoginBody): Promise<SessionView> {
    await this.enter('login', `${body.username} ${body.counter ?? '-'}${body.takeover ? ' takeover' : ''}`);
    if (body.pin !== '1111') throw refusal('INVALID_CREDENTIALS', 401);
    if (body.counter === 1 && !body.takeover) throw refusal('COUNTER_OCCUPIED');
    this.session = {
      official: {
        id: 7,
        username: body.username,
        displayName: 'Nguyễn Thị Lan',
        role: 'official',
        agency: '',
      },
      counter: body.counter ?? null,
      csrfToken: 'csrf',
      expiresAt: '2026-11-23T11:00:00.000Z',
    };
    return this.session;
  }
  async logout(): Promise<void> {
    await this.enter('logout');
    this.session = null;
  }
  async counters(): Promise<CounterState[]> {
    return (await this.snapshot()).counters;
  }
  async snapshot(): Promise<QueueSnapshot> {
    const counter = (number: number): CounterState => ({
      number,
      name: `Quầy ${number}`,
      services: ['HT', 'CT'],
      official: number === 1 ? { id: 8, displayName: 'Trần Văn Minh' } : null,
      paused: null,
      current: null,
    });
    const service = (code: string, name: string) => ({
      code,
      name,
      nameEn: null,
      prefix: code === 'HT' ? 'A' : 'B',
      color: '#1565C0',
      waiting: 0,
      active: true,
      open: true,
      closedReason: null,
      opensAt: null,
      closesAt: null,
      capReached: false,
    });
    return {
      version: 'test',
      at: NOW,
      timeZone: 'Asia/Ho_Chi_Minh',
      centre: { province: '', commune: '', name: 'Trung tâm thử', address: '', hotline: '' },
      services: [service('HT', 'Hộ tịch'), service('CT', 'Chứng thực')],
      counters: [counter(1), counter(2)],
      recentCalls: [],
    };
  }
  async current(counter: number): Promise<CounterCurrent> {
    await this.enter('current');
    const t = this.currentTicket;
    const detail: CurrentTicketDetail | null = t
      ? { ...t, serviceName: 'Hộ tịch', priorityName: null, waitedSeconds: 600, transfer: null }
      : null;
    return {
      counter,
      now: NOW,
      ticket: detail,
      paused: this.pausedReason ? { reason: this.pausedReason, since: NOW } : null,
    };
  }
  async waiting(counter: number): Promise<CounterWaiting> {
    await this.enter('waiting');
    const item = (t: TicketView) => ({
      id: t.id,
      label: t.label,
      service: t.service,
      serviceName: t.service === 'HT' ? 'Hộ tịch' : 'Chứng thực',
      priority: t.priority,
      priorityName: t.priority ? 'Người cao tuổi' : null,
      issuedAt: t.issuedAt,
      waitedMinutes: 10,
      targeted: false,
      transferred: false,
    });
    const noShows: NoShowItem[] = this.noShowList.map((t) => ({ ...item(t), counter, lastCalledAt: NOW }));
    const waiting = this.waitingQueue.map(item);
    return { counter, now: NOW, waiting, total: waiting.length, nextId: waiting[0]?.id ?? null, noShows };
  }
  async today(): Promise<MyToday> {
    await this.enter('today');
    return {
      day: '2026-11-23',
      now: NOW,
      served: this.served,
      noShows: 0,
      avgServiceSeconds: 300,
      satisfactionRate: 0.8,
      ratings: 5,
    };
  }
  async command(_counter: number, command: TicketCommand, body: CommandBody = {}): Promise<TicketView> {
    await this.enter('command', command);
    const cur = this.currentTicket;
    if (command === 'call-next' || command === 'call') {
      if (this.pausedReason) throw refusal('COUNTER_PAUSED');
      if (cur)
        throw new ApiError(409, 'TICKET_IN_PROGRESS', MESSAGES.TICKET_IN_PROGRESS!.replace('{t}', cur.label));
      const i = command === 'call' ? this.waitingQueue.findIndex((t) => t.label === body.ticket) : 0;
      const next = this.waitingQueue[i];
      if (!next) throw refusal('QUEUE_EMPTY');
      this.waitingQueue.splice(i, 1);
      this.currentTicket = { ...next, status: 'called', lastCalledAt: NOW, firstCalledAt: NOW, counter: 2 };
      return this.currentTicket;
    }
    if (!cur) throw refusal('NO_CURRENT_TICKET');
    if (command === 'recall') this.currentTicket = { ...cur, recalls: cur.recalls + 1 };
    if (command === 'start') this.currentTicket = { ...cur, status: 'serving', startedAt: NOW };
    if (command === 'finish' || command === 'no-show' || command === 'transfer') this.currentTicket = null;
    if (command === 'finish') {
      this.served += 1;
      this.finishedBodies.push(body);
      return { ...cur, status: 'finished', finishedAt: NOW, dossierCode: body.dossierCode ?? null };
    }
    if (command === 'no-show') this.noShowList.push({ ...cur, status: 'no_show' });
    if (command === 'transfer') return { ...cur, status: 'waiting', service: body.service ?? cur.service };
    return this.currentTicket ?? cur;
  }
  async pause(_counter: number, reason: string): Promise<void> {
    await this.enter('pause', reason);
    if (this.currentTicket) throw new ApiError(409, 'TICKET_IN_PROGRESS', 'busy');
    this.pausedReason = reason;
  }
  async resume(): Promise<void> {
    await this.enter('resume');
    this.pausedReason = null;
  }
  async returnTicket(id: number): Promise<TicketView> {
    await this.enter('returnTicket', String(id));
    const t = this.noShowList.find((x) => x.id === id);
    if (!t) throw refusal('UNKNOWN_TICKET', 404);
    this.noShowList = this.noShowList.filter((x) => x.id !== id);
    this.waitingQueue.push({ ...t, status: 'waiting' });
    return { ...t, status: 'waiting' };
  }
}

/** A socket that tests drive by hand. */
export class FakeSocket {
  handlers = new Map<string, Array<(...args: never[]) => void>>();
  connected = false;
  connects = 0;
  on(event: string, fn: (...args: never[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(event) ?? []) (fn as (...a: unknown[]) => void)(...args);
  }
  connect(): this {
    this.connects += 1;
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
}
