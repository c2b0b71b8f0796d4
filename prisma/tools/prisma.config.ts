// Used only by prisma/tools/author-migration.sh (Prisma 6.19 CLI, WASM engine): diffing two
// schema files never connects to the database named here.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  async adapter() { return new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' }); },
});
