import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `node` runs everything under tests/ against real parts (SQLite files, servers,
 * ptys, Chromium); `apps` runs the Svelte apps' component and state tests in jsdom.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], environment: 'node', pool: 'forks' },
      },
      {
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'apps',
          include: ['{kiosk,display,console}/src/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
