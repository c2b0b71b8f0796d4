// Where the conversations plugin keeps a chat's dialogue state. The plugin reads it before
// every update, dialogue or not: in a person's private chat it lives on their row, which
// the update has loaded already (attachDeps), so that read costs no statement. Other
// chats (strangers, groups) keep it in the KeyValue table, keyed by chat.
import type { ConversationData, ConversationStorage, VersionedState } from '@grammyjs/conversations';
import type { StorageAdapter } from 'grammy';
import type { PrismaClient } from '../db/database.js';
import { keyValueStorage } from '../db/key-value-storage.js';
import { Prisma } from '../generated/prisma/client.js';
import type { AppContext } from './context.js';

type State = VersionedState<ConversationData>;

export function conversationStorage<C extends AppContext>(prisma: PrismaClient): ConversationStorage<C, ConversationData> {
  const byChat: StorageAdapter<State> = keyValueStorage<State>(prisma, 'conversation');
  // Decided at the read and kept for the write: a handler may set ctx.person meanwhile (/forget).
  const ownerOf = new WeakMap<C, number>();
  const personOf = (ctx: C) => (ctx.person && ctx.chat?.type === 'private' && ctx.chat.id === ctx.from?.id ? ctx.person : null);
  const savePerson = (id: number, conversation: Prisma.InputJsonValue | typeof Prisma.DbNull) => prisma.person.update({ where: { id }, data: { conversation } });
  return {
    type: 'context',
    version: 1,
    adapter: {
      async read(ctx) {
        const person = personOf(ctx);
        if (person) {
          ownerOf.set(ctx, person.id);
          return (person.conversation ?? undefined) as State | undefined;
        }
        return ctx.chatId === undefined ? undefined : byChat.read(String(ctx.chatId));
      },
      async write(ctx, state) {
        const owner = ownerOf.get(ctx);
        if (owner !== undefined) await savePerson(owner, state as unknown as Prisma.InputJsonValue);
        else if (ctx.chatId !== undefined) await byChat.write(String(ctx.chatId), state);
      },
      async delete(ctx) {
        const owner = ownerOf.get(ctx);
        if (owner !== undefined) await savePerson(owner, Prisma.DbNull);
        else if (ctx.chatId !== undefined) await byChat.delete(String(ctx.chatId));
      },
    },
  };
}
