// Decisions other than an answer: escalation, decline, duplicate merge, hand-back with
// a clarification round trip; and the refusals: a concurrent claim, another station's
// officer, an agency the case was not referred to, a revoked officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAction, escalateTo, openCase } from '../../../src/bot/features/triage/callback-data.js';
import { createLoopWorld, type LoopWorld } from './staff-loop.js';

describe('decisions and refusals, in chat', () => {
  let world: LoopWorld;
  beforeAll(async () => {
    world = await createLoopWorld();
  });
  afterAll(() => world.app.close());

  const stageOf = async (id: number) => (await world.app.deps.prisma.opinion.findUniqueOrThrow({ where: { id } })).stage;

  it('escalates to a representative proposal and delivers its result (zh)', async () => {
    const { officer } = world;
    const resident = await world.resident(82001, 'zh-CN');
    const opinion = await world.submit(resident, '小区周边缺少停车位，很多居民反映同样的问题。');
    await world.deliver();
    await officer.press('查看并处理');
    await officer.press('转为代表建议/监督议题');
    await officer.press('代表建议');
    expect(officer.lastText()).toMatch(new RegExp(`^✅ 已将 ${opinion.trackingNo} 转为代表建议 / 监督议题。`));
    expect(await stageOf(opinion.id)).toBe('HANDLING');

    await officer.send('/inbox');
    expect(officer.lastText()).toContain(`${opinion.trackingNo} · 代表建议 / 监督议题办理中`);
    await officer.press(opinion.trackingNo);
    await officer.press('提交结果');
    await officer.send('已形成代表建议，交区政府研究办理，新增停车位 120 个。');
    await world.deliver();
    expect(resident.lastText()).toContain('新增停车位 120 个');
    expect(resident.inlineButtons()).toEqual(['满意', '基本满意', '不满意']);
  });

  it('declines with a reason the resident reads (en)', async () => {
    const { officer } = world;
    await world.speak(officer, 'en');
    const resident = await world.resident(82002, 'en');
    const opinion = await world.submit(resident, 'Please overturn the court ruling on my neighbour dispute.', { locale: 'en' });
    await world.deliver();
    await officer.press('Open and handle');
    await officer.press('Decline');
    expect(officer.lastText()).toMatch(/^Type the reason for declining/);
    await officer.send('/cancel');
    expect(officer.lastText()).toBe('Cancelled; nothing was changed.');
    expect(await stageOf(opinion.id)).toBe('COLLECTED');
    await officer.press('Decline');
    await officer.send('The matter is before a court; we cannot intervene in a pending case.');
    expect(officer.lastText()).toContain(`The resident will receive:\n\nYour opinion ${opinion.trackingNo}`);
    expect(officer.lastText()).toContain('The matter is before a court');
    await officer.press('✅ Decline it');
    expect(officer.texts()).toContain(`✅ ${opinion.trackingNo} declined; the resident has been told the reason.`);
    await world.deliver();
    expect(resident.lastText()).toContain('The matter is before a court');
    expect(await world.app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ stage: 'CLOSED', closeReason: 'DECLINED' });
    await world.speak(officer, 'zh-CN');
  });

  it('merges a duplicate by tracking number, asking again for an unknown one (zh)', async () => {
    const { officer } = world;
    const first = await world.resident(82003, 'zh-CN');
    const second = await world.resident(82004, 'zh-CN');
    const main = await world.submit(first, '玉屏路口的井盖松动了，踩上去会响。');
    const duplicate = await world.submit(second, '玉屏路和人民大道路口井盖松了，很危险。');
    await world.deliver();
    await officer.press('查看并处理'); // the latest notification: the duplicate
    expect(officer.lastText()).toContain(duplicate.trackingNo);
    await officer.press('合并重复');
    await officer.send('MY-0000-9999');
    expect(officer.lastText()).toBe('没有找到受理编号为 MY-0000-9999 的意见，请重新输入（发送 /cancel 取消）。');
    await officer.send(main.trackingNo.toLowerCase());
    expect(officer.lastText()).toContain(`将本件作为重复件并入：\n📋 ${main.trackingNo} · 待受理`);
    await officer.press('✅ 确认合并');
    expect(officer.texts()).toContain(`✅ 已将 ${duplicate.trackingNo} 作为重复件合并，群众会收到通知并可跟进主件。`);
    const merged = await world.app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(merged).toMatchObject({ stage: 'CLOSED', closeReason: 'MERGED', mergedIntoId: main.id });
    await world.deliver();
    expect(second.lastText()).toContain(main.trackingNo);
  });

  it('agency asks for clarification, then hands the case back; the officer re-routes it (zh)', async () => {
    const { officer, agencyHandler, otherAgencyHandler } = world;
    const resident = await world.resident(82005, 'zh-CN');
    const opinion = await world.submit(resident, '萱花路公交站的站牌被撞倒了，没人处理。', { station: 'XH-STATION', shareContact: true });
    await world.deliver();
    await officer.press('查看并处理');
    await officer.press('受理');
    await officer.press('转办');
    await officer.press('区城市管理局');
    await officer.press('按规定期限');
    await officer.press('不附言，直接转办');
    await world.deliver();

    await agencyHandler.press('查看交办件');
    // Consent given: the agency sees the contact.
    expect(agencyHandler.lastText()).toContain('+8613900000000');
    await agencyHandler.press('请求澄清');
    await agencyHandler.send('具体是哪个方向的站牌？');
    await world.deliver();
    await officer.send('/inbox');
    expect(officer.lastText()).toContain(`${opinion.trackingNo} · 承办单位请求澄清`);
    await officer.press(opinion.trackingNo);
    await officer.press('澄清');
    await officer.send('往火车站方向的站牌。');
    await world.deliver();
    expect(agencyHandler.lastText()).toContain('往火车站方向的站牌。');

    await agencyHandler.press('查看交办件');
    await agencyHandler.press('非本单位');
    await agencyHandler.send('公交站牌归交通运输委管理。');
    expect(agencyHandler.lastText()).toBe(`✅ 已将 ${opinion.trackingNo} 退回联络员重新分派。`);
    expect(await stageOf(opinion.id)).toBe('ANALYZING');
    await world.deliver();
    expect(officer.lastText()).toContain('公交站牌归交通运输委管理');
    await officer.send('/inbox');
    expect(officer.lastText()).toContain(`${opinion.trackingNo} · 待研判`);
    await officer.press(opinion.trackingNo);
    await officer.press('转办');
    await officer.press('区交通运输委');
    await officer.press('5 个工作日');
    await officer.send('站牌在往火车站方向，请尽快扶正。');
    await world.deliver();
    expect(otherAgencyHandler.lastText()).toContain(opinion.trackingNo);
  });

  it('two officers press 受理 on the same version: one wins, the other is told; a revoked officer can do nothing', async () => {
    const { officer, streetAdmin, app } = world;
    await streetAdmin.send('/invite');
    await streetAdmin.press('民情联络员');
    await streetAdmin.press('玉屏社区代表活动站');
    const code = streetAdmin.lastText().match(/\/join (\w+)/)![1]!;
    const colleague = app.user(82100, 'zh-hans', '第二联络员');
    await colleague.send(`/join ${code}`);

    const resident = await world.resident(82006, 'zh-CN');
    const opinion = await world.submit(resident, '玉屏社区健身器材损坏，老人容易受伤。');
    await world.deliver();
    await officer.press('查看并处理');
    await colleague.press('查看并处理');
    await officer.press('受理');
    expect(officer.lastText()).toMatch(new RegExp(`^✅ 已受理 ${opinion.trackingNo}。`));
    await colleague.press('受理');
    expect(colleague.lastText()).toMatch(/^⚠️ 别人刚刚处理了这件意见，您的操作没有执行。/);
    expect(colleague.lastText()).toContain(`${opinion.trackingNo} · 分析研判中`);
    expect(colleague.inlineButtons()).not.toContain('受理');
    const acknowledged = await app.deps.prisma.opinionEvent.count({ where: { opinionId: opinion.id, type: 'ACKNOWLEDGED' } });
    expect(acknowledged).toBe(1);

    await streetAdmin.send('/staff');
    const line = streetAdmin.lastText().split('\n').find((l) => l.includes('第二联络员'))!;
    await streetAdmin.press(`撤销第 ${line.match(/^(\d+)\./)![1]} 项`);
    await streetAdmin.press('确认撤销');
    await colleague.press('🔄 刷新');
    expect(colleague.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    const { version } = await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
    await world.pressData(colleague, caseAction.pack({ act: 'escalate', id: opinion.id, v: version }));
    expect(colleague.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    const refusals = colleague.texts().length;
    await world.pressData(colleague, escalateTo.pack({ id: opinion.id, v: version, to: 'SUPERVISION' }));
    expect(colleague.texts()).toHaveLength(refusals + 1);
    expect(colleague.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    expect(await stageOf(opinion.id)).toBe('ANALYZING');
  });

  it('refuses another station\'s officer and an agency the case was not referred to', async () => {
    const { otherStationOfficer, otherAgencyHandler, app } = world;
    const resident = await world.resident(82007, 'zh-CN');
    const opinion = await world.submit(resident, '玉屏社区菜市场门口占道经营严重。');
    // Unacknowledged after its working-day limit: the station's officer sees it marked.
    app.clock.advance(3 * 24 * 3_600_000);
    await world.officer.send('/inbox');
    expect(world.officer.lastText()).toContain(`⚠️ 超期 ${opinion.trackingNo} · 待受理`);
    expect(world.officer.inlineButtons()).toContain(`⚠️ ${opinion.trackingNo}`);
    const { version } = await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } });
    await world.pressData(otherStationOfficer, openCase.pack({ id: opinion.id }));
    expect(otherStationOfficer.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    await world.pressData(otherStationOfficer, caseAction.pack({ act: 'acknowledge', id: opinion.id, v: version }));
    expect(otherStationOfficer.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    await world.pressData(otherAgencyHandler, caseAction.pack({ act: 'submitResult', id: opinion.id, v: version }));
    expect(otherAgencyHandler.lastText()).toBe('您没有权限进行这个操作，什么也没有改变。');
    expect(await stageOf(opinion.id)).toBe('COLLECTED');
  });
});
