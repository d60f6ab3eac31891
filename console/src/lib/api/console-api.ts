import { ApiError, api, setCsrfToken } from '../../../../client/api.js';
import type { LoginBody, SessionView, TicketView, TransferBody } from '../../../../core/contracts/api.js';
import type { CounterCurrent, CounterWaiting, MyToday } from '../../../../core/contracts/console.js';
import type { CounterState, QueueSnapshot } from '../../../../core/contracts/queue.js';

export { ApiError };

/** Counter commands that act on (or produce) the counter's current ticket. */
export type TicketCommand = 'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'call';

export interface CommandBody {
  ticket?: string;
  dossierCode?: string;
  service?: string;
  counter?: number;
  reason?: string;
}

/** Everything the console asks the server. State classes take this interface, so tests pass a fake. */
export interface ConsoleApi {
  currentSession(): Promise<SessionView>;
  login(body: LoginBody): Promise<SessionView>;
  logout(): Promise<void>;
  counters(): Promise<CounterState[]>;
  snapshot(): Promise<QueueSnapshot>;
  current(counter: number): Promise<CounterCurrent>;
  waiting(counter: number): Promise<CounterWaiting>;
  today(): Promise<MyToday>;
  command(counter: number, command: TicketCommand, body?: CommandBody | TransferBody): Promise<TicketView>;
  pause(counter: number, reason: string): Promise<void>;
  resume(counter: number): Promise<void>;
  returnTicket(id: number): Promise<TicketView>;
}

/** The real thing: same-origin JSON with the session cookie and the CSRF token. */
export const httpConsoleApi: ConsoleApi = {
  async currentSession() {
    const s = await api<SessionView>('GET', '/api/sessions/current');
    setCsrfToken(s.csrfToken);
    return s;
  },
  async login(body) {
    const s = await api<SessionView>('POST', '/api/sessions', body);
    setCsrfToken(s.csrfToken);
    return s;
  },
  async logout() {
    try {
      await api<void>('DELETE', '/api/sessions/current');
    } finally {
      setCsrfToken(null);
    }
  },
  counters: async () => (await api<{ counters: CounterState[] }>('GET', '/api/counters')).counters,
  snapshot: () => api<QueueSnapshot>('GET', '/api/queue'),
  current: (n) => api<CounterCurrent>('GET', `/api/counters/${n}/current`),
  waiting: (n) => api<CounterWaiting>('GET', `/api/counters/${n}/waiting`),
  today: () => api<MyToday>('GET', '/api/me/today'),
  command: async (n, command, body) =>
    (await api<{ ticket: TicketView }>('POST', `/api/counters/${n}/${command}`, body ?? {})).ticket,
  pause: async (n, reason) => {
    await api('POST', `/api/counters/${n}/pause`, { reason });
  },
  resume: async (n) => {
    await api('POST', `/api/counters/${n}/resume`, {});
  },
  returnTicket: async (id) =>
    (await api<{ ticket: TicketView }>('POST', `/api/tickets/${id}/return`, {})).ticket,
};

/** Codes after which the console goes back to the login screen. */
export const SESSION_LOST_CODES: readonly string[] = ['SESSION_EXPIRED', 'UNAUTHENTICATED'];

export function isSessionLost(e: unknown): e is ApiError {
  return e instanceof ApiError && SESSION_LOST_CODES.includes(e.code);
}
