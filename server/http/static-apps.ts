import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ROOT_DIR } from '../config.js';

/** Browser pages → the built app that draws them (Vite builds each app into dist/apps/<app>/). */
export const PAGES: ReadonlyArray<[path: string, app: string]> = [
  ['/kiosk', 'kiosk'],
  ['/t/:token', 'kiosk'],
  ['/display', 'display'],
  ['/display/counter/:n', 'display'],
  ['/rate/:counter', 'display'],
  ['/console', 'console'],
  ['/console/*', 'console'],
];

/** `voiceOverrideDir`: the centre's own recordings (`<dataDir>/voice`), served before the committed set. */
export async function serveApps(
  app: FastifyInstance,
  appsDir: string,
  voiceOverrideDir?: string,
): Promise<void> {
  const built = existsSync(appsDir);
  if (built) {
    await app.register(fastifyStatic, {
      root: appsDir,
      prefix: '/apps/',
      maxAge: '365d',
      immutable: true,
      index: false,
    });
  }
  const voiceDir = join(ROOT_DIR, 'voice', 'segments');
  if (existsSync(voiceDir)) {
    const root = voiceOverrideDir && existsSync(voiceOverrideDir) ? [voiceOverrideDir, voiceDir] : voiceDir;
    await app.register(fastifyStatic, { root, prefix: '/voice/', decorateReply: !built, maxAge: '1d' });
  }
  const html = new Map<string, string>();
  const page = (name: string) => {
    const file = join(appsDir, name, 'index.html');
    if (!html.has(name) && existsSync(file)) html.set(name, readFileSync(file, 'utf8'));
    return html.get(name);
  };
  const send = (reply: FastifyReply, name: string) => {
    const body = page(name);
    if (!body) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Giao diện chưa được build. Chạy "npm run build" rồi khởi động lại. (Apps not built: run npm run build.)',
        );
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
  };
  for (const [path, name] of PAGES) app.get(path, (_req, reply) => send(reply, name));
  app.get('/', (_req, reply) => reply.redirect('/console'));
}

/** The apps' build id (written by the build), so screens reload when a new version is installed. */
export function appVersion(appsDir: string, pkgVersion: string): string {
  const file = join(appsDir, 'build.json');
  if (!existsSync(file)) return pkgVersion;
  try {
    const { buildId } = JSON.parse(readFileSync(file, 'utf8')) as { buildId?: string };
    return buildId ? `${pkgVersion}+${buildId}` : pkgVersion;
  } catch {
    return pkgVersion;
  }
}
