import { describe, expect, it } from 'vitest';
import {
  canDo,
  DESK_ACTIONS,
  type DeskAction,
  type DeskFacts,
  phaseOf,
  primaryAction,
  whyNot,
} from './actions.js';
import { COUNTER_KEY, rememberCounter, rememberedCounter } from './counter-memory.js';
import { clockDuration, durationWords, hhmm, percent } from './format.js';
import { pauseReasonLabel, pauseReasonText } from './pause-reasons.js';
import { actionsForKey, isBareConfirm, SHORTCUT_KEYS } from './shortcuts.js';

const facts = (current: DeskFacts['current'], paused = false, busy = false): DeskFacts => ({
  current,
  paused,
  busy,
});

describe('which actions are valid', () => {
  it.each<[string, DeskFacts, DeskAction[]]>([
    ['idle', facts(null), ['callNext', 'callSpecific', 'pause']],
    ['called', facts('called'), ['recall', 'start', 'finish', 'noShow', 'transfer']],
    ['serving', facts('serving'), ['finish', 'transfer']],
    ['paused', facts(null, true), ['resume']],
    ['busy', facts(null, false, true), []],
  ])('%s', (_name, f, valid) => {
    expect(DESK_ACTIONS.filter((a) => canDo(a, f))).toEqual(valid);
  });

  it.each<[DeskAction, DeskFacts, ReturnType<typeof whyNot>]>([
    ['recall', facts(null), 'noTicket'],
    ['callNext', facts('called'), 'inProgress'],
    ['start', facts('serving'), 'serving'],
    ['callNext', facts(null, true), 'paused'],
    ['resume', facts(null), 'notPaused'],
    ['finish', facts('serving', false, true), 'busy'],
    ['finish', facts('serving'), null],
  ])('why not %s', (a, f, why) => {
    expect(whyNot(a, f)).toBe(why);
  });

  it('suggests the next step for the keyboard', () => {
    expect(['idle', 'called', 'serving', 'paused'].map((p) => primaryAction(p as never))).toEqual([
      'callNext',
      'start',
      'finish',
      'resume',
    ]);
    expect(phaseOf({ current: null, paused: true })).toBe('paused');
  });
});

describe('shortcuts', () => {
  it('maps function keys to actions, F9 to pause or resume, never F5', () => {
    expect(actionsForKey({ key: 'F1' })).toEqual(['callNext']);
    expect(actionsForKey({ key: 'F9' })).toEqual(['pause', 'resume']);
    expect(actionsForKey({ key: 'F5' })).toEqual([]);
    expect(actionsForKey({ key: 'F1', ctrlKey: true })).toEqual([]);
    expect(new Set(Object.values(SHORTCUT_KEYS)).size).toBe(8);
  });
  it('Space/Enter call next only when nothing is focused', () => {
    expect(isBareConfirm({ key: ' ' }, 'BODY')).toBe(true);
    expect(isBareConfirm({ key: 'Enter' }, null)).toBe(true);
    expect(isBareConfirm({ key: 'Enter' }, 'BUTTON')).toBe(false);
    expect(isBareConfirm({ key: 'a' }, 'BODY')).toBe(false);
  });
});

describe('formats', () => {
  it.each([
    [0, '0:00'],
    [75, '1:15'],
    [3725, '1:02:05'],
    [-4, '0:00'],
  ])('clock %i → %s', (s, text) => expect(clockDuration(s)).toBe(text));
  it('durations in words, percentages, local time', () => {
    expect(durationWords(45, 'vi')).toBe('45 giây');
    expect(durationWords(390, 'vi')).toBe('7 phút');
    expect(durationWords(3900, 'en')).toBe('1 h 5 min');
    expect(durationWords(null, 'vi')).toBeNull();
    expect(percent(0.8333, 'vi')).toBe('83,3 %');
    expect(percent(1, 'en')).toBe('100%');
    expect(percent(null, 'vi')).toBeNull();
    expect(hhmm('2026-11-23T01:05:00Z', 'Asia/Ho_Chi_Minh')).toBe('08:05');
  });
});

describe('pause reasons and the remembered counter', () => {
  it('sends the Vietnamese text; "other" needs words', () => {
    expect(pauseReasonText('meeting')).toBe('Họp');
    expect(pauseReasonText('fieldWork')).toBe('Công tác/đi thực địa');
    expect(pauseReasonText('other', '  Đi  lấy   con dấu ')).toBe('Khác: Đi lấy con dấu');
    expect(pauseReasonText('other', '   ')).toBeNull();
    expect(pauseReasonLabel('Nghỉ giải lao', 'en')).toBe('Break');
    expect(pauseReasonLabel('Khác: Đi lấy con dấu', 'en')).toBe('Other: Đi lấy con dấu');
    expect(pauseReasonLabel('Tự do', 'en')).toBe('Tự do');
  });
  it('remembers a valid counter only', () => {
    const data = new Map<string, string>();
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    expect(rememberedCounter(store)).toBeNull();
    rememberCounter(store, 3);
    expect(rememberedCounter(store)).toBe(3);
    data.set(COUNTER_KEY, 'abc');
    expect(rememberedCounter(store)).toBeNull();
    expect(rememberedCounter(null)).toBeNull();
  });
});
