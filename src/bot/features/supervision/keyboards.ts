import { InlineKeyboard } from 'grammy';
import { openCase } from '../triage/callback-data.js';
import type { ReassignOptions } from '../../../domain/opinions/supervision.js';
import { chaseCase, reassignCase, reassignToAgency, reassignToOfficer } from './callback-data.js';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Under a 督办 notice: chase, reassign, open the case. */
export function superviseKeyboard(t: T, opinionId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('supervision-chase'), chaseCase.pack({ id: opinionId }))
    .text(t('supervision-reassign'), reassignCase.pack({ id: opinionId }))
    .row()
    .text(t('triage-open-case'), openCase.pack({ id: opinionId }));
}

/** One button per officer, then per agency (names in the admin's language). */
export function reassignKeyboard(t: T, locale: string, opinionId: number, options: ReassignOptions): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const officer of options.officers) keyboard.text(t('supervision-to-officer', { name: officer.name }), reassignToOfficer.pack({ id: opinionId, p: officer.id })).row();
  for (const agency of options.agencies) keyboard.text(locale === 'en' ? agency.nameEn : agency.nameZh, reassignToAgency.pack({ id: opinionId, a: agency.id })).row();
  return keyboard;
}
