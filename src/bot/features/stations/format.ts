// Presentation helpers shared by the resident's features: names in the reader's
// language, times in the district's time zone, distances.
import { dateTimeFormat } from '../../../domain/calendar/date-time-format.js';
import { isLocale, type Locale } from '../../../i18n/index.js';
import type { StationTier } from '../../../generated/prisma/client.js';
import type { AppContext } from '../../context.js';

export async function currentLocale(ctx: AppContext): Promise<Locale> {
  const locale = await ctx.i18n.getLocale();
  return isLocale(locale) ? locale : ctx.deps.config.DEFAULT_LOCALE;
}

/** Picks `nameZh` / `nameEn` (or any `…Zh` / `…En` pair) for the reader. */
export function localized(item: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? item.nameEn : item.nameZh;
}

export function localizedPair(zh: string, en: string, locale: Locale): string {
  return locale === 'en' ? en : zh;
}

const intlLocale: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

/** e.g. 11月24日周二 09:00 / Tue 24 Nov, 09:00 — always in the district's zone. */
export function formatDateTime(at: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale[locale], {
    timeZone,
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function formatTime(at: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(intlLocale[locale], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export function formatDistance(ctx: AppContext, metres: number): string {
  return metres < 1000 ? ctx.t('stations-distance-m', { metres }) : ctx.t('stations-distance-km', { km: (metres / 1000).toFixed(1) });
}

export const tierIcon: Record<StationTier, string> = { HOME: '🏛', STATION: '🏠', POINT: '📍' };

export function tierName(ctx: AppContext, tier: StationTier): string {
  return ctx.t(`stations-tier-${tier.toLowerCase()}`);
}
