// The opinion draft is a row, not a conversation: a failed Telegram call or database
// statement, a restart or a second instance loses nothing of what the resident typed,
// and a confirmed draft becomes exactly one opinion. Also: text typed outside a
// dialogue is offered as an opinion, and voice notes are attachments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { ApiFailure, TestUser } from '../helpers/telegram.js';
import { consent, createSeededApp, labels, languageCodes } from './helpers.js';

const text = '菜市场门口的下水道堵了，污水流到路上。';
const places = {
  'zh-CN': { street: '中山路街道', station: '🏛 中山路街道代表之家', category: '城市管理' },
  en: { street: 'Zhongshanlu Subdistrict', station: '🏛 Zhongshanlu Representatives’ Home', category: 'Urban management' },
} as const;

let app: TestApp;
let nextUserId = 61_000;
const t = (key: string, vars?: Record<string, string | number>) => labels(app, 'zh-CN')(key, vars);

beforeAll(async () => {
  app = await createSeededApp({ backend: 'postgres' });
});
afterAll(() => app.close());

async function resident(locale: Locale = 'zh-CN'): Promise<TestUser> {
  const user = app.user(nextUserId++, languageCodes[locale]);
  await consent(app, user, locale);
  return user;
}

/** /new up to the text step, the station chosen by region. */
async function atTextStep(user: TestUser, locale: Locale = 'zh-CN'): Promise<void> {
  await user.send('/new');
  await user.press(places[locale].street);
  await user.press(places[locale].station);
  await user.press(places[locale].category);
}

async function fromPhotosToSummary(user: TestUser, locale: Locale = 'zh-CN'): Promise<void> {
  const l = labels(app, locale);
  await user.press(l('opinion-photos-skip'));
  await user.pressKey(l('opinion-skip'));
  await user.pressKey(l('opinion-skip'));
  expect(user.lastText()).toContain(l('opinion-summary-title'));
}

const draftOf = (user: TestUser) => app.deps.prisma.opinionDraft.findFirst({ where: { resident: { telegramId: BigInt(user.id) } } });
const opinionsOf = (user: TestUser) =>
  app.deps.prisma.opinion.findMany({ where: { resident: { telegramId: BigInt(user.id) } }, include: { attachments: { orderBy: { id: 'asc' } } } });
const trackingNumbers = (texts: string[]) => texts.flatMap((line) => /MY-\d{4}-\d{4}/.exec(line)?.[0] ?? []);

