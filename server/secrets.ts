import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Secrets {
  cookieSecret: string;
  deviceSecret: string;
}

/** Secrets are generated into the data dir on first start (mode 0600) and kept across restarts. */
export function loadSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const s: Secrets = {
    cookieSecret: randomBytes(32).toString('base64url'),
    deviceSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}
