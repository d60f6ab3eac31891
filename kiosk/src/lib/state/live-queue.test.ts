import { describe, expect, it } from 'vitest';
import { NOW, service, snapshot } from '../test-fixtures.js';
import { LiveQueue } from './live-queue.svelte.js';

describe('LiveQueue', () => {
  it('is connecting until the first snapshot, then online with the server clock offset', () => {
    const q = new LiveQueue();
    expect(q.link).toBe('connecting');
    expect(q.applySnapshot(snapshot([service()]), NOW - 5000)).toBe(false);
    expect(q.link).toBe('online');
    expect(q.now(NOW - 5000)).toBe(NOW);
    expect(q.services).toHaveLength(1);
  });
  it('updates waiting counts, marks a full service, goes offline', () => {
    const q = new LiveQueue();
    q.applySnapshot(snapshot([service(), service({ code: 'CT' })]), NOW);
    q.applyWaiting({ services: { HT: 9 } });
    expect(q.services.map((s) => s.waiting)).toEqual([9, 0]);
    q.markCapReached('CT');
    expect(q.services[1]?.capReached).toBe(true);
    q.disconnected();
    expect(q.link).toBe('offline');
  });
  it('notices a new server build', () => {
    const q = new LiveQueue();
    q.applySnapshot(snapshot([]), NOW);
    expect(q.applySnapshot(snapshot([]), NOW)).toBe(false);
    expect(q.applySnapshot(snapshot([], { version: '0.2.0' }), NOW)).toBe(true);
  });
});
