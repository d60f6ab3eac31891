/**
 * How the server process is started, in one place for the tests and benchmarks (the systemd unit
 * and `npm start` spell the same out; tests/systemd/units.test.ts keeps them equal).
 *
 * Measured by `npm run bench:server` after a 10,000-ticket day with 80 clients: 200–230 MB RSS on
 * V8's and glibc's defaults, ~125 MB with these. An explicit old-space limit makes V8 collect before
 * growing its heap towards a quarter of the machine's RAM (the live heap is ~30 MB; the limit also
 * bounds the report and render workers, and a year's Excel export fits well inside it); a 1 MB
 * young generation keeps short-lived request garbage small; two malloc arenas stop glibc from
 * keeping a cache per thread (libuv pool, workers).
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=1'] as const;
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2' } as const;
