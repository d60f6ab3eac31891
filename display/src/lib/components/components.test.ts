import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { vi as msg } from '../../i18n/vi.js';
import { call, counter, service, T0 } from '../state/fixtures.test-helpers.js';
import CallHighlight from './CallHighlight.svelte';
import CounterBoard from './CounterBoard.svelte';
import RatingBand from './RatingBand.svelte';
import Ticker from './Ticker.svelte';

const XSS = '<img src=x onerror="window.__xss=1">';
const serviceOf = (code: string) => service(code, 0, '#E65100');

describe('screen components', () => {
  it('show stored HTML as text, never as markup', () => {
    const { container } = render(Ticker, {
      pages: [{ kind: 'slogan', title: '<b>bold</b>', items: [XSS], scroll: false }],
      tickerSeconds: 8,
    });
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain(XSS);
    expect(container.textContent).toContain('<b>bold</b>');
  });

  it('highlight: number, counter, service, flash', () => {
    const c = call('A023', 2, T0);
    const { getByTestId } = render(CallHighlight, {
      highlight: { call: c, until: T0 + 20_000, seq: 1 },
      last: c,
      serviceOf,
      t: msg,
      flash: true,
    });
    const panel = getByTestId('highlight');
    expect(panel.dataset.label).toBe('A023');
    expect(panel.textContent).toContain('Xin mời số');
    expect(panel.textContent).toContain('Đến quầy số');
    expect(getByTestId('flash')).toBeTruthy();
    // #E65100 is too light for white text: the panel uses a darker shade
    expect(panel.getAttribute('style')).not.toContain('#e65100');
  });

  it('welcome panel before the first call', () => {
    const { getByTestId } = render(CallHighlight, {
      highlight: null,
      last: undefined,
      serviceOf,
      t: msg,
      flash: true,
    });
    expect(getByTestId('welcome').textContent).toContain('Kính chào quý ông/bà');
  });

  it('board: serving, paused and closed counters', () => {
    const counters = [
      counter(1, ['HT'], {
        current: { id: 1, label: 'A001', service: 'HT', status: 'called', calledAt: '', priority: null },
      }),
      counter(2, ['HT'], { paused: { reason: 'Họp', since: '' } }),
      counter(3, ['HT'], { official: null }),
    ];
    const { getAllByTestId } = render(CounterBoard, { counters, serviceOf, highlighted: 1, t: msg });
    const rows = getAllByTestId('counter-row').map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('A001');
    expect(rows[1]).toContain('Tạm nghỉ');
    expect(rows[2]).toContain('Quầy chưa mở');
  });

  it('rating band texts', () => {
    const p = render(RatingBand, { phase: { kind: 'prompt', until: 1, label: null }, t: msg });
    expect(p.getByTestId('rating-prompt').textContent).toContain('Mời ông/bà đánh giá mức độ hài lòng');
    const th = render(RatingBand, { phase: { kind: 'thanks', until: 1 }, t: msg });
    expect(th.getByTestId('rating-thanks').textContent).toContain('Cảm ơn ông/bà');
  });
});
