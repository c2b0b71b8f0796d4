// The bot's context type, assembled from the plugins' flavors.
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context, SessionFlavor } from 'grammy';
import type { AppDeps } from '../deps.js';
import type { OpinionDraft, Person, StaffRole } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/index.js';

/** Loaded once per update, in one statement, with what the opinion dialogue needs. */
export type PersonWithRoles = Person & { roles: StaffRole[]; opinionDraft: OpinionDraft | null };

/** Kept per chat in the KeyValue table; nothing personal (consent comes first). */
export interface SessionData {
  /** Language picked before consent, when there is no Person row yet. */
  locale?: Locale;
}

interface AppContextExtras {
  deps: AppDeps;
  /** The person behind `ctx.from`, with active staff roles; null before consent. */
  person: PersonWithRoles | null;
}

/** What every handler sees, inside conversations too (where there is no session). */
export type AppContext = Context & I18nFlavor & AppContextExtras;

/** The outer context: sessions and conversation controls on top. */
export type BotContext = ConversationFlavor<AppContext & SessionFlavor<SessionData>>;
