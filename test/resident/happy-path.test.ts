// The resident's whole path, in Chinese and in English: consent, find a station by
// region and by location, send an opinion with photos, location and phone, get the
// tracking number, follow it in /my.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/domain/seed/demo-district.js';
import type { Locale } from '../../src/i18n/index.js';
import type { TestApp } from '../helpers/app.js';
import { createSeededApp, labels, languageCodes } from './helpers.js';

const places = {
  'zh-CN': { street: '中山路街道', community: '🏘 玉屏社区', station: '🏠 玉屏社区代表活动站', stationName: '玉屏社区代表活动站', category: '道路交通', tier: '代表活动站', stage: '待受理', collected: '意见已提交', representative: '• 11月26日周四 14:30–17:00 张建国（区人大代表）', acknowledgeBy: '11月24日周二 23:59' },
  en: { street: 'Zhongshanlu Subdistrict', community: '🏘 Yuping Community', station: '🏠 Yuping Community Station', stationName: 'Yuping Community Station', category: 'Roads and traffic', tier: 'Representatives\' Station', stage: 'Waiting to be taken up', collected: 'Opinion submitted', representative: '• Thu 26 Nov, 14:30–17:00 张建国 (district representative)', acknowledgeBy: 'Tue 24 Nov, 23:59' },
} as const;

const texts: Record<Locale, string> = {
  'zh-CN': '玉屏路 12 号门口的路灯坏了两个星期，晚上很黑，老人出行不安全。',
  en: 'The street lamp outside 12 Yuping Road has been broken for two weeks; it is dark at night.',
};

const residents: Record<Locale, number> = { 'zh-CN': DEMO_PERSONAS.resident.telegramId, en: 10_002 };
const trackingNumberIn = (text: string) => /MY-2611-\d{4}/.exec(text)?.[0] ?? '';

let app: TestApp;
beforeAll(async () => {
  app = await createSeededApp();
});
afterAll(() => app.close());

