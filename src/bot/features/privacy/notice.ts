// The privacy notice, shown at /start before consent and again at /privacy.
import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { defineCallbackData } from '../../callback-data.js';
import type { AppContext } from '../../context.js';

export const consentChoice = defineCallbackData('consent', { answer: z.enum(['yes', 'no']) });

export function privacyNotice(ctx: AppContext): string {
  return ctx.t('privacy-notice', { months: ctx.deps.config.DATA_RETENTION_MONTHS });
}

export function consentKeyboard(ctx: AppContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('privacy-consent-yes'), consentChoice.pack({ answer: 'yes' }))
    .row()
    .text(ctx.t('privacy-consent-no'), consentChoice.pack({ answer: 'no' }));
}
