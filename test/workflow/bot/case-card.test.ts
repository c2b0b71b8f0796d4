// The staff case card: evidence sent with it (photos as an album, the location as a map
// pin), one living card per case and chat (edited in place, superseded cards stripped,
// stale presses explained), and the guardrails (merge suggestions and preview, the
// referral note, previews of what the resident receives). Both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAction } from '../../../src/bot/features/triage/callback-data.js';
import { formatDateTime } from '../../../src/bot/features/stations/format.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import { DEMO_PERSONAS } from '../../../src/domain/seed/demo-district.js';
import type { ApiCall, TestUser } from '../../helpers/telegram.js';
import { createLoopWorld, type LoopWorld } from './staff-loop.js';

const LOCATION = { latitude: 29.36123, longitude: 105.92456 };

function markupOf(call: ApiCall): { inline_keyboard?: unknown[][] } | undefined {
  const markup = call.payload.reply_markup;
  return (typeof markup === 'string' ? JSON.parse(markup) : markup) as { inline_keyboard?: unknown[][] } | undefined;
}

/** What a press or message made the bot do in this chat, by method. */
function methods(calls: ApiCall[]): string[] {
  return calls.filter((call) => call.method !== 'answerCallbackQuery').map((call) => call.method);
}

describe('the case card', () => {
  let world: LoopWorld;
  beforeAll(async () => {
    world = await createLoopWorld('postgres');
  });
  afterAll(() => world.app.close());

  const opinionRow = (id: number) => world.app.deps.prisma.opinion.findUniqueOrThrow({ where: { id } });
  /** The officer acts through the domain, not the chat: a change the card has not seen. */
  const officerActs = async (opinionId: number, action: Parameters<typeof applyOpinionAction>[1]['action']) => {
    const officer = await world.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    await applyOpinionAction(world.app.deps, { opinionId, actor: { kind: 'person', personId: officer.id }, action });
  };
  const urbanManagement = async () => (await world.app.deps.prisma.agency.findFirstOrThrow({ where: { code: 'URBAN-MGMT' } })).id;

  describe('evidence', () => {
    it('the officer gets the photos as an album, the location as a pin and a map link with the card (zh)', async () => {
      const { officer } = world;
      const resident = await world.resident(83001, 'zh-CN');
      const opinion = await world.submit(resident, '玉屏路 12 号门口的下水道井盖不见了。', { photos: ['ph-a', 'ph-b'], location: LOCATION });
      await world.deliver();
      const calls = await officer.press('查看并处理');
      expect(methods(calls)).toEqual(['sendMediaGroup', 'sendLocation', 'sendMessage']);
      const album = calls[1]!.payload.media as { type: string; media: string; caption?: string }[];
      expect(album.map((item) => [item.type, item.media])).toEqual([['photo', 'ph-a'], ['photo', 'ph-b']]);
      expect(album[0]!.caption).toBe(`${opinion.trackingNo} 群众提交的照片和附件`);
      expect(calls[2]!.payload).toMatchObject({ latitude: LOCATION.latitude, longitude: LOCATION.longitude });
      const card = officer.lastText();
      expect(card).toContain('📍 位置：29.36123, 105.92456 · 地图：https://uri.amap.com/marker?position=105.92456,29.36123&coordinate=wgs84');
      expect(card).toContain('附有 2 张照片');
      expect(card).toContain('+8613900000000');
    });

    it('the agency gets the photo and the pin, but no contact details without consent (en)', async () => {
      const { officer, agencyHandler } = world;
      await world.speak(agencyHandler, 'en');
      const resident = await world.resident(83002, 'en');
      const opinion = await world.submit(resident, 'Broken paving stones outside 12 Yuping Road.', { locale: 'en', photos: ['ph-c'], location: LOCATION });
      await world.deliver();
      await officer.press('查看并处理');
      await officer.press('转办');
      await officer.press('区城市管理局');
      await officer.press('按规定期限');
      await officer.press('不附言，直接转办');
      await world.deliver();
      const calls = await agencyHandler.press('Open the referred case');
      expect(methods(calls)).toEqual(['sendPhoto', 'sendLocation', 'sendMessage']);
      expect(calls[1]!.payload).toMatchObject({ photo: 'ph-c', caption: `Photos and files the resident sent with ${opinion.trackingNo}` });
      const card = agencyHandler.lastText();
      expect(card).toContain('📍 Location: 29.36123, 105.92456 · map: https://uri.amap.com/marker?position=105.92456,29.36123');
      expect(card).toContain('The resident did not agree to share contact details with the agency.');
      expect(card).not.toContain('+8613900000000');
      expect(card).not.toContain('Resident 83002');
      await world.speak(agencyHandler, 'zh-CN');
    });
  });

  describe('one living card per case and chat', () => {
    let resident: TestUser & { personId: number };
    beforeAll(async () => {
      resident = await world.resident(83010, 'zh-CN');
    });

    it('edits the card in place, strips a superseded card, and tells a stale press of one\'s own from someone else\'s (zh)', async () => {
      const { officer, streetAdmin } = world;
      const opinion = await world.submit(resident, '玉屏社区活动室的空调漏水。');
      await world.deliver();
      const first = await officer.press('查看并处理');
      const firstCard = first.find((call) => call.method === 'sendMessage')!.result as { message_id: number };
      const second = await officer.press('查看并处理');
      const secondCard = second.find((call) => call.method === 'sendMessage')!.result as { message_id: number };
      // The superseded card loses its buttons.
      const stripped = second.find((call) => call.method === 'editMessageReplyMarkup')!;
      expect(stripped.payload.message_id).toBe(firstCard.message_id);
      expect(markupOf(stripped)?.inline_keyboard).toEqual([]);

      // An action edits the live card: no new message.
      const acknowledged = await officer.press('受理');
      expect(methods(acknowledged)).toEqual(['editMessageText']);
      expect(acknowledged[0]!.payload.message_id).toBe(secondCard.message_id);
      expect(officer.lastText()).toMatch(new RegExp(`^✅ 已受理 ${opinion.trackingNo}。\\n\\n📋 ${opinion.trackingNo} · 分析研判中`));
      const live = await world.app.deps.prisma.caseCard.findUniqueOrThrow({ where: { opinionId_chatId: { opinionId: opinion.id, chatId: BigInt(officer.id) } } });
      expect(live).toMatchObject({ messageId: secondCard.message_id, version: 1 });

      // A press on the card as it was before one's own action: out of date, nobody else involved.
      await world.pressData(officer, caseAction.pack({ act: 'acknowledge', id: opinion.id, v: 0 }));
      expect(officer.lastText()).toMatch(/^⚠️ 这张卡片已过期，已刷新为最新情况/);
      expect(officer.lastText()).not.toContain('别人');

      // The street admin acts; the officer's card is now stale because of someone else.
      await streetAdmin.send('/inbox');
      await world.pressData(streetAdmin, caseAction.pack({ act: 'classify', id: opinion.id, v: 1 }));
      await streetAdmin.press('安全隐患');
      await streetAdmin.press('高');
      expect((await opinionRow(opinion.id)).priority).toBe('HIGH');
      const stale = await officer.press('转办');
      expect(methods(stale)).toEqual(['editMessageText']);
      expect(stale[0]!.payload.message_id).toBe(secondCard.message_id);
      expect(officer.lastText()).toMatch(/^⚠️ 别人刚刚处理了这件意见，您的操作没有执行。/);
      expect(officer.lastText()).toContain('优先级：高');
    });

    it('says so in English too, a stale press of one\'s own blames nobody, and a refresh edits in place (en)', async () => {
      const { officer, streetAdmin } = world;
      await world.speak(officer, 'en');
      const opinion = await world.submit(resident, 'The lift at the community centre is out of order.');
      await world.deliver();
      await officer.press('Open and handle');
      await world.pressData(streetAdmin, caseAction.pack({ act: 'acknowledge', id: opinion.id, v: 0 }));
      const stale = await officer.press('Decline');
      expect(methods(stale)).toEqual(['editMessageText']);
      expect(officer.lastText()).toMatch(/^⚠️ Someone else has just acted on this opinion; your action was not carried out./);
      expect(officer.inlineButtons()).not.toContain('Acknowledge');
      const refreshed = await officer.press('🔄 Refresh');
      expect(methods(refreshed)).toEqual(['editMessageText']);
      expect(officer.lastText()).toMatch(new RegExp(`^📋 ${opinion.trackingNo} · being analysed`));
      // The officer's own change since this card was drawn: out of date, and nobody else is blamed.
      const { version } = await opinionRow(opinion.id);
      await officerActs(opinion.id, { type: 'refer', agencyId: await urbanManagement() });
      await world.pressData(officer, caseAction.pack({ act: 'decline', id: opinion.id, v: version }));
      expect(officer.lastText()).toMatch(/^⚠️ This card was out of date and has been refreshed; that press did nothing./);
      expect(officer.lastText()).not.toContain('Someone else');
      await world.speak(officer, 'zh-CN');
    });
  });

  describe('guardrails', () => {
    it('suggests similar open cases at the station, previews the target, and merges only on confirmation (zh)', async () => {
      const { officer } = world;
      const [a, b, c] = [await world.resident(83020, 'zh-CN'), await world.resident(83021, 'zh-CN'), await world.resident(83022, 'zh-CN')];
      const main = await world.submit(a, '玉屏路人行道上的路灯晚上不亮，走路很黑。', { location: LOCATION });
      const unrelated = await world.submit(b, '社区图书室希望延长周末开放时间。', { category: 'education' });
      const duplicate = await world.submit(c, '玉屏路人行道路灯晚上一直不亮。', { location: { latitude: 29.3613, longitude: 105.9246 } });
      await world.deliver();
      await officer.press('查看并处理');
      expect(officer.lastText()).toContain(duplicate.trackingNo);
      await officer.press('合并重复');
      const prompt = officer.lastText();
      expect(prompt).toContain('本站点相似的在办意见');
      expect(prompt).toContain(main.trackingNo);
      expect(prompt).not.toContain(unrelated.trackingNo);
      await officer.press(main.trackingNo);
      expect(officer.lastText()).toContain(`将本件作为重复件并入：\n📋 ${main.trackingNo} · 待受理`);
      expect(officer.lastText()).toContain('玉屏路人行道上的路灯晚上不亮');
      await officer.press('✏️ 修改');
      expect(officer.lastText()).toContain('本站点相似的在办意见');
      expect((await opinionRow(duplicate.id)).stage).toBe('COLLECTED');
      await officer.press(main.trackingNo);
      await officer.press('✅ 确认合并');
      expect(officer.texts()).toContain(`✅ 已将 ${duplicate.trackingNo} 作为重复件合并，群众会收到通知并可跟进主件。`);
      expect(await opinionRow(duplicate.id)).toMatchObject({ stage: 'CLOSED', mergedIntoId: main.id });
    });

    it('suggests similar cases, previews a typed target and merges nothing when cancelled (en)', async () => {
      const { officer } = world;
      await world.speak(officer, 'en');
      const [a, b] = [await world.resident(83030, 'en'), await world.resident(83031, 'en')];
      const main = await world.submit(a, 'Bus stop sign knocked over on Yuping Road.', { locale: 'en' });
      const other = await world.submit(b, 'Bus stop sign on Yuping Road fell down.', { locale: 'en' });
      await world.deliver();
      await officer.press('Open and handle');
      await officer.press('Merge duplicate');
      expect(officer.lastText()).toContain('Similar open cases at this station');
      expect(officer.inlineButtons()).toContain(main.trackingNo);
      await officer.send(main.trackingNo);
      expect(officer.lastText()).toContain(`Merge this case as a duplicate into:\n📋 ${main.trackingNo} · waiting to be acknowledged`);
      await officer.press('✖️ Cancel');
      expect(officer.lastText()).toBe('Cancelled; nothing was changed.');
      expect((await opinionRow(other.id)).stage).toBe('COLLECTED');
      await world.speak(officer, 'zh-CN');
    });

    it('previews an answer as the resident will read it before it is sent (en)', async () => {
      const { officer } = world;
      await world.speak(officer, 'en');
      const resident = await world.resident(83035, 'en');
      const opinion = await world.submit(resident, 'The drain cover outside 5 Yuping Road rattles when cars pass.', { locale: 'en' });
      await world.deliver();
      await officer.press('Open and handle');
      await officer.press('Answer on the spot');
      await officer.press('✏️ Write my own');
      await officer.send('The drain cover was fixed this morning.');
      expect(officer.lastText()).toContain(`The resident will receive:\n\nYour opinion ${opinion.trackingNo} has been answered:\nThe drain cover was fixed this morning.`);
      expect(await world.deliver()).toBe(0);
      await officer.press('✅ Send the answer');
      await world.deliver();
      expect(resident.lastText()).toContain('The drain cover was fixed this morning.');
      expect(resident.inlineButtons()).toEqual(['Satisfied', 'Basically satisfied', 'Dissatisfied']);
      await world.speak(officer, 'zh-CN');
    });

    it('a referral carries the officer\'s note to the agency and into the history (zh)', async () => {
      const { officer, agencyHandler, app } = world;
      const resident = await world.resident(83040, 'zh-CN');
      const opinion = await world.submit(resident, '玉屏路菜市场门口垃圾堆放三天没人清运。');
      await world.deliver();
      await officer.press('查看并处理');
      await officer.press('转办');
      await officer.press('区城市管理局');
      await officer.press('5 个工作日');
      expect(officer.lastText()).toMatch(/^给承办单位的附言（可选）/);
      await officer.send('群众反映是东侧出口，请优先处理。');
      expect(officer.texts()).toContain(`✅ 已将 ${opinion.trackingNo} 转办。`);
      const referred = await app.deps.prisma.opinionEvent.findFirstOrThrow({ where: { opinionId: opinion.id, type: 'REFERRED' } });
      expect(referred.note).toBe('群众反映是东侧出口，请优先处理。');
      await world.deliver();
      expect(agencyHandler.lastText()).toContain('联络员附言：群众反映是东侧出口，请优先处理。');
      await agencyHandler.press('查看交办件');
      expect(agencyHandler.lastText()).toContain('转办：群众反映是东侧出口，请优先处理。');
    });

    it('a referral without a note says so in English, and the decline preview can be changed before it is sent (en)', async () => {
      const { officer, app } = world;
      await world.speak(officer, 'en');
      const resident = await world.resident(83050, 'en');
      const opinion = await world.submit(resident, 'Please stop my neighbour from parking in front of my gate.', { locale: 'en' });
      await world.deliver();
      await officer.press('Open and handle');
      await officer.press('Decline');
      await officer.send('Private dispute.');
      expect(officer.lastText()).toContain('The resident will receive:');
      expect(officer.lastText()).toContain('Private dispute.');
      expect(await world.deliver()).toBe(0);
      await officer.press('✏️ Change');
      expect(officer.lastText()).toMatch(/^Type the reason for declining/);
      await officer.send('A dispute between neighbours is for the community mediation committee; we have passed on its number.');
      expect(officer.lastText()).toContain('community mediation committee');
      await officer.press('✅ Decline it');
      expect(officer.texts()).toContain(`✅ ${opinion.trackingNo} declined; the resident has been told the reason.`);
      const declined = await app.deps.prisma.opinionEvent.findFirstOrThrow({ where: { opinionId: opinion.id, type: 'DECLINED' } });
      expect(declined.note).toContain('community mediation committee');
      await world.deliver();
      expect(resident.lastText()).toContain('community mediation committee');
      await world.speak(officer, 'zh-CN');
    });
  });

  describe('/my', () => {
    const dueOf = async (opinionId: number, locale: 'zh-CN' | 'en') => {
      const deadline = await world.app.deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId, metAt: null, cancelledAt: null }, orderBy: { dueAt: 'asc' } });
      return formatDateTime(deadline.dueAt, locale, 'Asia/Shanghai');
    };

    it('says 不予受理 and 已合并 (into which case) as they are, and when the next step is expected (zh)', async () => {
      const resident = await world.resident(83060, 'zh-CN');
      const declined = await world.submit(resident, '请帮我要回邻居借的钱。');
      const merged = await world.submit(resident, '玉屏路口红绿灯坏了。');
      const main = await world.submit(await world.resident(83061, 'zh-CN'), '玉屏路口的红绿灯不亮。');
      const waiting = await world.submit(resident, '玉屏社区健身器材松动。');
      await officerActs(declined.id, { type: 'decline', reason: '属于民间借贷纠纷，请向法院起诉。' });
      await officerActs(merged.id, { type: 'merge', intoOpinionId: main.id });
      await resident.send('/my');
      expect(resident.inlineButtons()).toEqual(expect.arrayContaining([`${declined.trackingNo} · 不予受理`, `${merged.trackingNo} · 已合并（并入 ${main.trackingNo}）`]));
      await resident.press(`${merged.trackingNo} · 已合并（并入 ${main.trackingNo}）`);
      expect(resident.lastText()).toContain(`当前阶段：已合并（并入 ${main.trackingNo}）`);
      await resident.press('« 返回列表');
      await resident.press(`${waiting.trackingNo} · 待受理`);
      expect(resident.lastText()).toContain(`⏳ 预计 ${await dueOf(waiting.id, 'zh-CN')} 前受理`);
    });

    it('says Declined, Merged (into …) and the expected date in English (en)', async () => {
      const resident = await world.resident(83070, 'en');
      const declined = await world.submit(resident, 'Get my neighbour to repay the money he owes me.', { locale: 'en' });
      const merged = await world.submit(resident, 'Traffic light at Yuping crossing is broken.', { locale: 'en' });
      const main = await world.submit(await world.resident(83071, 'en'), 'Yuping crossing traffic light is dark.', { locale: 'en' });
      await officerActs(declined.id, { type: 'decline', reason: 'A private loan dispute is for the courts.' });
      await officerActs(merged.id, { type: 'merge', intoOpinionId: main.id });
      await officerActs(main.id, { type: 'refer', agencyId: await urbanManagement() });
      await resident.send('/my');
      await resident.press(`${declined.trackingNo} · Declined`);
      expect(resident.lastText()).toContain('Stage: Declined');
      await resident.press('« Back to the list');
      await resident.press(`${merged.trackingNo} · Merged (into ${main.trackingNo})`);
      expect(resident.lastText()).toContain(`Stage: Merged (into ${main.trackingNo})`);
      const other = world.app.user(83071, 'en');
      await other.send('/my');
      await other.press(`${main.trackingNo} · Being handled`);
      expect(other.lastText()).toContain(`⏳ Expected to be handled by ${await dueOf(main.id, 'en')}`);
    });
  });
});
