// One Fluent catalogue for the whole product: the bot uses it per update, and the
// domain renders notifications in each recipient's language with `translate`.
import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import { projectPath } from '../paths.js';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localesDir = projectPath('locales');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Maps a Telegram `language_code` (zh-hans, zh-TW, en-GB, ru…) to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  if (code.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}

export type TranslationVariables = Record<string, string | number | Date>;
export type Translate = (locale: string, key: string, variables?: TranslationVariables) => string;

export function createI18n<C extends Context>(options: {
  defaultLocale: Locale;
  localeNegotiator?: (ctx: C) => string | undefined | PromiseLike<string | undefined>;
}): I18n<C> {
  return new I18n<C>({
    defaultLocale: options.defaultLocale,
    directory: localesDir,
    useSession: false,
    // Bidi isolation marks around variables confuse Telegram clients and tests alike.
    fluentBundleOptions: { useIsolating: false },
    ...(options.localeNegotiator ? { localeNegotiator: options.localeNegotiator } : {}),
  });
}

/** A translate function outside any update (notifications, reports, jobs). */
export function createTranslate(defaultLocale: Locale = 'zh-CN'): Translate {
  const i18n = createI18n({ defaultLocale });
  return (locale, key, variables) => i18n.t(isLocale(locale) ? locale : defaultLocale, key, variables);
}
