import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type UserConfig } from 'vite';

/** One Vite config for every browser app: built into dist/apps/<name>/, served by the server at /apps/<name>/. */
export function appConfig(name: 'kiosk' | 'display' | 'console'): UserConfig {
  const root = fileURLToPath(new URL(`../${name}/`, import.meta.url));
  return defineConfig({
    root,
    base: `/apps/${name}/`,
    plugins: [svelte()],
    build: {
      outDir: fileURLToPath(new URL(`../dist/apps/${name}/`, import.meta.url)),
      emptyOutDir: true,
      target: 'es2019',
      reportCompressedSize: true,
    },
    server: {
      proxy: {
        '/api': 'http://127.0.0.1:8080',
        '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true },
        '/voice': 'http://127.0.0.1:8080',
      },
    },
  });
}
