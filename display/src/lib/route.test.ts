import { describe, expect, it } from 'vitest';
import { parseCounterList, parseRoute } from './route.js';

describe('parseRoute', () => {
  it.each([
    ['/display', '', { kind: 'lobby', counters: null, voice: true, lang: 'vi' }],
    ['/display/', '?counters=3,1,2', { kind: 'lobby', counters: [1, 2, 3], voice: true, lang: 'vi' }],
    ['/display', '?voice=0&lang=en', { kind: 'lobby', counters: null, voice: false, lang: 'en' }],
    ['/display/counter/4', '', { kind: 'counter', counter: 4, voice: false, lang: 'vi' }],
    ['/display/counter/4', '?voice=1', { kind: 'counter', counter: 4, voice: true, lang: 'vi' }],
    ['/rate/2', '', { kind: 'rate', counter: 2, lang: 'vi' }],
    ['/display/counter/0', '', { kind: 'unknown' }],
    ['/display/counter/abc', '', { kind: 'unknown' }],
    ['/display/counter/1000', '', { kind: 'unknown' }],
    ['/elsewhere', '', { kind: 'unknown' }],
  ])('%s%s', (path, search, expected) => {
    expect(parseRoute(path, search)).toEqual(expected);
  });
});

describe('parseCounterList', () => {
  it.each([
    [null, null],
    ['', null],
    ['1,2,3', [1, 2, 3]],
    ['2, 2 ,1', [1, 2]],
    ['1-3,7', [1, 2, 3, 7]],
    ['5-3', [3, 4, 5]],
    ['x,0,-1,1000', null],
    ['4,x', [4]],
  ])('%s', (raw, expected) => {
    expect(parseCounterList(raw)).toEqual(expected);
  });
});
