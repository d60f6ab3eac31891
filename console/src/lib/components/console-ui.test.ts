import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { FakeConsoleApi } from '../../test/fake-console-api.js';
import { fakeConsole } from '../../test/helpers.js';
import type { ConsoleApp } from '../state/console-app.svelte.js';

let running: ConsoleApp | null = null;
afterEach(() => {
  cleanup();
  running?.stop();
  running = null;
});

const key = (k: string) => fireEvent.keyDown(window, { key: k });
const status = () => (screen.getByTestId('status-line').textContent ?? '').trim();

async function atDesk(api = new FakeConsoleApi()) {
  const c = fakeConsole({ api });
  running = c.app;
  render(App, { props: { app: c.app } });
  const form = await screen.findByTestId('login-form');
  await fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'lan' } });
  await fireEvent.input(screen.getByLabelText('Mã PIN'), { target: { value: '1111' } });
  await waitFor(() => expect(screen.getAllByRole('radio').length).toBe(3));
  await fireEvent.click(screen.getAllByRole('radio')[1]!);
  await fireEvent.submit(form);
  await screen.findByTestId('idle');
  await waitFor(() => expect(c.app.desk?.loaded).toBe(true));
  return c;
}

describe('console screens', () => {
  it('logs in, then F1 / F3 / F4 serve a citizen and the rating prompt appears', async () => {
    const { api } = await atDesk();
    expect(screen.getByTestId('official-name').textContent).toBe('Nguyễn Thị Lan');
    expect(screen.getByTestId('waiting-count').textContent).toBe('3 người');
    await key('F1');
    await waitFor(() => expect(screen.getByTestId('current-label').textContent).toBe('A001'));
    await waitFor(() => expect(status()).toContain('Đã gọi số A001.'));
    await waitFor(() =>
      expect((screen.getByText('Bắt đầu').closest('button') as HTMLButtonElement).disabled).toBe(false),
    );
    expect((screen.getByText('Gọi số tiếp theo').closest('button') as HTMLButtonElement).disabled).toBe(true);
    await key('F3');
    await waitFor(() => expect(screen.getByTestId('current').dataset.phase).toBe('serving'));
    await fireEvent.input(screen.getByTestId('dossier'), { target: { value: 'HS-1' } });
    await key('F4');
    await screen.findByTestId('rate-prompt');
    expect(screen.getByTestId('rate-prompt').textContent).toContain('Mời công dân đánh giá mức độ hài lòng');
    expect(api.finishedBodies).toEqual([{ dossierCode: 'HS-1' }]);
    expect(screen.getByTestId('served').textContent).toBe('1');
    expect(screen.getByTestId('rate').textContent).toBe('80 %');
  });

  it('a double click on "Gọi số tiếp theo" sends one request', async () => {
    const { api } = await atDesk();
    api.hold();
    const btn = screen.getByText('Gọi số tiếp theo').closest('button')!;
    await fireEvent.click(btn);
    await fireEvent.click(btn);
    expect(btn.disabled).toBe(true);
    api.release();
    await screen.findByTestId('current-label');
    expect(api.log.filter((l) => l.startsWith('command'))).toEqual(['command call-next']);
  });

  it('shows refusals in the status line and explains a key pressed at the wrong time', async () => {
    const api = new FakeConsoleApi();
    api.waitingQueue = [];
    await atDesk(api);
    await key('F2');
    await waitFor(() => expect(status()).toContain('Quầy chưa gọi số nào'));
    await key('F1');
    await waitFor(() => expect(status()).toBe('Chưa có công dân chờ.'));
    expect(screen.getByTestId('status-line').dataset.code).toBe('QUEUE_EMPTY');
  });

  it('pauses with a reason from the keyboard (F9, 2, Enter) and resumes with F9', async () => {
    const { api } = await atDesk();
    await key('F9');
    const dialog = await screen.findByTestId('pause-dialog');
    await fireEvent.keyDown(dialog.querySelector('form')!, { key: '2' });
    await fireEvent.submit(dialog.querySelector('form')!);
    await screen.findByTestId('paused');
    expect(api.log).toContain('pause Họp');
    expect(screen.getByTestId('paused').textContent).toContain('Họp');
    await waitFor(() => expect(screen.queryByTestId('pause-dialog')).toBeNull());
    await key('F9');
    await waitFor(() => expect(status()).toBe('Quầy đã làm việc trở lại.'), { timeout: 3000 }).catch(() => {
      throw new Error(`status: ${status()} log: ${api.log.join(',')}`);
    });
    await screen.findByTestId('idle');
  });

  it('transfers with a reason through the dialog', async () => {
    const { api } = await atDesk();
    await key('F1');
    await screen.findByTestId('current-label');
    await key('F7');
    const dialog = await screen.findByTestId('transfer-dialog');
    const form = dialog.querySelector('form')!;
    await fireEvent.submit(form);
    expect(dialog.textContent).toContain('Vui lòng chọn nơi chuyển đến.');
    await fireEvent.change(dialog.querySelector('select')!, { target: { value: 'service:CT' } });
    await fireEvent.input(dialog.querySelector('input[name=reason]')!, {
      target: { value: 'Cần cán bộ chuyên môn' },
    });
    await fireEvent.submit(form);
    await screen.findByTestId('idle');
    expect(api.log).toContain('command transfer');
    await waitFor(() => expect(status()).toBe('Đã chuyển số A001 đến Chứng thực.'));
  });
});