describe.each(['zh-CN', 'en'] as const)('the resident’s happy path in %s', (locale) => {
  const place = places[locale];

  it('consents, finds a station, submits an opinion and follows it', async () => {
    const t = labels(app, locale);
    const telegramId = residents[locale];
    const user = app.user(telegramId, languageCodes[locale], 'Wang');
    const prisma = app.deps.prisma;

    // /start: welcome with the language choice, the privacy notice with consent buttons, nothing stored yet.
    await user.send('/start');
    const [welcome, notice] = user.texts().slice(-2);
    expect(welcome).toBe(t('start-welcome'));
    expect(notice).toContain(String(app.deps.config.DATA_RETENTION_MONTHS));
    expect(notice).toContain('/mydata');
    expect(notice).toContain('/forget');
    expect(user.inlineButtons()).toEqual([t('privacy-consent-yes'), t('privacy-consent-no')]);
    expect(await prisma.person.count({ where: { telegramId: BigInt(telegramId) } })).toBe(0);

    await user.press(t('privacy-consent-yes'));
    const person = await prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } });
    expect(person).toMatchObject({ chatId: BigInt(telegramId), displayName: 'Wang', locale });
    expect(person.consentedAt).toEqual(app.clock.now());

    // By street, then community, then the station's card.
    await user.send('/stations');
    expect(user.replyButtons()[0]).toMatchObject({ text: t('stations-share-location'), request_location: true });
    await user.press(place.street);
    await user.press(place.community);
    await user.press(place.station);
    const card = user.lastText();
    expect(card).toContain(place.stationName);
    expect(card).toContain(place.tier);
    expect(card).toContain(locale === 'en' ? '2F, 12 Yuping Road' : '玉屏路 12 号');
    expect(card).toContain('李静');
    // The demo rota: Thursdays 14:30–17:00 at Yuping; the clock is Monday 23 November 2026.
    expect(card).toContain(place.representative);
    expect(user.inlineButtons()).toEqual([t('stations-opinion-here')]);

    // By location: nearest five, nearest first, with distances.
    await user.pressKey(t('stations-share-location'), { latitude: 29.36, longitude: 105.923 });
    const nearby = user.lastText().split('\n');
    expect(nearby[0]).toBe(t('stations-nearby'));
    expect(nearby).toHaveLength(6);
    expect(nearby[1]).toMatch(new RegExp(`^1\\. ${place.station} · 22 (米|m)$`));

    // The card's button starts the dialogue with the station preselected.
    await user.press(place.station);
    await user.press(t('stations-opinion-here'));
    expect(user.lastText()).toBe(t('opinion-station-confirm', { station: place.stationName }));
    await user.press(t('opinion-station-keep'));
    await user.press(place.category);
    await user.send(texts[locale]);
    await user.sendPhoto('photo-a');
    expect(user.lastText()).toBe(t('opinion-photo-received', { count: 1, max: 5 }));
    await user.sendPhoto('photo-b');
    await user.press(t('opinion-photos-done'));
    await user.pressKey(t('stations-share-location'), { latitude: 29.3605, longitude: 105.9236 });
    await user.pressKey(t('opinion-phone-send'));
    await user.press(t('opinion-share-yes'));

    const summary = user.lastText();
    expect(summary).toContain(t('opinion-summary-station', { station: place.stationName }));
    expect(summary).toContain(t('opinion-summary-category', { category: place.category }));
    expect(summary).toContain(texts[locale]);
    expect(summary).toContain(t('opinion-summary-photos', { count: 2 }));
    expect(summary).toContain('+8613800000000');
    expect(summary).toContain(t('opinion-share-chosen-yes'));
    await user.press(t('opinion-confirm'));
    const trackingNo = trackingNumberIn(user.lastText());
    // The receipt gives the date by which an officer must take it up: by the end of the next working day.
    expect(user.lastText()).toBe(t('opinion-submitted', { trackingNo, acknowledgeBy: place.acknowledgeBy }));

    const opinion = await prisma.opinion.findUniqueOrThrow({
      where: { trackingNo },
      include: { attachments: { orderBy: { id: 'asc' } }, events: true, deadlines: true, notifications: true, station: true },
    });
    expect(opinion).toMatchObject({
      residentId: person.id,
      text: texts[locale],
      latitude: 29.3605,
      longitude: 105.9236,
      contactPhone: '+8613800000000',
      contactName: 'Wang',
      shareContact: true,
      stage: 'COLLECTED',
      locale,
    });
    expect(opinion.station.code).toBe('YP-STATION');
    expect(opinion.attachments.map((a) => [a.kind, a.telegramFileId])).toEqual([['PHOTO', 'photo-a'], ['PHOTO', 'photo-b']]);
    expect(opinion.events.map((e) => [e.type, e.toStage, e.actorId])).toEqual([['COLLECTED', 'COLLECTED', person.id]]);
    expect(opinion.deadlines.map((d) => d.kind)).toEqual(['ACKNOWLEDGE']);
    expect(opinion.notifications.map((n) => n.chatId)).toEqual([BigInt(DEMO_PERSONAS.officer.telegramId)]);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).lastStationId).toBe(opinion.stationId);

    // /my, newest first, and the timeline.
    await user.send('/my');
    expect(user.lastText()).toContain(`${trackingNo} · ${place.category} · ${place.stage}`);
    await user.press(`${trackingNo} · ${place.stage}`);
    const timeline = user.lastText();
    expect(timeline).toContain(t('my-opinions-stage', { stage: place.stage }));
    expect(timeline).toMatch(new RegExp(`09:00 ${place.collected}`));
  });

  it('chooses a station inside the dialogue, by region and by location, and edits before confirming', async () => {
    const t = labels(app, locale);
    const user = app.user(residents[locale] + 100, languageCodes[locale]);
    await user.send('/start');
    await user.press(t('privacy-consent-yes'));

    // No last station yet: the dialogue opens on the region menu and offers the location button.
    await user.send('/new');
    expect(user.replyButtons()[0]).toMatchObject({ request_location: true });
    await user.press(place.street);
    await user.press(place.community);
    await user.press(place.station);
    expect(user.texts()).toContain(t('opinion-station-chosen', { station: place.stationName }));
    await user.press(place.category);
    await user.send(texts[locale]);
    await user.press(t('opinion-photos-skip'));
    await user.pressKey(t('opinion-skip'));
    await user.pressKey(t('opinion-skip'));
    expect(user.lastText()).toContain(t('opinion-summary-phone', { phone: t('opinion-summary-none') }));

    // Edit: the station, by location this time; then back to the summary.
    await user.press(t('opinion-edit'));
    await user.press(t('opinion-field-station'));
    await user.shareLocation(29.0189, 105.8502);
    await user.press(/^📍 .*(朱沱农贸市场|Zhutuo Farmers)/);
    await user.press(t('opinion-edit'));
    await user.press(t('opinion-field-text'));
    await user.send(`${texts[locale]} (2)`);
    const summary = user.lastText();
    expect(summary).toContain(locale === 'en' ? 'Zhutuo Farmers’ Market Liaison Point' : '朱沱农贸市场民情联络点');
    expect(summary).toContain(`${texts[locale]} (2)`);
    await user.press(t('opinion-confirm'));
    expect(user.lastText()).toBe(t('opinion-submitted', { trackingNo: trackingNumberIn(user.lastText()), acknowledgeBy: place.acknowledgeBy }));
    expect(await app.deps.prisma.opinion.count({ where: { resident: { telegramId: BigInt(residents[locale] + 100) } } })).toBe(1);

    // The next /new offers the station used last.
    await user.send('/new');
    expect(user.lastText()).toContain(locale === 'en' ? 'Zhutuo Farmers’ Market Liaison Point' : '朱沱农贸市场民情联络点');
    await user.send('/cancel');
  });
});
