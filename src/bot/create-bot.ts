// Builds the bot: error boundary, API transformers, context, session, conversations,
// then one Composer per feature, and the `unhandled` feature last.
import { conversations } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, session, type ApiClientOptions, type StorageAdapter } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { keyValueStorage } from '../db/key-value-storage.js';
import type { AppDeps } from '../deps.js';
import { botApiRetry } from './api-retry.js';
import { conversationStorage } from './conversation-storage.js';
import type { AppContext, BotContext, SessionData } from './context.js';
import { features } from './features/index.js';
import { attachDeps, createBotI18n } from './middleware/app-context.js';

export interface CreateBotOptions {
  token: string;
  deps: AppDeps;
  /** Known bot identity: skips getMe (tests, webhooks). */
  botInfo?: UserFromGetMe;
  client?: ApiClientOptions;
}

export function createBot({ token, deps, botInfo, client }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ...(botInfo ? { botInfo } : {}),
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT, ...client },
  });
  bot.api.config.use(botApiRetry);

  bot.catch(async ({ ctx, error }) => {
    deps.logger.error('update failed', { updateId: ctx.update.update_id, error });
    try {
      if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('error-generic'));
    } catch {
      // The apology itself failed (blocked chat, network): the log line above is what remains.
    }
  });

  // One chat's updates in order (the runner handles chats concurrently).
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  const i18n = createBotI18n(deps);
  // The session comes before i18n: a language picked before consent lives there.
  bot.use(attachDeps(deps));
  const sessionStorage = keyValueStorage<SessionData>(deps.prisma, 'session');
  const chatSession = (storage: StorageAdapter<SessionData>) =>
    session<SessionData, BotContext>({ initial: () => ({}), storage, getSessionKey: (ctx) => ctx.chatId?.toString() });
  const strangerSession = chatSession(sessionStorage);
  // A person's language lives on their row: their chat's session is never read (a
  // statement saved on every update), only written when /forget hands the language back.
  // The read gives an empty session rather than none, which grammY would write back.
  const personSession = chatSession({ ...sessionStorage, read: async () => ({}) });
  bot.use((ctx, next) => (ctx.person ? personSession : strangerSession)(ctx, next));
  bot.use(i18n);
  bot.use(
    conversations<BotContext, AppContext>({
      storage: conversationStorage(deps.prisma),
      // Contexts inside conversations are new objects: they need the same context
      // middleware, and the retry transformer (bot.api's transformers do not reach them).
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(botApiRetry);
          await next();
        },
        attachDeps(deps),
        i18n,
      ],
    }),
  );
  bot.use(features);
  return bot;
}
