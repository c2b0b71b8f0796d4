// Shared steps of the resident's tests: a seeded app and the labels a user presses,
// read from the catalogue so the tests speak the user's language.
import type { Message, Update } from 'grammy/types';
import type { Locale } from '../../src/i18n/index.js';
import { seedDemoDistrict } from '../../src/domain/seed/demo-district.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js';
import type { TestUser } from '../helpers/telegram.js';

export async function createSeededApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await createTestApp(options);
  await seedDemoDistrict(app.deps.prisma, { now: app.clock.now() });
  return app;
}

export function labels(app: TestApp, locale: Locale) {
  return (key: string, vars?: Record<string, string | number>) => app.deps.translate(locale, key, vars);
}

export const languageCodes: Record<Locale, string> = { 'zh-CN': 'zh-hans', en: 'en' };

/** /start and consent. */
export async function consent(app: TestApp, user: TestUser, locale: Locale): Promise<void> {
  const t = labels(app, locale);
  await user.send('/start');
  await user.press(t('privacy-consent-yes'));
}

export interface DialogueAnswers {
  category: string;
  text: string;
}

/** From the category step to the summary, with no photos, location or phone. */
export async function answerPlainly(app: TestApp, user: TestUser, locale: Locale, answers: DialogueAnswers): Promise<void> {
  const t = labels(app, locale);
  await user.press(answers.category);
  await user.send(answers.text);
  await user.press(t('opinion-photos-skip'));
  await user.pressKey(t('opinion-skip'));
  await user.pressKey(t('opinion-skip'));
}

let messageId = 900_000;
let updateId = 900_000;

/** A message the TestUser cannot produce (e.g. someone else's contact card). */
export async function sendRawMessage(app: TestApp, user: TestUser, extra: Partial<Message>): Promise<void> {
  await app.bot.handleUpdate({
    update_id: updateId++,
    message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: user.chat, from: user.from, ...extra } as Message,
  } as Update);
}
