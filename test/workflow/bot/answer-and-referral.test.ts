// The loop in chat: an on-the-spot answer with its evaluation (Chinese), and a referral
// with a dissatisfied first round and a second round (English).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRating } from '../../../src/bot/features/evaluation/callback-data.js';
import { backends } from '../../helpers/database.js';
import { createLoopWorld, type LoopWorld } from './staff-loop.js';

describe.each(backends)('answer on the spot and referral, in chat (%s)', (backend) => {
  let world: LoopWorld;
  beforeAll(async () => {
    world = await createLoopWorld(backend);
  });
  afterAll(() => world.app.close());

  it('officer answers on the spot; the resident rates it and adds a comment (zh)', async () => {
    const { officer, app } = world;
    const resident = await world.resident(81001, 'zh-CN');
    const opinion = await world.submit(resident, '玉屏路的路灯已经坏了一个星期，晚上很黑。');
    await world.deliver();
    expect(officer.lastText()).toContain(opinion.trackingNo);
    await officer.press('查看并处理');
    expect(officer.lastText()).toContain(`📋 ${opinion.trackingNo} · 待受理`);
    expect(officer.inlineButtons()).toEqual(expect.arrayContaining(['受理', '分类/优先级', '现场答复', '转办', '转为代表建议/监督议题', '不予受理', '合并重复']));
    expect(officer.inlineButtons()).not.toContain('提交结果');

    await officer.press('现场答复');
    await officer.press('✏️ 自己填写');
    expect(officer.lastText()).toContain('请输入给群众的答复');
    await officer.send('已联系路灯所，明天上午修复。');
    // A preview of what the resident will read, before anything is sent.
    expect(officer.lastText()).toContain(`群众将收到以下消息：\n\n您的意见 ${opinion.trackingNo} 已获现场答复：\n已联系路灯所，明天上午修复。`);
    expect(await world.deliver()).toBe(0);
    await officer.press('✅ 发送答复');
    expect(officer.texts()).toContain(`✅ 已答复 ${opinion.trackingNo}，答复已发给群众并请其评价。`);
    expect(officer.texts().some((text) => text.startsWith(`✅ 已答复 ${opinion.trackingNo}`) && text.includes('待评价'))).toBe(true);

    await world.deliver();
    expect(resident.lastText()).toContain('已联系路灯所，明天上午修复。');
    expect(resident.inlineButtons()).toEqual(['满意', '基本满意', '不满意']);
    await resident.press('满意');
    // One message: the thanks and the invitation to add a comment.
    expect(resident.lastText()).toBe(`感谢您的评价（满意）！意见 ${opinion.trackingNo} 已办结。\n还有什么想补充的吗？可以直接写下您的看法，也可以跳过。`);
    await resident.send('很'.repeat(1001));
    expect(resident.lastText()).toBe('补充意见最多 1000 个字，请精简后再发，或点“跳过”。');
    await resident.send('修得很快，谢谢！');
    expect(resident.lastText()).toBe('已记下您的补充意见，谢谢！');
    const evaluation = await app.deps.prisma.evaluation.findFirstOrThrow({ where: { opinionId: opinion.id } });
    expect(evaluation).toMatchObject({ round: 1, rating: 'SATISFIED', comment: '修得很快，谢谢！' });
    expect(await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ stage: 'CLOSED', closeReason: 'EVALUATED' });

    // A second press is refused politely and changes nothing.
    await resident.press('不满意');
    expect(resident.lastText()).toBe('这一轮您已经评价过了，谢谢！');
  });

  it('officer refers, agency submits, resident is dissatisfied, round two closes it (en)', async () => {
    const { officer, agencyHandler, app } = world;
    await world.speak(officer, 'en');
    await world.speak(agencyHandler, 'en');
    const resident = await world.resident(81002, 'en');
    const opinion = await world.submit(resident, 'Rubbish bins on Yuping Road overflow every weekend.', { locale: 'en' });
    await world.deliver();

    await officer.send('/inbox');
    expect(officer.lastText()).toMatch(new RegExp(`${opinion.trackingNo} · to acknowledge`));
    await officer.press(opinion.trackingNo);
    await officer.press('Refer');
    await officer.press('District Urban Management Bureau');
    expect(officer.inlineButtons()).toEqual(['Standard deadline', '5 working days', '10 working days', '20 working days', '« Back']);
    await officer.press('10 working days');
    expect(officer.lastText()).toMatch(/^A note for the agency \(optional\)/);
    await officer.press('No note, refer now');
    expect(officer.texts()).toContain(`✅ ${opinion.trackingNo} referred.`);
    const referred = await app.deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'HANDLE' } });
    expect(referred.dueAt).toEqual(app.deps.calendar.addWorkingDays(app.clock.now(), 10, 'Asia/Shanghai'));

    await world.deliver();
    expect(agencyHandler.lastText()).toContain(opinion.trackingNo);
    await agencyHandler.press('Open the referred case');
    // No consent to share: the agency does not see the resident's contact.
    expect(agencyHandler.lastText()).toContain('The resident did not agree to share contact details with the agency.');
    expect(agencyHandler.lastText()).not.toContain('+8613900000000');
    expect(agencyHandler.inlineButtons()).toEqual(expect.arrayContaining(['Progress', 'Ask for clarification', 'Not ours', 'Submit result']));
    await agencyHandler.press('Progress');
    expect(agencyHandler.inlineButtons()).toEqual(['Tell the resident', 'Internal note only']);
    await agencyHandler.press('Tell the resident');
    await agencyHandler.send('Extra bins ordered.');
    expect(agencyHandler.texts()).toContain(`✅ Progress on ${opinion.trackingNo} recorded.`);
    // The resident reads the progress itself, in one message.
    await world.deliver();
    expect(resident.lastText()).toBe(`News on your opinion ${opinion.trackingNo}:\nExtra bins ordered.`);
    await agencyHandler.press('Progress');
    await agencyHandler.press('Internal note only');
    await agencyHandler.send('Called the contractor.');
    await world.deliver();
    expect(resident.texts().filter((t) => t.includes('Called the contractor'))).toEqual([]);
    await agencyHandler.press('Submit result');
    await agencyHandler.press('Final: tell the resident now');
    await agencyHandler.send('Two extra bins placed; collection now daily.');
    expect(agencyHandler.texts()).toContain(`✅ Result of ${opinion.trackingNo} submitted.`);

    await world.deliver();
    expect(resident.lastText()).toContain('Two extra bins placed');
    await resident.press('Dissatisfied');
    expect(resident.lastText()).toContain('Please tell us what is wrong');
    await resident.press('No reason');
    expect(resident.lastText()).toBe(`Thank you; those handling it have been told. Case ${opinion.trackingNo} is in its second round; we will ask you again when there is a result.`);
    // The first round's buttons no longer work.
    await world.pressData(resident, evaluateRating.pack({ id: opinion.id, round: 1, r: 'S' }));
    expect(resident.lastText()).toBe('You have already evaluated this round. Thank you!');
    expect(await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ stage: 'HANDLING', round: 2 });

    await world.deliver();
    await agencyHandler.send('/cases');
    expect(agencyHandler.lastText()).toContain(opinion.trackingNo);
    await agencyHandler.press(opinion.trackingNo);
    expect(agencyHandler.lastText()).toContain('(round 2)');
    await agencyHandler.press('Submit result');
    await agencyHandler.press('For the officer\'s review');
    await agencyHandler.send('Bins replaced by larger ones; weekend collection added.');

    await world.deliver();
    expect(officer.lastText()).toContain(opinion.trackingNo);
    await officer.send('/inbox');
    expect(officer.lastText()).toMatch(new RegExp(`${opinion.trackingNo} · result to deliver`));
    await officer.press(opinion.trackingNo);
    await officer.press('Deliver result');
    expect(officer.lastText()).toMatch(new RegExp(`^✅ Result of ${opinion.trackingNo} delivered to the resident.`));

    await world.deliver();
    expect(resident.lastText()).toContain('weekend collection added');
    await resident.press('Basically satisfied');
    expect(resident.lastText()).toMatch(new RegExp(`^Thank you for your evaluation \\(basically satisfied\\)! Opinion ${opinion.trackingNo} is closed\\.\\n`));
    const evaluations = await app.deps.prisma.evaluation.findMany({ where: { opinionId: opinion.id }, orderBy: { round: 'asc' } });
    expect(evaluations.map((e) => [e.round, e.rating])).toEqual([[1, 'DISSATISFIED'], [2, 'BASICALLY_SATISFIED']]);
  });
});
