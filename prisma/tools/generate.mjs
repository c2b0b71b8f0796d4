// `prisma generate` without network: Prisma 7's CLI wants a native schema engine it would
// download, but generate never runs it, so any existing executable satisfies the check.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync('npx', ['prisma', 'generate', '--config', 'prisma/prisma.config.ts'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
