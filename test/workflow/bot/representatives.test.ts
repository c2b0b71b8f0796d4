// Representatives' work in chat: a reception day with check-in, residents received, an
// opinion recorded and answered on the spot, check-out (Chinese); a visit handed to the
// station's officer and the 主任接待日 (English); a proposal from escalation to the first
// evaluation, through the representative, the district admin and the agency (Chinese); a
// proposal the representative writes in chat, reviewed, marked key and assigned by the
// district admin (Chinese).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import { backends } from '../../helpers/database.js';
import { createLoopWorld, DEMO_PERSONAS, type LoopWorld } from './staff-loop.js';

/** Thursday 2026-11-26, 14:30 in Shanghai: 张建国's reception day at the Yuping station. */
const THURSDAY_AFTERNOON = new Date('2026-11-26T06:30:00Z');

describe.each(backends)('representatives in chat (%s)', (backend) => {
  let world: LoopWorld;
  beforeAll(async () => {
    world = await createLoopWorld(backend);
  });
  afterAll(() => world.app.close());

  it('reception day (zh): check in, residents received, an opinion recorded for an anonymous resident and answered on the spot, check out', async () => {
    const { app } = world;
    const representative = app.user(60001);
    const resident = await world.resident(82001, 'zh-CN');
    await resident.send('/reception');
    expect(resident.lastText()).toBe('/reception 供人大代表和区人大常委会使用。');

    app.clock.set(THURSDAY_AFTERNOON);
    await representative.send('/reception');
    expect(representative.lastText()).toContain('您的接待日：');
    await representative.press(/^签到：玉屏社区代表活动站/);
    expect(representative.texts()).toContain('已签到。');
    expect(representative.lastText()).toContain('玉屏社区代表活动站 接待中');
    await representative.press('+1 人次');
    await representative.press('+1 人次');
    expect(representative.lastText()).toContain('接待群众：2 人次 · 记录意见：0 条');

    await representative.press('📝 记录群众意见');
    await representative.press('城市管理');
    expect(representative.lastText()).toBe('请输入群众反映的意见。发送 /cancel 取消。');
    await representative.send('小区垃圾站夏天异味很大，希望增加清运次数。');
    expect(representative.lastText()).toMatch(/^已记录，受理编号 MY-\d{4}-\d{4}。/);
    const opinion = await app.deps.prisma.opinion.findFirstOrThrow({ where: { recordedById: { not: null } }, orderBy: { id: 'desc' } });
    expect(opinion).toMatchObject({ channel: 'RECEPTION', residentId: null, stage: 'COLLECTED' });
    expect(opinion.receptionId).not.toBeNull();

    await representative.press('💬 现场答复');
    await representative.send('已与环卫所沟通，下周起每天清运两次。');
    // The answer is previewed before it reaches the resident.
    await representative.press('✅ 发送答复');
    expect(representative.texts().some((text) => text.includes(`已答复 ${opinion.trackingNo}，答复已发给群众并请其评价。`))).toBe(true);
    const answered = await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(answered).toMatchObject({ stage: 'FEEDBACK', disposition: 'ON_THE_SPOT' });
    expect(answered.events.map((event) => `${event.type}:${event.actorRole}`)).toEqual(['COLLECTED:REPRESENTATIVE', 'ACKNOWLEDGED:REPRESENTATIVE', 'ANSWERED:REPRESENTATIVE', 'RESULT_DELIVERED:REPRESENTATIVE']);

    await representative.press('签退');
    expect(representative.lastText()).toBe('已签退：本次接待群众 2 人次。辛苦了！');
    const reception = await app.deps.prisma.reception.findUniqueOrThrow({ where: { id: opinion.receptionId! } });
    expect(reception).toMatchObject({ kind: 'STATION', residentsReceived: 2, checkedInAt: THURSDAY_AFTERNOON });
    expect(reception.checkedOutAt).not.toBeNull();
    expect(reception.receptionDayId).not.toBeNull();
  });

  it('a visit handed to the station officer, and the 主任接待日 (en)', async () => {
    const { app } = world;
    const representative = app.user(60003, 'en');
    await world.speak(representative, 'en');
    await representative.send('/reception');
    await representative.press('🚶 Record a visit');
    await representative.press('Xinglonghu Community Station');
    await representative.press('Urban management');
    expect(representative.lastText()).toBe('Please type the resident\'s opinion as they told it. /cancel to stop.');
    await representative.send('Hi');
    expect(representative.lastText()).toContain('10');
    await representative.send('The market street floods after every heavy rain.');
    expect(representative.lastText()).toMatch(/^Recorded as MY-\d{4}-\d{4}\./);
    await representative.press('Leave it to the liaison officer');
    expect(representative.lastText()).toBe("The station's liaison officer has it in their inbox.");
    const visit = await app.deps.prisma.opinion.findFirstOrThrow({ where: { channel: 'VISIT' } });
    expect(visit).toMatchObject({ receptionId: null, stage: 'COLLECTED' });
    await world.deliver();
    expect(world.otherStationOfficer.lastText()).toContain(visit.trackingNo);

    const admin = app.user(DEMO_PERSONAS.districtAdmin.telegramId, 'en');
    await world.speak(admin, 'en');
    await admin.send('/reception');
    await admin.press("主任接待日: check in");
    await admin.press('Zhongshanlu Representatives’ Home');
    expect(admin.lastText()).toContain("Leaders' reception day at Zhongshanlu Representatives’ Home");
    await admin.press('📝 Record an opinion');
    await admin.press('Education');
    await admin.send('Parents ask for a pedestrian crossing in front of the primary school.');
    const leader = await app.deps.prisma.opinion.findFirstOrThrow({ where: { channel: 'LEADER_RECEPTION' }, include: { reception: true } });
    expect(leader.reception).toMatchObject({ kind: 'LEADER' });
    await admin.press('Check out');
    expect(admin.lastText()).toBe('Checked out: 0 residents received. Thank you.');
  });

  it('a proposal (zh): escalated, confirmed, assigned, answered, evaluated; the resident sees it in /my', async () => {
    const { app } = world;
    const resident = await world.resident(82002, 'zh-CN');
    const submitted = await world.submit(resident, '玉屏路多处路灯损坏，居民夜间出行不便。');
    const officerId = (await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } })).id;
    const { opinion } = await applyOpinionAction(app.deps, { opinionId: submitted.id, actor: { kind: 'person', personId: officerId }, action: { type: 'escalate', to: 'PROPOSAL' } });
    const proposal = await app.deps.prisma.proposal.findUniqueOrThrow({ where: { id: opinion.proposalId! } });

    const representative = app.user(60001);
    await world.deliver();
    expect(representative.lastText()).toContain(`转化为您的建议 ${proposal.number}`);
    await representative.press('查看建议');
    expect(representative.lastText()).toContain('状态：待代表确认');
    await representative.press('✅ 确认为我的建议');
    expect(representative.texts()).toContain(`建议 ${proposal.number} 已确认并提出。`);

    const admin = app.user(DEMO_PERSONAS.districtAdmin.telegramId);
    await world.speak(admin, 'zh-CN');
    await admin.send('/proposals');
    await admin.press(new RegExp(`^${proposal.number}`));
    await admin.press('交办');
    await admin.press('区城市管理局');
    await admin.press('区交通运输委');
    await admin.press('完成交办（1 个协办单位）');
    expect(admin.texts()).toContain(`建议 ${proposal.number} 已交办。`);
    expect(admin.lastText()).toContain('答复期限：2027-02-26');

    const agency = world.agencyHandler;
    await world.otherAgencyHandler.send('/proposals');
    await world.otherAgencyHandler.press(new RegExp(`^${proposal.number}`));
    expect(world.otherAgencyHandler.inlineButtons()).toEqual([]);
    await agency.send('/proposals');
    await agency.press(new RegExp(`^${proposal.number}`));
    await agency.press('答复');
    await agency.press('A · 已解决或年内解决');
    await agency.send('已列入今年路灯改造计划，12 月底前完成。');
    expect(agency.texts()).toContain(`对建议 ${proposal.number} 的答复已送达代表。`);

    await world.deliver();
    expect(representative.lastText()).toContain('已答复（A 类）');
    await representative.press('查看建议');
    await representative.press('评价答复');
    await representative.press('满意');
    expect(representative.texts()).toContain(`谢谢，您对建议 ${proposal.number} 的评价已记录。`);
    expect(representative.lastText()).toContain('状态：落实中');

    await resident.send('/my');
    await resident.press(new RegExp(`^${submitted.trackingNo}`));
    expect(resident.lastText()).toContain(`📑 已转化为代表建议 ${proposal.number}：落实中`);
  });
  it('a proposal written in chat (zh): submitted citing a resident’s opinion, before the district admin, marked key and assigned; the resident follows it', async () => {
    const { app } = world;
    const resident = await world.resident(82003, 'zh-CN');
    const cited = await world.submit(resident, '玉屏路公交站没有候车亭，雨天老人只能淋雨等车。');
    const representative = app.user(60001);
    await representative.send('/proposals');
    await representative.press('✍️ 提出建议');
    expect(representative.lastText()).toBe('请输入建议标题（100 字以内）。发送 /cancel 取消。');
    await representative.send('长'.repeat(101));
    expect(representative.lastText()).toBe('标题太长了，请控制在 100 字以内。');
    await representative.send('在玉屏路公交站增设候车亭');
    expect(representative.lastText()).toBe('请输入建议内容：问题、群众反映的情况、您的建议。');
    await representative.send('玉屏路沿线三个公交站没有候车亭，居民多次反映雨天候车困难，建议年内增设。');
    expect(representative.lastText()).toBe('这件建议来自哪些群众意见？请输入受理编号（如 MY-2611-0042），用空格分隔；没有请输入“-”。');
    await representative.send('MY-2611-9999');
    expect(representative.lastText()).toBe('没有找到受理编号为 MY-2611-9999 的意见，请重新输入（发送 /cancel 取消）。');
    await representative.send(cited.trackingNo);

    const proposal = await app.deps.prisma.proposal.findFirstOrThrow({ where: { title: '在玉屏路公交站增设候车亭' }, include: { opinions: true, representative: true } });
    expect(proposal).toMatchObject({ stage: 'SUBMITTED', text: '玉屏路沿线三个公交站没有候车亭，居民多次反映雨天候车困难，建议年内增设。' });
    expect(proposal.representative.telegramId).toBe(60001n);
    expect(proposal.opinions.map((opinion) => opinion.id)).toEqual([cited.id]);
    expect(representative.texts()).toContain(`建议 ${proposal.number} 已提交区人大常委会代表工委。`);
    expect(representative.lastText()).toContain('状态：已提出，待交办');

    // It reaches the district admin, whose list and view offer the review.
    const admin = app.user(DEMO_PERSONAS.districtAdmin.telegramId);
    await world.speak(admin, 'zh-CN');
    await world.deliver();
    expect(admin.lastText()).toBe(`新建议 ${proposal.number}“在玉屏路公交站增设候车亭”待审核交办。`);
    await admin.send('/proposals');
    expect(admin.inlineButtons()).toContain(`${proposal.number} · 已提出，待交办`);
    await admin.press(`${proposal.number} · 已提出，待交办`);
    expect(admin.lastText()).toContain(`来源意见：${cited.trackingNo}`);
    expect(admin.inlineButtons()).toEqual(['交办', '⭐ 列为重点建议']);
    await admin.press('⭐ 列为重点建议');
    await admin.press(DEMO_PERSONAS.districtAdmin.nameZh);
    expect(admin.texts()).toContain(`建议 ${proposal.number} 已列为重点建议。`);
    expect(admin.lastText()).toContain(`⭐ 重点建议，领衔督办：${DEMO_PERSONAS.districtAdmin.nameZh}`);
    await admin.press('交办');
    await admin.press('区城市管理局');
    expect(admin.inlineButtons().at(-1)).toBe('不设协办单位');
    // Several co-handling agencies: each press toggles one.
    await admin.press('区交通运输委');
    await admin.press('区住房城乡建委');
    await admin.press('国网永川供电公司');
    await admin.press('✅ 国网永川供电公司');
    expect(admin.inlineButtons()).toEqual(expect.arrayContaining(['✅ 区交通运输委', '✅ 区住房城乡建委', '国网永川供电公司']));
    await admin.press('完成交办（2 个协办单位）');
    expect(admin.texts()).toContain(`建议 ${proposal.number} 已交办。`);
    const handling = await app.deps.prisma.proposalAgency.findMany({ where: { proposalId: proposal.id }, include: { agency: true }, orderBy: { agencyId: 'asc' } });
    expect(handling.map((row) => [row.agency.nameZh, row.role]).sort()).toEqual([
      ['区交通运输委', 'CO'],
      ['区住房城乡建委', 'CO'],
      ['区城市管理局', 'LEAD'],
    ].sort());
    expect(await app.deps.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ stage: 'ASSIGNED', isKey: true });

    await world.deliver();
    expect(representative.texts().some((text) => text.startsWith(`您的建议 ${proposal.number}“在玉屏路公交站增设候车亭”已交办`))).toBe(true);
    await resident.send('/my');
    await resident.press(new RegExp(`^${cited.trackingNo}`));
    expect(resident.lastText()).toContain(`📑 已转化为代表建议 ${proposal.number}：已交办，办理中`);
  });
});
