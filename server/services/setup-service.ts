import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../core/domain/clock.js';
import { DomainError } from '../../core/domain/errors.js';
import { hashPin, hashPinSync } from '../auth/pin-hash.js';
import type { Config } from '../config.js';
import type { Db } from '../db/open.js';
import { loadSite, seedSite } from '../db/site-repo.js';
import { readSiteFile } from './site-file.js';

export interface SetupLog {
  info(msg: string): void;
  warn(msg: string): void;
}

const codeFile = (dataDir: string) => join(dataDir, 'setup-code.txt');

/**
 * First start: seed an empty database from the site file. In demo mode the file's officials and
 * their PINs are loaded (hashed). In production no account is created: a one-time setup code is
 * written to the data dir and the log, and the first admin is created through POST /api/setup.
 */
export function initialiseDatabase(db: Db, config: Config, clock: Clock, log: SetupLog): void {
  if (!loadSite(db)) {
    const file = readSiteFile(config.siteFile);
    if (config.mode === 'production') file.officials = [];
    seedSite(db, file, hashPinSync, clock.now());
    log.info(`seeded site "${file.site.name}" from ${config.siteFile}`);
  }
  if (config.mode === 'production' && !hasAdmin(db)) {
    const file = codeFile(config.dataDir);
    if (!existsSync(file))
      writeFileSync(file, `${String(randomInt(0, 1e8)).padStart(8, '0')}\n`, { mode: 0o600 });
    log.warn(
      `No administrator yet. Open /console and enter setup code ${readFileSync(file, 'utf8').trim()} (also in ${file}).`,
    );
  }
}

export function hasAdmin(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM officials WHERE role = 'admin' AND active = 1 LIMIT 1").get() !== undefined
  );
}

export async function createFirstAdmin(
  db: Db,
  config: Config,
  clock: Clock,
  body: { setupCode: string; username: string; displayName: string; password: string },
): Promise<void> {
  if (hasAdmin(db)) throw new DomainError('SETUP_ALREADY_DONE');
  const file = codeFile(config.dataDir);
  const expected = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  if (!expected || body.setupCode.trim() !== expected) throw new DomainError('SETUP_CODE_INVALID');
  const hash = await hashPin(body.password);
  const site = loadSite(db)!;
  db.prepare(
    "INSERT INTO officials (site_id, username, display_name, agency, role, pin_hash, created_at) VALUES (?,?,?,'','admin',?,?)",
  ).run(
    site.siteId,
    body.username.trim().toLowerCase(),
    body.displayName.normalize('NFC'),
    hash,
    clock.now(),
  );
  rmSync(file, { force: true });
}
