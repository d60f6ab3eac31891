import { describe, expect, it, vi } from 'vitest';
import type { PrinterState } from '../../../core/contracts/devices.js';
import { defaultPrinterSettings, type PrintOutcome } from '../../../core/contracts/printing.js';
import { silentLogger } from '../../../drivers/logger.js';
import { createBitmap } from '../../../drivers/printer/mono-bitmap.js';
import { Printer, type PrinterOptions, type PrintJobEvent } from '../../../drivers/printer/print-queue.js';
import { PrinterIoError } from '../../../drivers/printer/transport.js';
import { ManualTimers, ScriptedTransport, settle } from '../../fakes/fake-printer-transport.js';

const bitmap = createBitmap(576, 8);
const settings = { ...defaultPrinterSettings, uri: 'tcp://printer:9100' };

function setup(options: Partial<PrinterOptions> = {}) {
  const transport =
    options.transport instanceof ScriptedTransport ? options.transport : new ScriptedTransport();
  const timers = new ManualTimers();
  const printer = new Printer({
    transport,
    settings,
    logger: silentLogger,
    timers,
    clock: timers.clock,
    retryDelaysMs: [1000, 5000],
    pollIntervalMs: 5000,
    ...options,
  });
  const states: PrinterState[] = [];
  const jobs: PrintJobEvent[] = [];
  printer.onStatus((e) => {
    states.push(e.state);
  });
  printer.onJob((e) => {
    jobs.push(e);
  });
  return { printer, transport, timers, states, jobs };
}

