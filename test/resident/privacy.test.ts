// /mydata sends everything stored; /forget erases the personal details and keeps the
// anonymised opinion; staff cannot erase themselves while they hold a role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPersonalData, personalDataJson } from '../../src/domain/residents/personal-data.js';
import { DEMO_PERSONAS } from '../../src/domain/seed/demo-district.js';
import type { TestApp } from '../helpers/app.js';
import { consent, createSeededApp, labels } from './helpers.js';

let app: TestApp;
const t = (key: string, vars?: Record<string, string | number>) => labels(app, 'zh-CN')(key, vars);
beforeAll(async () => {
  app = await createSeededApp();
});
afterAll(() => app.close());

async function submitWithPhone(userId: number) {
  const user = app.user(userId, 'zh-hans', '老张');
  await consent(app, user, 'zh-CN');
  await user.send('/new');
  await user.press('胜利路街道');
  await user.press('🏘 兴龙湖社区');
  await user.press('🏠 兴龙湖社区代表活动站');
  await user.press('物业管理');
  await user.send('小区电梯经常停运，物业一直不修。');
  await user.sendPhoto('lift');
  await user.press(t('opinion-photos-done'));
  await user.pressKey(t('opinion-skip'));
  await user.pressKey(t('opinion-phone-send'));
  await user.press(t('opinion-share-no'));
  await user.press(t('opinion-confirm'));
  return user;
}

describe('the resident’s data rights', () => {
  it('has nothing to export or erase before consent', async () => {
    const user = app.user(72_000);
    await user.send('/mydata');
    expect(user.lastText()).toBe(t('privacy-no-data'));
    await user.send('/forget');
    expect(user.lastText()).toBe(t('privacy-no-data'));
  });

  it('sends the stored data as a JSON document', async () => {
    const user = await submitWithPhone(72_001);
    const calls = await user.send('/mydata');
    const document = calls.find((call) => call.method === 'sendDocument');
    expect(document?.payload).toMatchObject({ caption: t('privacy-mydata-caption'), document: expect.stringMatching(/^attach:\/\//) });
    // The fake Telegram keeps only the text fields of uploads: the content is checked on the export itself.
    const person = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: 72_001n } });
    const data = JSON.parse(personalDataJson(await exportPersonalData(app.deps, person.id)));
    expect(data.person).toMatchObject({ telegramId: '72001', displayName: '老张', locale: 'zh-CN' });
    expect(data.opinions).toHaveLength(1);
    expect(data.opinions[0]).toMatchObject({ text: '小区电梯经常停运，物业一直不修。', contactPhone: '+8613800000000', shareContact: false });
    expect(data.opinions[0].events.map((e: { type: string }) => e.type)).toEqual(['COLLECTED']);
    expect(data.opinions[0].attachments.map((a: { telegramFileId: string }) => a.telegramFileId)).toEqual(['lift']);
  });

  it('erases the personal details after confirmation and keeps the anonymised opinion', async () => {
    const user = await submitWithPhone(72_002);
    await user.send('/forget');
    await user.press(t('privacy-forget-no'));
    expect(user.lastText()).toBe(t('privacy-forget-kept'));
    expect(await app.deps.prisma.person.count({ where: { telegramId: 72_002n } })).toBe(1);

    await user.send('/forget');
    expect(user.lastText()).toBe(t('privacy-forget-ask'));
    await user.press(t('privacy-forget-yes'));
    expect(user.lastText()).toBe(t('privacy-forget-done'));

    const erased = await app.deps.prisma.person.findFirstOrThrow({ where: { opinions: { some: { text: '小区电梯经常停运，物业一直不修。' } }, erasedAt: { not: null } }, include: { opinions: true } });
    expect(erased).toMatchObject({ telegramId: null, chatId: null, displayName: null, phone: null });
    expect(erased.opinions).toHaveLength(1);
    expect(erased.opinions[0]).toMatchObject({ contactPhone: null, contactName: null, stage: 'COLLECTED' });

    // A stranger again: the notice at /start, nothing in /my, consent needed for /new.
    await user.send('/my');
    expect(user.lastText()).toBe(t('my-opinions-none'));
    await user.send('/new');
    expect(user.lastText()).toBe(t('opinion-consent-first'));
    await user.send('/start');
    expect(user.inlineButtons()).toEqual([t('privacy-consent-yes'), t('privacy-consent-no')]);
    await user.press(t('privacy-consent-yes'));
    const fresh = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: 72_002n } });
    expect(fresh.id).not.toBe(erased.id);
  });

  it('refuses to erase a staff member who still holds a role', async () => {
    const officer = app.user(DEMO_PERSONAS.officer.telegramId);
    await officer.send('/forget');
    await officer.press(t('privacy-forget-yes'));
    expect(officer.lastText()).toBe(t('privacy-forget-staff'));
    expect(await app.deps.prisma.person.count({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } })).toBe(1);
  });

  it('declining consent stores nothing and explains how to come back', async () => {
    const user = app.user(72_003);
    await user.send('/start');
    await user.press(t('privacy-consent-no'));
    expect(user.lastText()).toBe(t('privacy-consent-declined'));
    expect(await app.deps.prisma.person.count({ where: { telegramId: 72_003n } })).toBe(0);
  });
});

describe('/start with a staff invitation', () => {
  it('leaves /start inv_<code> to the invitations feature: no welcome, no privacy notice', async () => {
    const user = app.user(72_010);
    await user.send('/start inv_not-a-real-code');
    expect(user.texts()).not.toContain(t('start-welcome'));
    expect(user.inlineButtons()).not.toContain(t('privacy-consent-yes'));
  });
});
