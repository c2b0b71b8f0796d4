// Every wrong turn in the resident's dialogue gets a clear answer and loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/telegram.js';
import { answerPlainly, consent, createSeededApp, labels, sendRawMessage } from './helpers.js';

const goodText = '菜市场门口的下水道堵了，污水流到路上。';
const t = (key: string, vars?: Record<string, string | number>) => labels(app, 'zh-CN')(key, vars);

let app: TestApp;
let nextUserId = 20_500;
beforeAll(async () => {
  app = await createSeededApp({ env: { OPINIONS_PER_HOUR: '2', OPINION_MAX_PHOTOS: '2' } });
});
afterAll(() => app.close());

async function residentAtTextStep(): Promise<TestUser> {
  const user = app.user(nextUserId++);
  await consent(app, user, 'zh-CN');
  await user.send('/stations');
  await user.press('中山路街道');
  await user.press('🏛 中山路街道代表之家');
  await user.press(t('stations-opinion-here'));
  await user.press(t('opinion-station-keep'));
  await user.press('城市管理');
  return user;
}

describe('bad input in the opinion dialogue', () => {
  it('refuses /new before consent', async () => {
    const user = app.user(nextUserId++);
    await user.send('/new');
    expect(user.lastText()).toBe(t('opinion-consent-first'));
  });

  it('explains the text limits and keeps waiting for a valid text', async () => {
    const user = await residentAtTextStep();
    await user.send('太短了');
    expect(user.lastText()).toBe(t('opinion-text-too-short', { length: 3, min: 10, max: 2000 }));
    await user.send('长'.repeat(2001));
    expect(user.lastText()).toBe(t('opinion-text-too-long', { length: 2001, min: 10, max: 2000 }));
    await user.send(goodText);
    expect(user.lastText()).toBe(t('opinion-photos-ask', { max: 2 }));
  });

  it('explains stickers at every kind of step, takes a voice note as an attachment, then continues', async () => {
    const user = await residentAtTextStep();
    await user.sendSticker();
    expect(user.lastText()).toBe(t('opinion-unsupported', { hint: t('opinion-text-hint') }));
    await user.send(goodText);
    await user.sendVoice();
    expect(user.lastText()).toBe(t('opinion-voice-received', { count: 1, max: 2 }));
    // A text where a photo is expected: the step's hint, and the photo step goes on.
    await user.send('照片稍后补');
    expect(user.lastText()).toBe(t('opinion-photos-hint'));
    await user.sendPhoto('p-1');
    // The limit (2 here) closes the photo step by itself.
    expect(user.texts()).toContain(t('opinion-photos-full', { max: 2 }));
    expect(user.lastText()).toBe(t('opinion-location-ask'));
    await user.sendSticker();
    expect(user.lastText()).toBe(t('opinion-unsupported', { hint: t('opinion-location-hint') }));
    await user.sendVoice();
    expect(user.lastText()).toBe(t('opinion-unsupported', { hint: t('opinion-location-hint') }));
    await user.pressKey(t('opinion-skip'));
    await user.pressKey(t('opinion-skip'));
    expect(user.lastText()).toContain(t('opinion-summary-photos', { count: 1 }));
    expect(user.lastText()).toContain(t('opinion-summary-voices', { count: 1 }));
  });

  it('accepts only the user’s own contact card', async () => {
    const user = await residentAtTextStep();
    await user.send(goodText);
    await user.press(t('opinion-photos-skip'));
    await user.pressKey(t('opinion-skip'));
    await sendRawMessage(app, user, { contact: { phone_number: '+8613911112222', first_name: 'Neighbour', user_id: 999_999 } });
    expect(user.lastText()).toBe(t('opinion-phone-not-own'));
    await sendRawMessage(app, user, { contact: { phone_number: '+8613911113333', first_name: 'No id' } });
    expect(user.lastText()).toBe(t('opinion-phone-not-own'));
    await user.shareContact('+8613800001111');
    expect(user.texts()).toContain(t('opinion-phone-saved'));
    await user.press(t('opinion-share-no'));
    expect(user.lastText()).toContain('+8613800001111');
    expect(user.lastText()).toContain(t('opinion-share-chosen-no'));
  });

  it('says when a dialogue button is pressed at the wrong step', async () => {
    const user = await residentAtTextStep();
    const calls = await user.press('城市管理');
    const answer = calls.find((call) => call.method === 'answerCallbackQuery');
    expect(answer?.payload).toMatchObject({ text: t('opinion-button-not-now'), show_alert: true });
    await user.send(goodText);
    expect(user.lastText()).toBe(t('opinion-photos-ask', { max: 2 }));
  });

  it('leaves the dialogue on /cancel, keeping what was already submitted', async () => {
    const user = await residentAtTextStep();
    await user.send(goodText);
    await user.send('/cancel');
    expect(user.lastText()).toBe(t('opinion-cancelled'));
    // The dialogue is gone: a photo is no longer taken as an answer.
    await user.sendPhoto('late');
    expect(user.lastText()).toBe(t('unhandled-unknown'));
    await user.send('/cancel');
    expect(user.lastText()).toBe(t('opinion-nothing-to-cancel'));
    expect(await app.deps.prisma.opinion.count({ where: { resident: { telegramId: BigInt(user.id) } } })).toBe(0);
  });

  it('passes other commands and buttons through without losing the draft', async () => {
    const user = await residentAtTextStep();
    await user.send('/help');
    expect(user.lastText()).toBe(t('help-text'));
    // The station finder works in the middle of the dialogue, too.
    await user.send('/stations');
    await user.press('朱沱镇');
    expect(user.lastText()).toBe(t('stations-in-region', { region: '朱沱镇' }));
    await user.send(goodText);
    expect(user.lastText()).toBe(t('opinion-photos-ask', { max: 2 }));
  });

  it('refuses politely beyond the hourly limit, at /new and on submission', async () => {
    const user = app.user(nextUserId++);
    await consent(app, user, 'zh-CN');
    const submit = async () => {
      await user.send('/new');
      if (user.inlineButtons().includes(t('opinion-station-keep'))) await user.press(t('opinion-station-keep'));
      else {
        await user.press('中山路街道');
        await user.press('🏛 中山路街道代表之家');
      }
      await answerPlainly(app, user, 'zh-CN', { category: '城市管理', text: goodText });
    };
    await submit();
    await user.press(t('opinion-confirm'));
    await submit();
    await user.press(t('opinion-confirm'));
    expect(user.lastText()).toMatch(/MY-2611-\d{4}/);
    await user.send('/new');
    // Both were filed at the clock's now: the resident may send again an hour later, and is told when.
    const anHourFromNow = () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(app.clock.now().getTime() + 3_600_000);
    expect(user.lastText()).toBe(t('opinion-rate-limited', { limit: 2, time: anHourFromNow() }));

    // An hour later the limit is lifted.
    app.clock.advance(61 * 60_000);
    await submit();
    // …but a submission racing past it is refused by the domain as well.
    const person = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) } });
    const opinion = await app.deps.prisma.opinion.findFirstOrThrow({ where: { residentId: person.id } });
    await app.deps.prisma.opinion.createMany({
      data: [1, 2].map((n) => ({ trackingNo: `MY-2611-9${n}00`, residentId: person.id, stationId: opinion.stationId, categoryId: opinion.categoryId, text: goodText, createdAt: app.clock.now() })),
    });
    await user.press(t('opinion-confirm'));
    expect(user.lastText()).toBe(t('opinion-rate-limited', { limit: 2, time: anHourFromNow() }));
  });
});