describe('Printer', () => {
  it('prints a job once and reports the printer status it saw afterwards', async () => {
    const { printer, transport, states, jobs } = setup();
    await expect(printer.print('t1', bitmap)).resolves.toEqual({ status: 'printed', attempts: 1 });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]!.subarray(0, 4).toString('hex')).toBe('1b401c2e');
    expect(states).toEqual(['ok']);
    expect(jobs).toEqual([{ jobId: 't1', status: 'printed', attempts: 1 }]);
    expect(printer.pending()).toEqual([]);
  });

  it('polls status while idle and emits changes only', async () => {
    const { printer, transport, timers, states } = setup();
    await timers.advance(0);
    expect(transport.statusCalls).toBe(1);
    await timers.advance(5000);
    transport.state = 'paperNearEnd';
    await timers.advance(5000);
    await timers.advance(5000);
    expect(transport.statusCalls).toBe(4);
    expect(states).toEqual(['ok', 'paperNearEnd']);
    expect(printer.snapshot).toMatchObject({ state: 'paperNearEnd', queued: 0, target: 'scripted' });
    await printer.close();
  });

  it('a failed job answers quickly, then is retried with backoff in the background', async () => {
    const { printer, transport, timers, jobs, states } = setup();
    transport.sendResults = [new PrinterIoError('offline', 'ENXIO')];
    const outcome = await printer.print('t1', bitmap);
    expect(outcome).toEqual({ status: 'failed', reason: 'offline', willRetry: true, attempts: 1 });
    expect(states).toContain('offline');
    expect(printer.pending()).toHaveLength(1);
    transport.state = 'offline';
    await timers.advance(999);
    expect(transport.sent).toHaveLength(1);
    transport.state = 'ok';
    await timers.advance(1);
    expect(transport.sent).toHaveLength(2);
    expect(jobs.map((j) => j.status)).toEqual(['failed', 'printed']);
    expect(printer.pending()).toEqual([]);
  });

  it('gives up after the last retry and says so', async () => {
    const { printer, transport, timers, jobs } = setup();
    transport.sendResults = [1, 2, 3].map(() => new PrinterIoError('timeout', 'stalled'));
    await printer.print('t1', bitmap);
    await timers.advance(1000);
    await timers.advance(5000);
    expect(transport.sent).toHaveLength(3);
    expect(jobs.at(-1)).toEqual({ jobId: 't1', status: 'abandoned', reason: 'timeout', attempts: 3 });
    expect(printer.pending()).toEqual([]);
  });

  it('does not send into a printer known to be out of paper; retries as soon as paper is back', async () => {
    const { printer, transport, timers, jobs } = setup();
    transport.state = 'paperOut';
    await timers.advance(0);
    expect(printer.state).toBe('paperOut');
    const outcome = await printer.print('t1', bitmap);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'paperOut', willRetry: true });
    expect(transport.sent).toHaveLength(0);
    transport.state = 'ok';
    await timers.advance(5000); // idle poll sees paper back before the 1 s backoff would matter
    expect(transport.sent).toHaveLength(1);
    expect(jobs.map((j) => j.status)).toEqual(['failed', 'printed']);
  });

  it('a cover opened during the job fails it (and it is retried)', async () => {
    const { printer, transport } = setup();
    transport.send = async (job) => {
      transport.sent.push(job);
      transport.state = 'coverOpen';
    };
    await expect(printer.print('t1', bitmap)).resolves.toMatchObject({
      status: 'failed',
      reason: 'coverOpen',
      willRetry: true,
    });
  });

  it('answers the kiosk within outcomeTimeoutMs even if the printer hangs', async () => {
    const { printer, transport, timers } = setup({ outcomeTimeoutMs: 5000 });
    transport.sendResults = ['hang'];
    let outcome: PrintOutcome | undefined;
    void printer.print('t1', bitmap).then((o) => {
      outcome = o;
    });
    await timers.advance(4999);
    expect(outcome).toBeUndefined();
    await timers.advance(1);
    expect(outcome).toEqual({ status: 'failed', reason: 'timeout', willRetry: true, attempts: 1 });
    transport.release();
    await settle();
    expect(printer.pending()).toEqual([]);
  });

  it('a reprint of a queued job replaces it instead of printing twice', async () => {
    const { printer, transport, timers } = setup();
    transport.sendResults = [new PrinterIoError('offline', 'gone')];
    await printer.print('t1', bitmap);
    const again = printer.print('t1', bitmap);
    await expect(again).resolves.toMatchObject({ status: 'printed' });
    await timers.advance(10_000);
    expect(transport.sent).toHaveLength(2);
  });

  it('never prints a ticket older than maxJobAgeMs', async () => {
    const { printer, transport, timers, jobs } = setup({ maxJobAgeMs: 500 });
    transport.sendResults = [new PrinterIoError('offline', 'gone')];
    timers.now += 0;
    const p = printer.print('t1', bitmap);
    timers.now += 600;
    await expect(p).resolves.toMatchObject({ status: 'failed', willRetry: false });
    expect(jobs.at(-1)).toMatchObject({ status: 'abandoned' });
  });

  it('isolates listeners: a throwing or rejecting one does not stop the others', async () => {
    const error = vi.fn();
    const { printer } = setup({ logger: { ...silentLogger, error } });
    const seen: string[] = [];
    printer.onJob(() => {
      throw new Error('boom');
    });
    printer.onJob(async () => {
      throw new Error('async boom');
    });
    const off = printer.onJob((e) => {
      seen.push(e.jobId);
    });
    await printer.print('t1', bitmap);
    await settle();
    expect(seen).toEqual(['t1']);
    expect(error).toHaveBeenCalledTimes(2);
    off();
    await printer.print('t2', bitmap);
    expect(seen).toEqual(['t1']);
  });

  it('close() stops every timer, answers waiting callers and releases the transport', async () => {
    const { printer, transport, timers } = setup();
    transport.sendResults = [new PrinterIoError('offline', 'gone')];
    await printer.print('t1', bitmap);
    const waiting = printer.print('t2', bitmap);
    await printer.close();
    await expect(waiting).resolves.toMatchObject({ status: 'failed', reason: 'closed', willRetry: false });
    expect(transport.closed).toBe(true);
    expect(timers.pending).toBe(0);
    await expect(printer.print('t3', bitmap)).resolves.toMatchObject({ status: 'failed', reason: 'closed' });
  });

  it('with URI none printing is disabled, not failed', async () => {
    const { printer, transport } = setup({ transport: new ScriptedTransport('none') });
    await expect(printer.print('t1', bitmap)).resolves.toEqual({ status: 'disabled' });
    expect(transport.sent).toHaveLength(0);
    expect(transport.statusCalls).toBe(0);
  });
});
