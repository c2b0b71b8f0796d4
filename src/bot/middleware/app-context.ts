// Middleware that gives every context its dependencies, its person and its language.
// Installed on the bot and again as plugins inside conversations, which build their
// own context objects.
import type { I18n } from '@grammyjs/i18n';
import type { MiddlewareFn } from 'grammy';
import { readRetryingLostConnection } from '../../db/lost-connection.js';
import type { AppDeps } from '../../deps.js';
import { createI18n, isLocale, localeFromLanguageCode } from '../../i18n/index.js';
import type { AppContext, PersonWithRoles } from '../context.js';

export async function findPerson(deps: AppDeps, telegramId: number): Promise<PersonWithRoles | null> {
  // The first statement of every update: a connection the server dropped meanwhile must
  // not turn the resident's message into an apology.
  return readRetryingLostConnection(() =>
    deps.prisma.person.findUnique({
      where: { telegramId: BigInt(telegramId) },
      // One statement (relation joins): the active roles, and the resident's open draft so
      // that the opinion dialogue needs no second read.
      include: { roles: { where: { revokedAt: null } }, opinionDraft: true },
    }),
  );
}

export function attachDeps(deps: AppDeps): MiddlewareFn<AppContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.person = ctx.from ? await findPerson(deps, ctx.from.id) : null;
    if (ctx.person?.blockedAt && ctx.chat?.type === 'private') {
      // Writing to the bot again means they unblocked it: notifications may flow again.
      await deps.prisma.person.update({ where: { id: ctx.person.id }, data: { blockedAt: null } });
      ctx.person.blockedAt = null;
    }
    await next();
  };
}

/** Locale: the person's saved choice, else the pre-consent choice, else Telegram's language. */
export function createBotI18n(deps: AppDeps): I18n<AppContext> {
  return createI18n<AppContext>({
    defaultLocale: deps.config.DEFAULT_LOCALE,
    localeNegotiator: (ctx) => {
      if (ctx.person && isLocale(ctx.person.locale)) return ctx.person.locale;
      const session = (ctx as { session?: { locale?: string } }).session;
      if (isLocale(session?.locale)) return session.locale;
      return localeFromLanguageCode(ctx.from?.language_code, deps.config.DEFAULT_LOCALE);
    },
  });
}
