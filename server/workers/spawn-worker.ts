import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module next to `callerUrl`: the compiled `.js` in production, or
 * the `.ts` source through tsx under tsx/vitest (dev, tests, benchmarks).
 */
export function spawnWorker(callerUrl: string, baseName: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${baseName}.js`, callerUrl), { workerData });
  const entry = JSON.stringify(new URL(`./${baseName}.ts`, callerUrl).href);
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${entry}); });`;
  return new Worker(boot, { eval: true, workerData });
}
