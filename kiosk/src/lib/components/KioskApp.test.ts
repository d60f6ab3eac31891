import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type api } from '../../../../client/api.js';
import type { IssuedTicket, IssueTicketBody } from '../../../../core/contracts/api.js';
import type { ServiceState } from '../../../../core/contracts/queue.js';
import { CATEGORIES, FakeSocket, NOW, service, snapshot } from '../test-fixtures.js';
import KioskApp from './KioskApp.svelte';

type Answer = (body: IssueTicketBody) => Promise<unknown>;

/** Plays the server's REST side: /api/services from the current services, POST /api/tickets from a queue. */
class FakeApi {
  services: ServiceState[] = [];
  posts: IssueTicketBody[] = [];
  answers: Answer[] = [];
  request = (async (method: string, path: string, body?: unknown) => {
    if (path === '/api/services') return { services: this.services, priorityCategories: CATEGORIES };
    if (method === 'POST' && path === '/api/tickets') {
      const b = body as IssueTicketBody;
      this.posts.push(b);
      const next = this.answers.shift();
      return next ? next(b) : this.ticket(b);
    }
    if (path.startsWith('/api/t/')) return { ahead: 3, estimatedWaitMin: 9 };
    throw new ApiError(404, 'NOT_FOUND', 'not found');
  }) as typeof api;
  ticket(b: IssueTicketBody, over: Partial<IssuedTicket> = {}): Promise<IssuedTicket> {
    return Promise.resolve({
      id: 7,
      label: 'A023',
      service: b.service,
      serviceName: 'Hộ tịch',
      priority: b.priority ?? null,
      ahead: 3,
      issuedAt: new Date(NOW).toISOString(),
      statusUrl: 'http://10.0.0.2:8080/t/AbCdEfGhIjKlMnOpQrStUv',
      ...over,
    });
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await tick();
    await Promise.resolve();
  }
};

