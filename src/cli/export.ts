// `npm run export -- FILE.xlsx`: the current network and staff in the template's layout, to
// edit and import back.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { join } from 'node:path';
import { exportNetwork } from '../domain/network/export.js';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage: npm run export -- FILE.xlsx');
  process.exit(2);
}
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: join(config.DATA_DIR, 'pglite') });
try {
  await exportNetwork(db.prisma, file);
  console.log(`Network written to ${file}`);
} finally {
  await db.close();
}
