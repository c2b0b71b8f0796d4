// A dialogue's state (grammY conversations) lives on the person's row in their private
// chat, which every update loads anyway, and in the KeyValue table for other chats; either
// way a second process continues it.
import { conversations, createConversation, type Conversation } from '@grammyjs/conversations';
import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStorage } from '../../src/bot/conversation-storage.js';
import type { AppContext, BotContext } from '../../src/bot/context.js';
import { findPerson } from '../../src/bot/middleware/app-context.js';
import type { AppDeps } from '../../src/deps.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { FakeTelegram, TestUser, testBotInfo } from '../helpers/telegram.js';

let db: TestDatabase;
const telegram = new FakeTelegram();

beforeAll(async () => {
  db = await openTestDatabase('pglite');
});
afterAll(() => db.destroy());

/** A bot with one two-question dialogue, as a new process would build it. */
function process(): Bot<BotContext> {
  const bot = new Bot<BotContext>('test-token', { botInfo: testBotInfo, client: { fetch: telegram.fetch } });
  const deps = { prisma: db.prisma } as AppDeps;
  bot.use(async (ctx, next) => {
    ctx.person = ctx.from ? await findPerson(deps, ctx.from.id) : null;
    await next();
  });
  bot.use(conversations<BotContext, AppContext>({ storage: conversationStorage(db.prisma) }));
  bot.use(
    createConversation(async (conversation: Conversation<BotContext, AppContext>, ctx: AppContext) => {
      await ctx.reply('name?');
      const name = await conversation.waitFor('message:text');
      await ctx.reply('city?');
      const city = await conversation.waitFor('message:text');
      await ctx.reply(`${name.message.text} from ${city.message.text}`);
    }, 'ask'),
  );
  bot.command('ask', (ctx) => ctx.conversation.enter('ask'));
  return bot;
}

const conversationKeys = async () => (await db.prisma.keyValue.findMany({ where: { key: { startsWith: 'conversation:' } } })).map((row) => row.key);

describe('conversation state', () => {
  it('is kept on the person’s row in their private chat, survives a restart and goes when the dialogue ends', async () => {
    const person = await db.prisma.person.create({ data: { telegramId: 93_001n, chatId: 93_001n } });
    const user = new TestUser(process(), telegram, 93_001);
    await user.send('/ask');
    await user.send('老王');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).conversation).not.toBeNull();
    expect(await conversationKeys()).toEqual([]);

    const afterRestart = new TestUser(process(), telegram, 93_001);
    await afterRestart.send('永川');
    expect(afterRestart.lastText()).toBe('老王 from 永川');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).conversation).toBeNull();
  });

  it('is kept by chat for someone without a row', async () => {
    const stranger = new TestUser(process(), telegram, 93_002);
    await stranger.send('/ask');
    expect(await conversationKeys()).toEqual(['conversation:93002']);
    await stranger.send('小李');
    await new TestUser(process(), telegram, 93_002).send('荣昌');
    expect(stranger.lastText()).toBe('小李 from 荣昌');
    expect(await conversationKeys()).toEqual([]);
  });
});
