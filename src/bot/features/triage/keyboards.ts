import { InlineKeyboard } from 'grammy';
import { openCase } from './callback-data.js';

/** One button that opens the case view (notifications, lists). */
export function openCaseKeyboard(label: string, opinionId: number): InlineKeyboard {
  return new InlineKeyboard().text(label, openCase.pack({ id: opinionId }));
}
