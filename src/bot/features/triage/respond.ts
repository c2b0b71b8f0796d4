// Shared by the staff features: domain errors shown in the user's language, and
// names picked in it.
import { isDomainError } from '../../../domain/errors.js';
import type { AppContext } from '../../context.js';

/**
 * Runs a domain call; a DomainError is shown as `ctx.t(error.key, error.vars)` and
 * reported with its code. Anything else is a bug and goes to the error boundary.
 */
export async function attempt<T>(ctx: AppContext, call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await ctx.reply(ctx.t(error.key, error.vars));
    return { ok: false, code: error.code };
  }
}

export interface BilingualName {
  nameZh: string;
  nameEn: string;
}

export async function nameIn(ctx: AppContext, named: BilingualName | null | undefined): Promise<string> {
  if (!named) return '—';
  return (await ctx.i18n.getLocale()) === 'en' ? named.nameEn : named.nameZh;
}

