// Writes dist/apps/build.json so screens can reload themselves when a new build is installed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const h = createHash('sha256');
for (const app of ['kiosk', 'display', 'console']) h.update(readFileSync(`dist/apps/${app}/index.html`));
writeFileSync('dist/apps/build.json', JSON.stringify({ buildId: h.digest('hex').slice(0, 12) }));
