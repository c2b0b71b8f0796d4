// Shared by the loop tests: a seeded demo district on one test app, residents who
// submit through the domain, and shortcuts for staff conversations.
import type { InlineKeyboardMarkup, Update } from 'grammy/types';
import { renderNotification } from '../../../src/bot/notifications/render.js';
import type { DatabaseKind } from '../../../src/db/database.js';
import { submitOpinion } from '../../../src/domain/opinions/submit-opinion.js';
import { DEMO_PERSONAS, seedDemoDistrict } from '../../../src/domain/seed/demo-district.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { deliverOutbox } from '../../helpers/outbox.js';
import type { TestUser } from '../../helpers/telegram.js';

export { DEMO_PERSONAS };

export interface LoopWorld {
  app: TestApp;
  /** Demo staff, by persona. */
  officer: TestUser;
  otherStationOfficer: TestUser;
  agencyHandler: TestUser;
  otherAgencyHandler: TestUser;
  streetAdmin: TestUser;
  /** Sends every pending notification to its chat. */
  deliver(): Promise<number>;
  /** A consented resident with a chat, in a language. */
  resident(telegramId: number, locale: 'zh-CN' | 'en'): Promise<TestUser & { personId: number }>;
  /** The resident's opinion, submitted through the domain (the /new dialogue is the residents' feature). */
  submit(resident: { personId: number }, text: string, options?: SubmitOptions): Promise<{ id: number; trackingNo: string }>;
  /** Sets a seeded person's language, as /language would. */
  speak(user: TestUser, locale: 'zh-CN' | 'en'): Promise<void>;
  /** Presses a button whose callback data this user never got (someone else's button). */
  pressData(user: TestUser, data: string): Promise<void>;
  /**
   * The notices delivered to this chat so far, oldest first, as they read in a language: one
   * flow checks their texts and buttons in both languages.
   */
  noticesIn(user: TestUser, locale: 'zh-CN' | 'en'): Promise<{ text: string; buttons: string[] }[]>;
}

export interface SubmitOptions {
  station?: string;
  locale?: string;
  shareContact?: boolean;
  category?: string;
  photos?: string[];
  location?: { latitude: number; longitude: number };
}

let syntheticUpdateId = 900_000;

export async function createLoopWorld(backend: DatabaseKind = 'pglite'): Promise<LoopWorld> {
  const app = await createTestApp({ backend });
  await seedDemoDistrict(app.deps.prisma, { now: app.clock.now() });
  const { prisma } = app.deps;
  return {
    app,
    officer: app.user(DEMO_PERSONAS.officer.telegramId),
    otherStationOfficer: app.user(20002),
    agencyHandler: app.user(DEMO_PERSONAS.agencyHandler.telegramId),
    otherAgencyHandler: app.user(30002),
    streetAdmin: app.user(DEMO_PERSONAS.streetAdmin.telegramId),
    deliver: () => deliverOutbox(app),
    async resident(telegramId, locale) {
      const person = await prisma.person.create({
        data: { telegramId: BigInt(telegramId), chatId: BigInt(telegramId), locale, consentedAt: app.clock.now(), displayName: `Resident ${telegramId}`, phone: '+8613900000000' },
      });
      return Object.assign(app.user(telegramId, locale === 'en' ? 'en' : 'zh-hans'), { personId: person.id });
    },
    async submit(resident, text, options = {}) {
      const station = await prisma.station.findUniqueOrThrow({ where: { code: options.station ?? 'YP-STATION' } });
      const category = await prisma.category.findUniqueOrThrow({ where: { code: options.category ?? 'urban-management' } });
      const { opinion } = await submitOpinion(app.deps, {
        residentId: resident.personId,
        stationId: station.id,
        categoryId: category.id,
        text,
        shareContact: options.shareContact ?? false,
        locale: options.locale ?? 'zh-CN',
        attachments: (options.photos ?? []).map((telegramFileId) => ({ kind: 'PHOTO' as const, telegramFileId })),
        location: options.location ?? null,
      });
      return opinion;
    },
    async speak(user, locale) {
      await prisma.person.update({ where: { telegramId: BigInt(user.id) }, data: { locale } });
    },
    async pressData(user, data) {
      await app.bot.handleUpdate({
        update_id: syntheticUpdateId++,
        callback_query: { id: `synthetic-${syntheticUpdateId}`, from: user.from, chat_instance: `ci-${user.id}`, data, message: { message_id: 1, date: 0, chat: user.chat, text: 'x' } },
      } as Update);
    },
    async noticesIn(user, locale) {
      const sent = await prisma.notification.findMany({ where: { chatId: BigInt(user.id), status: 'SENT' }, orderBy: { id: 'asc' } });
      return sent.map((notification) => {
        const { params } = renderNotification(notification, { translate: app.deps.translate, personLocale: locale });
        const markup = params.reply_markup as InlineKeyboardMarkup | undefined;
        return { text: 'text' in params ? params.text : (params.caption ?? ''), buttons: markup?.inline_keyboard.flat().map((button) => button.text) ?? [] };
      });
    },
  };
}
