// grammY storage adapter over the KeyValue table: sessions and conversation state
// persist in the same database as everything else, so a dialogue survives a restart.
import type { StorageAdapter } from 'grammy';
import type { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from './database.js';

export function keyValueStorage<T>(prisma: PrismaClient, prefix: string): StorageAdapter<T> {
  const key = (id: string) => `${prefix}:${id}`;
  return {
    async read(id) {
      const row = await prisma.keyValue.findUnique({ where: { key: key(id) } });
      return (row?.value ?? undefined) as T | undefined;
    },
    async write(id, value) {
      const json = value as unknown as Prisma.InputJsonValue;
      await prisma.keyValue.upsert({ where: { key: key(id) }, create: { key: key(id), value: json }, update: { value: json } });
    },
    async delete(id) {
      await prisma.keyValue.deleteMany({ where: { key: key(id) } });
    },
  };
}
