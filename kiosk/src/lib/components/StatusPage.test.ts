import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type api } from '../../../../client/api.js';
import type { TicketPublicStatus } from '../../../../core/contracts/status.js';
import { FakeSocket, NOW, snapshot } from '../test-fixtures.js';
import StatusPage from './StatusPage.svelte';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const base: TicketPublicStatus = {
  label: 'A023',
  service: 'HT',
  serviceName: 'Hộ tịch',
  serviceNameEn: 'Civil status',
  status: 'waiting',
  ahead: 3,
  estimatedWaitMin: 9,
  counter: null,
  calledAt: null,
  issuedAt: new Date(NOW).toISOString(),
  timeZone: 'Asia/Ho_Chi_Minh',
};

async function settle(ms = 0) {
  await new Promise((r) => setTimeout(r, ms));
  await tick();
}

function mount(answer: () => Promise<TicketPublicStatus>, token = TOKEN) {
  const socket = new FakeSocket();
  const request = ((_m: string, path: string) => {
    expect(path).toBe(`/api/t/${token}`);
    return answer();
  }) as typeof api;
  render(StatusPage, { props: { token, connect: () => socket.asSocket(), request } });
  return socket;
}

describe('the status page', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('shows the number, people ahead and the wait, then "called to counter N" live', async () => {
    let current = base;
    const socket = mount(async () => current);
    await settle();
    expect(screen.getByTestId('status-number').textContent).toBe('A023');
    expect(screen.getByText('Có 3 người chờ trước bạn')).toBeTruthy();
    expect(screen.getByText('Thời gian chờ dự kiến: khoảng 9 phút')).toBeTruthy();
    const vibrate = vi.fn();
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
    current = {
      ...base,
      status: 'called',
      counter: 2,
      ahead: 0,
      estimatedWaitMin: null,
      calledAt: '2025-09-15T02:10:00.000Z',
    };
    socket.serverEmit('ticket:called', {});
    await settle(250);
    expect(screen.getByText('Mời bạn đến')).toBeTruthy();
    expect(screen.getByText('Quầy 2')).toBeTruthy();
    expect(screen.getByText('Gọi lúc 09:10')).toBeTruthy();
    expect(vibrate).toHaveBeenCalledOnce();
    expect(document.title).toBe('Mời số A023 đến quầy 2');
  });

  it.each([
    ['serving', 'Đang được phục vụ tại quầy 2'],
    ['finished', 'Đã phục vụ xong. Cảm ơn bạn!'],
    ['no_show', 'Bạn đã được gọi đến quầy 2 nhưng vắng mặt. Vui lòng báo cán bộ để được gọi lại.'],
    ['cancelled', 'Phiếu đã bị hủy. Vui lòng hỏi cán bộ.'],
  ] as const)('says %s plainly', async (status, text) => {
    mount(async () => ({ ...base, status, counter: 2, ahead: 0 }));
    await settle();
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('switches to English and remembers it', async () => {
    mount(async () => base);
    await settle();
    await fireEvent.click(screen.getByText('English'));
    expect(screen.getByText('3 people ahead of you')).toBeTruthy();
    expect(screen.getByText('Civil status')).toBeTruthy();
    expect(localStorage.getItem('xh-lang')).toBe('en');
  });

  it('says so for an unknown ticket or a malformed link', async () => {
    mount(() => Promise.reject(new ApiError(404, 'UNKNOWN_TICKET', 'x')));
    await settle();
    expect(screen.getByText('Không tìm thấy phiếu này. Vui lòng kiểm tra lại mã trên phiếu.')).toBeTruthy();
    cleanup();
    render(StatusPage, { props: { token: '', connect: () => new FakeSocket().asSocket() } });
    expect(screen.getByText('Đường dẫn không đúng. Vui lòng quét lại mã QR trên phiếu.')).toBeTruthy();
  });

  it('hides the live status when nothing reaches the server', async () => {
    let fail = false;
    const socket = mount(async () => {
      if (fail) throw new ApiError(0, 'OFFLINE', 'x');
      return base;
    });
    socket.serverEmit('queue:snapshot', snapshot([]));
    await settle();
    fail = true;
    socket.serverEmit('disconnect', 'transport close');
    socket.serverEmit('queue:waiting', { services: {} });
    await settle(250);
    expect(screen.getByTestId('status-offline').textContent).toBe('Mất kết nối — đang thử lại…');
    expect(screen.queryByText('Có 3 người chờ trước bạn')).toBeNull();
  });
});
