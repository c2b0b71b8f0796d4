// Prisma CLI configuration. The application applies migrations itself (src/db/migrate.ts);
// the CLI is used for `prisma generate`, and online for `prisma migrate deploy`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  // Read with a fallback: `prisma generate` must work without a database configured.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/minyi' },
});
