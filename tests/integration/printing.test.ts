import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngToBitmap } from '../../drivers/printer/index.js';
import { artifactPath } from '../fakes/browser.js';
import { FakePrinter } from '../fakes/fake-printer.js';
import { decodeQr } from '../fakes/fake-printer-tickets.js';
import { HttpClient } from '../fakes/http-client.js';
import { startTestServer, type TestServer } from '../fakes/test-server.js';

/**
 * Issue 3 end to end: tickets issued through the API print on a fake ESC/POS printer on loopback;
 * the decoded paper has the configured width, a scannable QR to the status page and a cut; a
 * paper-out printer shows in /api/health and blocks nothing; staff can reprint; the preview PNG is
 * the exact bitmap that was printed.
 */
describe('printing tickets through the API', () => {
  let printer: FakePrinter;
  let s: TestServer;
  beforeAll(async () => {
    printer = await FakePrinter.start('ok');
    s = await startTestServer({ env: { XEPHANG_PRINTER: printer.uri, XEPHANG_PRINTER_WIDTH: '576' } });
  });
  afterAll(async () => {
    await s.close(true);
    await printer.close();
  });

  it('prints a ticket for every demo service with correct width, QR and cut', async () => {
    const k = new HttpClient(s.url);
    const issued = [];
    for (const [service, priority] of [
      ['HT', null],
      ['CT', null],
      ['DD', null],
      ['XH', 'elderly'],
    ] as const) {
      const r = await k.req<{ id: number; label: string; statusUrl: string; print: { state: string } }>(
        'POST',
        '/api/tickets',
        {
          service,
          ...(priority ? { priority } : {}),
          waitForPrint: true,
        },
      );
      expect(r.status).toBe(201);
      expect(r.body.print.state).toBe('printed');
      issued.push(r.body);
    }
    const jobs = await printer.waitForJobs(4, 10_000);
    for (const [i, job] of jobs.entries()) {
      expect(job.image.width).toBe(576);
      expect(job.initSeen).toBe(true);
      expect(job.cut).toBe('partial');
      expect(job.rasterBands.every((h) => h <= 255)).toBe(true);
      expect(decodeQr(job.image)).toBe(issued[i]!.statusUrl);
      writeFileSync(artifactPath('printer', `api-${issued[i]!.label}.png`), job.png);
    }
    // the preview is the exact printed bitmap
    const staff = new HttpClient(s.url);
    await staff.login('lan', '1111', 1);
    const res = await fetch(`${s.url}/api/tickets/${issued[0]!.id}/ticket.png`, {
      headers: { cookie: staff.cookie },
    });
    expect(res.headers.get('content-type')).toBe('image/png');
    const preview = pngToBitmap(Buffer.from(await res.arrayBuffer()));
    expect(preview.width).toBe(576);
    expect(preview.height).toBe(jobs[0]!.image.height);
  });

  it('answers at the commit unless the client waits for the paper; the ticket prints all the same', async () => {
    const before = printer.jobs.length;
    const r = await new HttpClient(s.url).req<{ label: string; print: { state: string } }>(
      'POST',
      '/api/tickets',
      { service: 'CT' },
    );
    expect(r.status).toBe(201);
    expect(r.body.print.state).toBe('queued');
    const jobs = await printer.waitForJobs(before + 1, 10_000);
    expect(jobs).toHaveLength(before + 1);
  });

  it('paper out: health shows it, issuing goes on, the kiosk is told, staff can reprint later', async () => {
    printer.state = 'paperOut';
    const k = new HttpClient(s.url);
    const r = await k.req<{ id: number; label: string; print: { state: string; reason?: string } }>(
      'POST',
      '/api/tickets',
      { service: 'HT', waitForPrint: true },
    );
    expect(r.status).toBe(201);
    expect(r.body.print).toMatchObject({ state: 'failed', reason: 'paperOut' });
    const health = (
      await k.req<{ status: string; devices: Array<{ id: string; state: string }> }>('GET', '/api/health')
    ).body;
    expect(health.status).toBe('degraded');
    expect(health.devices.find((x) => x.id === 'printer')?.state).toBe('paperOut');
    expect((await k.issue('CT')).status).toBe(201);

    printer.state = 'ok';
    const staff = new HttpClient(s.url);
    await staff.login('minh', '2222', 2);
    const before = printer.jobs.length;
    const rp = await staff.req<{ print: { state: string } }>('POST', `/api/tickets/${r.body.id}/reprint`);
    expect(rp.status).toBe(200);
    await printer.waitForJobs(before + 1, 15_000);
    const events = s.x.db
      .prepare("SELECT type FROM events WHERE ticket_id = ? AND type = 'reprinted'")
      .all(r.body.id);
    expect(events).toHaveLength(1);
  });
});
