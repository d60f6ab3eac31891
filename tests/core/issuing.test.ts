import { describe, expect, it } from 'vitest';
import type { Service } from '../../core/contracts/site.js';
import { planIssue } from '../../core/domain/issuing.js';
import { formatLabel, nextSeq } from '../../core/domain/numbering.js';

const service: Service = {
  code: 'HT',
  name: 'Hộ tịch',
  prefix: 'A',
  color: '#1565C0',
  dailyCap: 3,
  hours: { mon: [['07:30', '17:00']] },
  active: true,
};
const base = {
  service,
  priority: null,
  categories: [{ code: 'elderly', name: 'Người cao tuổi' }],
  calendar: { holidays: [], closures: [] },
  overrides: {},
  timeZone: 'Asia/Ho_Chi_Minh',
  now: Date.parse('2026-11-23T08:00:00+07:00'),
  lastSeqToday: () => 0,
};

describe('numbering', () => {
  it.each([
    [1, 'A001'],
    [23, 'A023'],
    [999, 'A999'],
    [1000, 'A1000'],
  ])('seq %i → %s', (seq, label) => expect(formatLabel('A', seq)).toBe(label));

  it('is gapless and stops at the cap', () => {
    expect(nextSeq(0, 200, 'Hộ tịch')).toBe(1);
    expect(nextSeq(199, 200, 'Hộ tịch')).toBe(200);
    expect(() => nextSeq(200, 200, 'Hộ tịch')).toThrow(
      expect.objectContaining({ code: 'DAILY_CAP_REACHED' }),
    );
  });
});

describe('planIssue', () => {
  it('numbers per local day', () => {
    const seen: string[] = [];
    const plan = planIssue({
      ...base,
      service: { ...service, dailyCap: 200 },
      lastSeqToday: (d) => {
        seen.push(d);
        return 22;
      },
    });
    expect(plan).toEqual({ day: '2026-11-23', seq: 23, label: 'A023' });
    expect(seen).toEqual(['2026-11-23']);
  });

  it.each([
    ['inactive service', { service: { ...service, active: false } }, 'SERVICE_INACTIVE'],
    ['outside hours', { now: Date.parse('2026-11-23T18:00:00+07:00') }, 'SERVICE_CLOSED'],
    ['unknown priority', { priority: 'vip' }, 'UNKNOWN_PRIORITY'],
    ['cap reached', { lastSeqToday: () => 3 }, 'DAILY_CAP_REACHED'],
  ])('refuses: %s', (_n, over, code) => {
    expect(() => planIssue({ ...base, ...over })).toThrow(expect.objectContaining({ code }));
  });
});
