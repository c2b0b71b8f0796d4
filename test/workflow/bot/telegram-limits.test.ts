// Every view fits Telegram's limits whatever people typed: the longest opinion the
// configuration allows (astral characters: two UTF-16 units each), the longest answer and
// notes, a long history, photos and a location, through the case card (officer, agency,
// resident), its full-text pager, the inbox, the agency's /cases and the resident's /my,
// and through every kind of notification. Each payload the bot sent or would send is
// checked against the limits; the pagers give back all of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotification, type RenderedNotification } from '../../../src/bot/notifications/render.js';
import { openCase } from '../../../src/bot/features/triage/callback-data.js';
import { ACTION_TEXT_MAX } from '../../../src/domain/opinions/action-input.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import type { OpinionAction } from '../../../src/domain/opinions/lifecycle.js';
import type { NotificationMessage } from '../../../src/delivery/message.js';
import { createTranslate, locales, localesDir } from '../../../src/i18n/index.js';
import type { ApiCall, TestUser } from '../../helpers/telegram.js';
import { createLoopWorld, type LoopWorld } from './staff-loop.js';

const LIMITS = { text: 4096, caption: 1024, callbackData: 64, callbackAnswer: 200 };

function assertWithinLimits(calls: Pick<ApiCall, 'method' | 'payload'>[]): void {
  for (const { method, payload } of calls) {
    if (typeof payload.text === 'string') {
      expect(payload.text.length, `${method} text`).toBeLessThanOrEqual(method === 'answerCallbackQuery' ? LIMITS.callbackAnswer : LIMITS.text);
      expect(payload.text.length, `${method} text is empty`).toBeGreaterThan(0);
    }
    if (typeof payload.caption === 'string') expect(payload.caption.length, `${method} caption`).toBeLessThanOrEqual(LIMITS.caption);
    for (const item of (payload.media as { caption?: string }[] | undefined) ?? []) expect((item.caption ?? '').length, 'album caption').toBeLessThanOrEqual(LIMITS.caption);
    const markup = (typeof payload.reply_markup === 'string' ? JSON.parse(payload.reply_markup) : payload.reply_markup) as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
    for (const button of markup?.inline_keyboard?.flat() ?? []) {
      if (button.callback_data) expect(Buffer.byteLength(button.callback_data), button.callback_data).toBeLessThanOrEqual(LIMITS.callbackData);
    }
  }
}

/** Notifications as the Bot API calls they become. */
const asCalls = (rendered: RenderedNotification[]) => rendered.map(({ method, params }) => ({ method, payload: params as Record<string, unknown> }));

/** The pages' contents joined, without line breaks (a page may end mid-line). */
const joined = (pages: string[]) => pages.map((page) => page.slice(page.indexOf('\n\n') + 2)).join('').replaceAll('\n', '');

/** Opens the pager with `button` and turns every page; returns the pages' texts. */
async function readAllPages(user: TestUser, button: string): Promise<string[]> {
  const pages = [(await user.press(button)).find((call) => call.method === 'sendMessage')!.payload.text as string];
  while (user.inlineButtons().includes('▶')) {
    const turned = await user.press('▶');
    pages.push(turned.find((call) => call.method === 'editMessageText')!.payload.text as string);
  }
  return pages;
}