describe('a failed Telegram call in the dialogue', () => {
  it('"query is too old" on a button: the answer is taken and the dialogue goes on', async () => {
    const user = await resident();
    await user.send('/new');
    await user.press(places['zh-CN'].street);
    await user.press(places['zh-CN'].station);
    app.telegram.failNext({ method: 'answerCallbackQuery', errorCode: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' });
    await user.press(places['zh-CN'].category);
    expect(user.lastText()).toBe(t('opinion-text-ask', { min: 10, max: 2000 }));
    expect(await draftOf(user)).toMatchObject({ step: 'text' });
    await user.send(text);
    await fromPhotosToSummary(user);
    await user.press(t('opinion-confirm'));
    expect(await opinionsOf(user)).toHaveLength(1);
  });

  const faults: [string, Omit<ApiFailure, 'chatId'>][] = [
    ['a 429 with retry_after 60', { method: 'sendMessage', errorCode: 429, description: 'Too Many Requests: retry after 60', retryAfter: 60 }],
    // Retried four times within 7.5 s (src/bot/api-retry.ts); the fifth failure is thrown.
    ['five 5xx in a row', { method: 'sendMessage', errorCode: 502, description: 'Bad Gateway', times: 5 }],
  ];
  it.each(faults)('%s after an answer: the answer is saved, the resident is told and asked the next question again', async (_name, failure) => {
    const user = await resident();
    await atTextStep(user);
    app.telegram.failNext({ ...failure, chatId: user.id });
    await user.send(text);
    // Saved before anything was sent; the apology says so, and the question follows.
    expect(await draftOf(user)).toMatchObject({ step: 'attachments', data: { text } });
    expect(user.texts().slice(-2)).toEqual([t('opinion-saved-not-shown'), t('opinion-photos-ask', { max: 5 })]);
    await fromPhotosToSummary(user);
    await user.press(t('opinion-confirm'));
    expect((await opinionsOf(user)).map((o) => o.text)).toEqual([text]);
  }, 90_000);

  it('four 5xx in a row are retried within seconds: the resident just sees the next question', async () => {
    const user = await resident();
    await atTextStep(user);
    app.telegram.failNext({ method: 'sendMessage', chatId: user.id, errorCode: 502, description: 'Bad Gateway', times: 4 });
    await user.send(text);
    expect(user.lastText()).toBe(t('opinion-photos-ask', { max: 5 }));
    expect(user.texts()).not.toContain(t('opinion-saved-not-shown'));
  }, 30_000);

  it('a refused edit of the category message: saved, told, and the dialogue goes on', async () => {
    const user = await resident();
    await user.send('/new');
    await user.press(places['zh-CN'].street);
    await user.press(places['zh-CN'].station);
    app.telegram.failNext({ method: 'editMessageText', chatId: user.id, errorCode: 400, description: 'Bad Request: message to edit not found' });
    await user.press(places['zh-CN'].category);
    expect(await draftOf(user)).toMatchObject({ step: 'text', data: { category: { nameZh: '城市管理' } } });
    expect(user.texts().slice(-2)).toEqual([t('opinion-saved-not-shown'), t('opinion-text-ask', { min: 10, max: 2000 })]);
  });
});

describe('a failed database statement in the dialogue', () => {
  it('changes nothing, says so honestly, asks again, and the dialogue goes on', async () => {
    const user = await resident();
    await atTextStep(user);
    await app.db.sql.exec(`
      CREATE FUNCTION test_fail_draft() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'connection lost'; END $$;
      CREATE TRIGGER test_fail_draft BEFORE UPDATE ON "OpinionDraft" FOR EACH ROW EXECUTE FUNCTION test_fail_draft();`);
    try {
      await user.send(text);
    } finally {
      await app.db.sql.exec('DROP TRIGGER test_fail_draft ON "OpinionDraft"; DROP FUNCTION test_fail_draft();');
    }
    expect(await draftOf(user)).toMatchObject({ step: 'text', data: { text: null, category: { nameZh: '城市管理' } } });
    expect(user.texts().slice(-2)).toEqual([t('opinion-not-saved'), t('opinion-text-ask', { min: 10, max: 2000 })]);
    await user.send(text);
    await fromPhotosToSummary(user);
    await user.press(t('opinion-confirm'));
    expect((await opinionsOf(user)).map((o) => o.text)).toEqual([text]);
  });
});

describe('the draft across processes', () => {
  let second: TestApp;
  beforeAll(async () => {
    second = await createTestApp({ db: app.db, telegram: app.telegram, now: app.clock.now() });
  });

  it('files one opinion for a double tap on confirm handled by two instances at once, and both answer its number', async () => {
    const user = await resident();
    await atTextStep(user);
    await user.send(text);
    await fromPhotosToSummary(user);
    const onSecond = second.user(user.id);
    await Promise.all([user.press(t('opinion-confirm')), onSecond.press(t('opinion-confirm'))]);
    expect(await opinionsOf(user)).toHaveLength(1);
    const numbers = trackingNumbers(user.texts());
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(1);
    expect(await draftOf(user)).toBeNull();
    // A third tap later, on the old button: the same number again, still one opinion.
    await user.press(t('opinion-confirm'));
    expect(trackingNumbers([user.lastText()])).toEqual([numbers[0]]);
    expect(await opinionsOf(user)).toHaveLength(1);
  });

  it('continues the draft on another instance, as after a restart', async () => {
    const user = await resident();
    await atTextStep(user);
    const restarted = second.user(user.id);
    await restarted.send(text);
    expect(restarted.lastText()).toBe(t('opinion-photos-ask', { max: 5 }));
    await fromPhotosToSummary(restarted);
    await restarted.press(t('opinion-confirm'));
    expect((await opinionsOf(user)).map((o) => o.text)).toEqual([text]);
  });
});

describe('the draft and the resident', () => {
  it('offers to continue or start over on /new, and /cancel discards it', async () => {
    const user = await resident();
    await atTextStep(user);
    await user.send(text);
    const before = await draftOf(user);
    await user.send('/new');
    expect(user.lastText()).toBe(t('opinion-draft-exists'));
    await user.press(t('opinion-draft-continue'));
    expect(user.lastText()).toBe(t('opinion-photos-ask', { max: 5 }));
    await user.send('/new');
    await user.press(t('opinion-draft-restart'));
    const restarted = await draftOf(user);
    expect(restarted).toMatchObject({ step: 'station', data: { text: null } });
    expect(restarted!.id).not.toBe(before!.id);
    await user.send('/cancel');
    expect(user.lastText()).toBe(t('opinion-cancelled'));
    expect(await draftOf(user)).toBeNull();
  });

  it('strips NUL bytes and lone surrogates from what the resident types, and stores the rest', async () => {
    const user = await resident();
    await atTextStep(user);
    await user.send(`菜市场门口\u0000的下水道堵了，\ud800污水流到路上。`);
    expect(await draftOf(user)).toMatchObject({ step: 'attachments', data: { text } });
    await fromPhotosToSummary(user);
    expect(user.lastText()).toContain(text);
    await user.press(t('opinion-confirm'));
    expect((await opinionsOf(user)).map((o) => o.text)).toEqual([text]);
  });
});

describe.each(['zh-CN', 'en'] as const)('outside the dialogue, in %s', (locale) => {
  const l = (key: string, vars?: Record<string, string | number>) => labels(app, locale)(key, vars);
  const typed = locale === 'en' ? 'The bus stop on Renmin Road has no shelter since last week.' : text;

  it('offers text typed outside any dialogue as a new opinion, prefilled', async () => {
    const user = await resident(locale);
    await user.send(typed);
    expect(user.lastText()).toBe(l('opinion-offer'));
    await user.press(l('opinion-offer-yes'));
    await user.press(places[locale].street);
    await user.press(places[locale].station);
    await user.press(places[locale].category);
    // The text is there already: straight on to the photos.
    expect(user.lastText()).toBe(l('opinion-photos-ask', { max: 5 }));
    await fromPhotosToSummary(user, locale);
    expect(user.lastText()).toContain(typed);
    await user.press(l('opinion-confirm'));
    expect((await opinionsOf(user)).map((o) => o.text)).toEqual([typed]);

    // Declined: nothing kept. Too short to be an opinion: not offered.
    await user.send(`${typed} (2)`);
    await user.press(l('opinion-offer-no'));
    expect(user.lastText()).toBe(l('opinion-offer-declined'));
    expect(await draftOf(user)).toBeNull();
    await user.send('ok');
    expect(user.lastText()).toBe(l('unhandled-unknown'));
  });

  it('takes a voice note as an attachment, at the photo step and instead of the text', async () => {
    const user = await resident(locale);
    await atTextStep(user, locale);
    await user.sendVoice();
    expect(user.lastText()).toBe(l('opinion-voice-kept'));
    await user.send(typed);
    await user.sendVoice();
    expect(user.lastText()).toBe(l('opinion-voice-received', { count: 2, max: 5 }));
    await user.press(l('opinion-photos-done'));
    await user.pressKey(l('opinion-skip'));
    await user.pressKey(l('opinion-skip'));
    expect(user.lastText()).toContain(l('opinion-summary-voices', { count: 2 }));
    await user.press(l('opinion-confirm'));
    const [opinion] = await opinionsOf(user);
    expect(opinion!.attachments.map((a) => [a.kind, a.telegramFileId])).toEqual([
      ['VOICE', 'voice'],
      ['VOICE', 'voice'],
    ]);
  });
});
