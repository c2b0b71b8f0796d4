// `npm run demo`: the real bot with the demo district, played from a chat console in
// the browser. No Telegram, no token, no PostgreSQL or Redis needed.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { startDemo } from './start-demo.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // DEMO_KEEP_DATA=true continues with the previous run's database instead of a fresh district.
  const keepData = /^(true|1|yes)$/i.test(process.env.DEMO_KEEP_DATA ?? '');
  const demo = await startDemo({ config, keepData });
  console.log(`民意直通车演示已启动 / minyi demo running: ${demo.url}`);

  const shutdown = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('The demo console port is taken: set DEMO_PORT (e.g. DEMO_PORT=3001 npm run demo).');
  } else console.error(error);
  process.exit(1);
});