describe('Telegram limits with the longest texts', () => {
  let world: LoopWorld;

  beforeAll(async () => {
    world = await createLoopWorld('postgres');
  });
  afterAll(() => world.app.close());

  it('keeps every view within the limits and pages through the whole case (zh and en)', { timeout: 240_000 }, async () => {
    const { app, officer, agencyHandler } = world;
    const { prisma } = app.deps;
    const max = app.deps.config.OPINION_TEXT_MAX;
    const longest = '𠮷'.repeat(max - 1) + '尾';
    const note = (mark: string) => `${mark}${'路'.repeat(ACTION_TEXT_MAX - mark.length - 1)}尾`;
    const resident = await world.resident(84001, 'en');
    const opinion = await world.submit(resident, longest, { photos: ['p1', 'p2', 'p3', 'p4', 'p5'], location: { latitude: 29.36, longitude: 105.92 }, shareContact: true });
    // More of the same at the station: the inbox has more than a page.
    const others: number[] = [];
    for (let i = 0; i < 40; i++) {
      // Five an hour per resident: several neighbours.
      if (i % 5 === 0) await world.resident(84100 + i, 'zh-CN');
      const neighbour = await prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(84100 + i - (i % 5)) } });
      others.push((await world.submit({ personId: neighbour.id }, String(i).padStart(2, '0') + [...longest].slice(2).join(''))).id);
    }

    const personOf = async (user: TestUser) => (await prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(user.id) } })).id;
    const act = async (user: TestUser, action: OpinionAction, opinionId = opinion.id) =>
      applyOpinionAction(app.deps, { opinionId, actor: { kind: 'person', personId: await personOf(user) }, action });
    const urban = await prisma.agency.findUniqueOrThrow({ where: { code: 'URBAN-MGMT' } });
    await act(officer, { type: 'refer', agencyId: urban.id, note: note('附言') });
    for (const id of others.slice(0, 5)) await act(officer, { type: 'refer', agencyId: urban.id, note: note('附言') }, id);
    for (let i = 0; i < 10; i++) await act(agencyHandler, { type: 'progress', note: note(`进展${i}`) });
    await act(agencyHandler, { type: 'requestClarification', question: note('问题') });
    await act(officer, { type: 'clarify', answer: note('澄清') });
    await act(agencyHandler, { type: 'submitResult', text: note('结果'), final: false });

    // The agency: /cases and the card.
    await agencyHandler.send('/cases');
    await agencyHandler.press(opinion.trackingNo);
    await agencyHandler.press('🔄 刷新');
    await act(officer, { type: 'deliverResult' });

    // The officer, in Chinese: the card with its evidence, the pager, the inbox.
    await world.pressData(officer, openCase.pack({ id: opinion.id }));
    expect(officer.lastText()).toContain('…');
    const officerPages = await readAllPages(officer, '📄 全文');
    expect(officerPages.length).toBeGreaterThan(5);
    const whole = joined(officerPages);
    // Whole, not shortened (a failure prints only the booleans: the texts are 4,000 units long).
    expect([longest, ...Array.from({ length: 10 }, (_, i) => note(`进展${i}`)), note('结果')].map((text) => whole.includes(text))).not.toContain(false);
    // 35 waiting: two pages, turned in place.
    await officer.send('/inbox');
    expect(officer.lastText()).toContain('（第 1/2 页）');
    await officer.press('▶');
    expect(officer.lastText()).toContain('（第 2/2 页）');
    expect(officer.inlineButtons()).toContain('◀');

    // The resident, in English: /my, the timeline and its pager, and their own card.
    await resident.send('/my');
    await resident.press(new RegExp(`^${opinion.trackingNo} · `));
    expect(resident.lastText()).toContain('…');
    const residentPages = await readAllPages(resident, '📄 Full text');
    expect(joined(residentPages).includes(longest)).toBe(true);
    await world.pressData(resident, openCase.pack({ id: opinion.id }));

    // Everything the bot sent (no notification was delivered: these are all views), pagers included.
    const sent = app.telegram.calls;
    expect(sent.filter((call) => call.method === 'sendMediaGroup').length).toBeGreaterThanOrEqual(2);
    expect(sent.filter((call) => call.method === 'editMessageText').length).toBeGreaterThan(10);
    assertWithinLimits(sent);

    // Every notification the case made (none was delivered), in both languages.
    const outbox = await prisma.notification.findMany({ orderBy: { id: 'asc' } });
    const rendered = locales.flatMap((personLocale) => outbox.map((row) => renderNotification(row, { translate: app.deps.translate, personLocale })));
    expect(new Set(outbox.map((row) => (row.payload as unknown as NotificationMessage).key))).toContain('notify-agency-referred');
    assertWithinLimits(asCalls(rendered));
    // The referral keeps the officer's note after the resident's longest text: the values are shortened, not the end.
    const referral = rendered.find((notification) => notification.method === 'sendMessage' && notification.params.text.startsWith(`新交办意见 ${opinion.trackingNo}`));
    expect(referral?.method === 'sendMessage' && referral.params.text).toMatch(/\n联络员附言：附言路{50}/);
  });
});

/** The messages of a Fluent file and the variables each uses. */
function fluentMessages(file: string): Map<string, string[]> {
  const messages = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const id = /^([a-z][\w-]*) =/.exec(line)?.[1];
    if (id) messages.set(id, (current = []));
    for (const [, variable] of line.matchAll(/\{\s*\$([\w-]+)/g)) current.push(variable!);
  }
  return messages;
}

describe('every kind of notification with the longest values', () => {
  // What the domain writes to the outbox: the notify-* messages, the monthly report's text
  // and captions, and the invitation-accepted notice.
  const otherKinds = ['report-delivery-text', 'report-xlsx-caption', 'report-chart-caption', 'invitation-accepted-notice'];
  // The longest opinion the configuration allows (OPINION_TEXT_MAX at most 4,000), in astral
  // characters: 8,000 UTF-16 units, longer than any note, reason, name or title.
  const longest = '𠮷'.repeat(3999) + '尾';
  const translate = createTranslate('zh-CN');

  it.each(locales)('fits as a message and as a caption, every value at its longest (%s)', (personLocale) => {
    const messages = fluentMessages(join(localesDir, `${personLocale}.ftl`));
    const kinds = [...messages.keys()].filter((key) => key.startsWith('notify-')).concat(otherKinds);
    expect(kinds.length).toBeGreaterThan(40);
    const rendered = kinds.flatMap((key) => {
      expect(messages.has(key), key).toBe(true);
      const vars = Object.fromEntries(messages.get(key)!.map((name) => [name, longest]));
      return [undefined, { path: '/tmp/report.png', filename: 'report.png', kind: 'photo' as const }].map((file) =>
        renderNotification({ chatId: 1n, payload: { key, vars, ...(file ? { file } : {}), action: { type: 'open-opinion', opinionId: 2_147_483_647 } } as never }, { translate, personLocale }),
      );
    });
    assertWithinLimits(asCalls(rendered));
    // Shortened, not emptied: each still begins as its template does.
    expect(rendered.filter((notification) => notification.method === 'sendMessage').every((notification) => notification.params.text.length > 3000)).toBe(true);
  });
});
