// `npm run seed`: loads the demo district into the configured database (idempotent).
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { embeddedDatabaseIn, openDatabase } from '../db/database.js';
import { seedDemoDistrict } from '../domain/seed/demo-district.js';
import { runCommand } from './run-command.js';

await runCommand(async () => {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, ...embeddedDatabaseIn(config.DATA_DIR) });
  try {
    const result = await seedDemoDistrict(db.prisma);
    console.log(
      `Demo district loaded (${db.kind}): ${result.regions} regions, ${result.stations} stations, ${result.staff} staff, ${result.receptionDays} reception days.`,
    );
  } finally {
    await db.close();
  }
});
