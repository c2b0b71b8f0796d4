// `npm run seed`: loads the demo district into the configured database (idempotent).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { seedDemoDistrict } from '../domain/seed/demo-district.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: join(config.DATA_DIR, 'pglite') });
try {
  const result = await seedDemoDistrict(db.prisma);
  console.log(
    `Demo district loaded (${db.kind}): ${result.regions} regions, ${result.stations} stations, ${result.staff} staff, ${result.receptionDays} reception days.`,
  );
} finally {
  await db.close();
}