describe('the kiosk screen', () => {
  let socket: FakeSocket;
  let server: FakeApi;
  const SERVICES = [
    service(),
    service({ code: 'CT', name: 'Chứng thực', prefix: 'B', color: '#2E7D32', waiting: 0 }),
    service({
      code: 'DD',
      name: 'Đất đai, xây dựng',
      prefix: 'C',
      open: false,
      closedReason: 'outsideHours',
      opensAt: '2025-09-15T06:30:00.000Z',
      closesAt: null,
    }),
  ];

  beforeEach(async () => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
    socket = new FakeSocket();
    server = new FakeApi();
    server.services = SERVICES;
    render(KioskApp, { props: { connect: () => socket.asSocket(), request: server.request } });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  const online = async (services = SERVICES) => {
    server.services = services;
    socket.serverEmit('queue:snapshot', snapshot(services));
    await settle();
  };
  const button = (code: string) => document.querySelector<HTMLButtonElement>(`[data-service="${code}"]`)!;

  it('says it is starting, then shows one button per service with live waiting counts', async () => {
    expect(screen.getByText('Đang khởi động…')).toBeTruthy();
    await online();
    expect(within(button('HT')).getByText('2 người đang chờ')).toBeTruthy();
    expect(within(button('CT')).getByText('Chưa có ai chờ')).toBeTruthy();
    socket.serverEmit('queue:waiting', { services: { HT: 5, CT: 1 } });
    await settle();
    expect(within(button('HT')).getByText('5 người đang chờ')).toBeTruthy();
    expect(screen.getByText('Người cao tuổi (từ 75 tuổi)')).toBeTruthy();
  });

  it('shows a closed service as closed with its opening time in the site zone', async () => {
    await online();
    expect(button('DD').disabled).toBe(true);
    expect(within(button('DD')).getByText('Ngoài giờ cấp số — mở lại lúc 13:30 hôm nay')).toBeTruthy();
  });

  it('issues with one touch and shows the number very large, people ahead and the wait', async () => {
    await online();
    await fireEvent.click(button('HT'));
    await fireEvent.click(button('HT'));
    await settle();
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0]).toMatchObject({ service: 'HT', priority: null });
    expect(screen.getByTestId('ticket-number').textContent).toBe('A023');
    expect(screen.getByText('Có 3 người chờ trước bạn')).toBeTruthy();
    expect(screen.getByText('Thời gian chờ dự kiến: khoảng 9 phút')).toBeTruthy();
    expect(screen.getByText('Vui lòng giữ phiếu và chờ gọi số')).toBeTruthy();
  });

  it('issues a priority ticket when a category is chosen first', async () => {
    await online();
    await fireEvent.click(document.querySelector('[data-priority="elderly"]')!);
    await fireEvent.click(button('CT'));
    await settle();
    expect(server.posts[0]).toMatchObject({ service: 'CT', priority: 'elderly' });
    expect(screen.getByText('★ Ưu tiên: Người cao tuổi (từ 75 tuổi)')).toBeTruthy();
  });

  it('tells the citizen to remember the number when the printer is out of paper', async () => {
    await online();
    server.answers.push((b) => server.ticket(b, { print: { state: 'failed', reason: 'paperOut' } }));
    await fireEvent.click(button('HT'));
    await settle();
    expect(screen.getByText('Máy in hết giấy — vui lòng ghi nhớ số A023 hoặc báo cán bộ')).toBeTruthy();
    expect(screen.getByText('Vui lòng ghi nhớ số và chờ gọi số')).toBeTruthy();
    // no paper: the status page's QR code is drawn on screen instead
    await vi.waitFor(() =>
      expect(
        screen.getByRole('img', { name: 'Quét mã này bằng điện thoại để theo dõi lượt của bạn' }),
      ).toBeTruthy(),
    );
  });

  it('says plainly when the daily cap is reached, and marks the button', async () => {
    await online();
    const msg = 'Lĩnh vực Hộ tịch đã hết số trong ngày hôm nay (300 số).';
    server.answers.push(() => Promise.reject(new ApiError(409, 'DAILY_CAP_REACHED', msg)));
    await fireEvent.click(button('HT'));
    await settle();
    expect(screen.getByText('Lĩnh vực này đã hết số hôm nay')).toBeTruthy();
    expect(screen.getByText(msg)).toBeTruthy();
    await fireEvent.click(document.querySelector('[data-refusal]')!); // too soon: the tail of a double tap
    expect(document.querySelector('[data-refusal]')).not.toBeNull();
  });

  it('shows a full service as full without issuing', async () => {
    await online([service({ capReached: true }), SERVICES[1]!]);
    expect(button('HT').disabled).toBe(true);
    expect(within(button('HT')).getByText('Đã hết số hôm nay')).toBeTruthy();
  });

  it('shows the friendly closed screen outside all sessions', async () => {
    const closed = SERVICES.map((s) => ({
      ...s,
      open: false,
      closesAt: null,
      opensAt: '2025-09-16T00:30:00.000Z',
    }));
    await online(closed);
    expect(screen.getByText('Hiện đã hết giờ cấp số')).toBeTruthy();
    expect(screen.getByText('Mời quý vị quay lại')).toBeTruthy();
    expect(screen.getByText('lúc 07:30 ngày mai')).toBeTruthy();
    expect(document.querySelector('[data-service]')).toBeNull();
  });

  it('shows an offline state instead of stale data, and recovers on the next snapshot', async () => {
    await online();
    socket.serverEmit('disconnect', 'transport close');
    await settle();
    expect(screen.getByText('Máy lấy số đang kết nối lại…')).toBeTruthy();
    expect(document.querySelector('[data-service]')).toBeNull();
    await online();
    expect(button('HT')).not.toBeNull();
  });

  it('switches to English and back', async () => {
    await online();
    await fireEvent.click(screen.getByText('English'));
    expect(screen.getByText('Choose a service to take a number')).toBeTruthy();
    expect(within(button('HT')).getByText('Civil status')).toBeTruthy();
    await fireEvent.click(screen.getByText('Tiếng Việt'));
    expect(screen.getByText('Mời chọn lĩnh vực để lấy số')).toBeTruthy();
  });
});
