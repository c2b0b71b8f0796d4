// The resident's voice reaches round 2 (不满意 asks why before staff hear of it; without an
// answer the job tells them after a bounded wait), and the overdue chain in chat: 督办 to
// the street admin with 催办 and 改派, and the resident told that their case is late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import { getOpinionView } from '../../../src/domain/opinions/opinion-views.js';
import { deadlineJobs } from '../../../src/jobs/deadlines.js';
import { createJobQueue } from '../../../src/jobs/queue.js';
import { createLoopWorld, DEMO_PERSONAS, type LoopWorld } from './staff-loop.js';

const MINUTE = 60_000;

describe('the resident’s voice and the overdue chain, in chat', () => {
  let world: LoopWorld;
  beforeAll(async () => {
    world = await createLoopWorld('pglite');
  });
  afterAll(() => world.app.close());

  /** Runs the deadline jobs once at the current clock. */
  async function runDeadlineJobs() {
    const queue = createJobQueue(world.app.deps, deadlineJobs(), { redisUrl: undefined });
    try {
      await queue.runDueNow();
    } finally {
      await queue.stop();
    }
  }
  const events = async (opinionId: number) =>
    world.app.deps.prisma.opinionEvent.findMany({ where: { opinionId }, orderBy: { id: 'asc' } });
  const answered = async (resident: Awaited<ReturnType<LoopWorld['resident']>>, text: string, locale: 'zh-CN' | 'en') => {
    const opinion = await world.submit(resident, text, { locale });
    const officerPerson = await world.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    await applyOpinionAction(world.app.deps, { opinionId: opinion.id, actor: { kind: 'person', personId: officerPerson.id }, action: { type: 'answer', text: locale === 'en' ? 'Fixed today.' : '今天已修好。' } });
    await world.deliver();
    return opinion;
  };

  it('不满意 asks why first; the reason reaches the officer, the history and the case data (zh)', async () => {
    const { officer } = world;
    const resident = await world.resident(82001, 'zh-CN');
    const opinion = await answered(resident, '玉屏路口的红绿灯坏了，过马路很危险。', 'zh-CN');
    const officerBefore = officer.texts().length;

    const calls = await resident.press('不满意');
    // One message: the rating noted and the question, with the quick reasons.
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(resident.lastText()).toContain('已记下您的评价（不满意）');
    expect(resident.lastText()).toContain('请告诉我们哪里不满意');
    expect(resident.inlineButtons()).toEqual(['问题没有解决', '答复没有回应我的问题', '办理太慢', '工作人员态度不好', '不说明原因']);
    // Staff hear nothing before the resident said why.
    await world.deliver();
    expect(officer.texts().length).toBe(officerBefore);

    await resident.send('灯还是不亮，晚上更危险了。');
    expect(resident.lastText()).toBe(`谢谢，已转告办理人员。意见 ${opinion.trackingNo} 已进入第二轮办理，有结果后会再请您评价。`);
    await world.deliver();
    // No second message to the resident for the same event.
    expect(resident.texts().filter((t) => t.includes('第 2 轮'))).toEqual([]);
    expect(officer.lastText()).toBe(`群众对意见 ${opinion.trackingNo} 的办理结果不满意，已进入第二轮办理。群众评价：不满意。原因：灯还是不亮，晚上更危险了。`);
    const reopened = (await events(opinion.id)).find((e) => e.type === 'REOPENED')!;
    expect(reopened).toMatchObject({ note: '灯还是不亮，晚上更危险了。', data: { rating: 'DISSATISFIED', reasonGiven: true } });
    // …and the card, where the history says it.
    await officer.press('查看并处理');
    expect(officer.lastText()).toContain('不满意，重新办理：灯还是不亮，晚上更危险了。');
    const view = await getOpinionView(world.app.deps, { opinionId: opinion.id, actor: { kind: 'person', personId: (await world.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } })).id } });
    expect(view.evaluations).toEqual([{ round: 1, rating: 'DISSATISFIED', comment: '灯还是不亮，晚上更危险了。' }]);
  });

  it('a quick reason is a button press (en)', async () => {
    const { officer } = world;
    await world.speak(officer, 'en');
    const resident = await world.resident(82002, 'en');
    const opinion = await answered(resident, 'The bench in Yuping Park is broken.', 'en');
    await resident.press('Dissatisfied');
    expect(resident.lastText()).toContain('Please tell us what is wrong');
    await resident.press('The problem is not solved');
    expect(resident.lastText()).toBe(`Thank you; those handling it have been told. Case ${opinion.trackingNo} is in its second round; we will ask you again when there is a result.`);
    await world.deliver();
    expect(officer.lastText()).toBe(
      `The resident was not satisfied with the result of case ${opinion.trackingNo}; it is now in its second round. The resident rated it: not satisfied. Their reason: The problem is not solved`,
    );
    expect((await events(opinion.id)).find((e) => e.type === 'REOPENED')?.data).toMatchObject({ reasonCode: 'not-solved' });
    await officer.press('Open and handle');
    expect(officer.lastText()).toContain('dissatisfied: reopened: The problem is not solved');
    await world.speak(officer, 'zh-CN');
  });

  it.each([
    ['zh-CN', 82003, '不满意', /群众没有说明原因。$/, /已进入第 2 轮办理/],
    ['en', 82004, 'Dissatisfied', /They gave no reason\.$/, /second round|round 2/],
  ] as const)('no answer to the why: staff are told after the bounded wait, without a reason (%s)', async (locale, telegramId, button, officerSays, residentHears) => {
    const { officer, app } = world;
    await world.speak(officer, locale);
    const resident = await world.resident(telegramId, locale);
    const opinion = await answered(resident, locale === 'en' ? 'Streetlight out on Yuping Road.' : '玉屏路有一盏路灯不亮。', locale);
    await resident.press(button);
    const officerBefore = officer.texts().length;
    app.clock.advance(5 * MINUTE);
    await runDeadlineJobs();
    await world.deliver();
    expect(officer.texts().length).toBe(officerBefore);
    app.clock.advance(11 * MINUTE);
    await runDeadlineJobs();
    await world.deliver();
    expect(officer.lastText()).toMatch(officerSays);
    expect(resident.lastText()).toMatch(residentHears);
    expect(await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ round: 2, stage: 'ANALYZING' });
    // A late answer is still kept, as the first round's comment.
    await resident.send(locale === 'en' ? 'Still dark.' : '还是不亮。');
    expect((await app.deps.prisma.evaluation.findFirstOrThrow({ where: { opinionId: opinion.id, round: 1 } })).comment).toBe(locale === 'en' ? 'Still dark.' : '还是不亮。');
    await world.speak(officer, 'zh-CN');
  });

  it('overdue: the officer is reminded, the street admin gets 督办 and chases; the resident hears it is late (zh)', async () => {
    const { officer, streetAdmin, app } = world;
    const resident = await world.resident(82101, 'zh-CN');
    const opinion = await world.submit(resident, '兴隆湖边的垃圾桶满了三天没人清理。');
    await world.deliver();
    const ack = await app.deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'ACKNOWLEDGE' } });
    app.clock.set(new Date(ack.dueAt.getTime() + MINUTE));
    await runDeadlineJobs();
    await world.deliver();
    expect(officer.texts().some((t) => t.includes(`意见 ${opinion.trackingNo} 的受理已到期`))).toBe(true);
    expect(resident.lastText()).toMatch(new RegExp(`很抱歉，您的意见 ${opinion.trackingNo} 超过了办理期限。.*预计在 \\d{4}-\\d{2}-\\d{2} 23:59 前给您答复`));
    expect(streetAdmin.lastText()).toBe(`超期督办：玉屏社区代表活动站的意见 ${opinion.trackingNo} 受理已到期（期限 ${formatLocal(ack.dueAt)}）。可以催办或改派。`);
    expect(streetAdmin.inlineButtons()).toEqual(['催办', '改派', '查看并处理']);
    // The same notice as an English-speaking admin reads it.
    expect((await world.noticesIn(streetAdmin, 'en')).at(-1)).toEqual({
      text: `Overdue (督办): the acknowledgement of case ${opinion.trackingNo} at Yuping Community Station is now overdue (deadline ${formatLocal(ack.dueAt)}). You can chase or reassign it.`,
      buttons: ['Chase', 'Reassign', 'Open and handle'],
    });

    const officerBefore = officer.texts().length;
    await streetAdmin.press('催办');
    expect(streetAdmin.lastText()).toBe(`已催办 ${opinion.trackingNo}：已提醒负责人尽快处理，并记入办理记录。`);
    await world.deliver();
    expect(officer.texts().slice(officerBefore)).toEqual([`催办：请尽快处理玉屏社区代表活动站的意见 ${opinion.trackingNo}（受理期限 ${formatLocal(ack.dueAt)}）。`]);
    expect((await world.noticesIn(officer, 'en')).at(-1)?.text).toBe(`Chased: please act on case ${opinion.trackingNo} at Yuping Community Station now (acknowledgement deadline ${formatLocal(ack.dueAt)}).`);
    expect((await events(opinion.id)).map((e) => e.type)).toContain('CHASED');

    // 改派 to another officer of the station.
    const second = await app.deps.prisma.person.create({ data: { telegramId: 20009n, chatId: 20009n, displayName: '赵敏', consentedAt: app.clock.now() } });
    const station = await app.deps.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
    await app.deps.prisma.staffRole.create({ data: { personId: second.id, kind: 'LIAISON_OFFICER', stationId: station.id } });
    await streetAdmin.press('改派');
    expect(streetAdmin.lastText()).toBe(`把 ${opinion.trackingNo} 改派给：`);
    expect(streetAdmin.inlineButtons()).toEqual(['联络员 李静', '联络员 赵敏']);
    await streetAdmin.press('联络员 赵敏');
    expect(streetAdmin.lastText()).toBe(`已改派 ${opinion.trackingNo}，新的负责人已收到通知。`);
    await world.deliver();
    expect(app.user(20009).lastText()).toBe(`改派：玉屏社区代表活动站的意见 ${opinion.trackingNo} 已改派给您，请尽快处理。`);
    expect((await world.noticesIn(app.user(20009), 'en')).at(-1)?.text).toBe(`Reassigned: case ${opinion.trackingNo} at Yuping Community Station is now yours. Please act on it soon.`);
    expect(await app.deps.prisma.opinion.findUniqueOrThrow({ where: { id: opinion.id } })).toMatchObject({ assignedOfficerId: second.id });
    // An officer cannot reassign.
    await world.pressData(officer, `svo:${opinion.id}:${second.id}`);
    expect(officer.lastText()).toContain('权限');
  });

  it('overdue referral: 督办 reaches the agency and the admin, who chases it and reassigns it to another agency (en)', async () => {
    const { officer, agencyHandler, otherAgencyHandler, streetAdmin, app } = world;
    for (const user of [officer, agencyHandler, otherAgencyHandler, streetAdmin]) await world.speak(user, 'en');
    const resident = await world.resident(82102, 'en');
    const opinion = await world.submit(resident, 'Broken water main on Xinglong Road.', { locale: 'en' });
    const officerPerson = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    const urban = await app.deps.prisma.agency.findFirstOrThrow({ where: { staffRoles: { some: { person: { telegramId: BigInt(DEMO_PERSONAS.agencyHandler.telegramId) } } } } });
    await applyOpinionAction(app.deps, { opinionId: opinion.id, actor: { kind: 'person', personId: officerPerson.id }, action: { type: 'refer', agencyId: urban.id, dueAt: app.deps.calendar.addWorkingDays(app.clock.now(), 2, 'Asia/Shanghai') } });
    await world.deliver();
    const handle = await app.deps.prisma.opinionDeadline.findFirstOrThrow({ where: { opinionId: opinion.id, kind: 'HANDLE' } });
    app.clock.set(app.deps.calendar.addWorkingDays(handle.dueAt, 1, 'Asia/Shanghai'));
    await runDeadlineJobs();
    await world.deliver();
    expect(agencyHandler.texts().filter((t) => t.includes(opinion.trackingNo)).slice(-3)).toEqual([
      expect.stringMatching(/^Reminder: half the time for the handling/),
      expect.stringMatching(/^Overdue: the handling of case .* is now overdue/),
      expect.stringMatching(/^Overdue: the handling of case .* is 1 working day overdue/),
    ]);
    expect(streetAdmin.lastText()).toMatch(new RegExp(`^Overdue \\(督办\\): the handling of case ${opinion.trackingNo} at Yuping Community Station is 1 working day overdue`));
    expect(resident.texts().filter((t) => t.includes('has passed its deadline'))).toHaveLength(1);
    expect(streetAdmin.inlineButtons()).toEqual(['Chase', 'Reassign', 'Open and handle']);
    // The same notices as Chinese-speaking staff read them.
    const due = formatLocal(handle.dueAt);
    expect((await world.noticesIn(agencyHandler, 'zh-CN')).map((n) => n.text).filter((t) => t.includes(opinion.trackingNo)).slice(-3)).toEqual([
      expect.stringMatching(new RegExp(`^提醒：意见 ${opinion.trackingNo} 的办理期限已过半，截止时间为 ${due}`)),
      `超期提醒：意见 ${opinion.trackingNo} 的办理已到期（期限 ${due}），请立即处理。街道已收到督办通知。`,
      `超期提醒：意见 ${opinion.trackingNo} 的办理已超期 1 个工作日（期限 ${due}），请立即处理。街道已收到督办通知。`,
    ]);
    expect((await world.noticesIn(streetAdmin, 'zh-CN')).at(-1)).toEqual({
      text: `超期督办：玉屏社区代表活动站的意见 ${opinion.trackingNo} 办理已超期 1 个工作日（期限 ${due}）。可以催办或改派。`,
      buttons: ['催办', '改派', '查看并处理'],
    });

    // 催办: the agency, who must act now, is chased.
    const handlerBefore = agencyHandler.texts().length;
    await streetAdmin.press('Chase');
    expect(streetAdmin.lastText()).toBe(`${opinion.trackingNo} chased: whoever must act was reminded, and it is in the case history.`);
    await world.deliver();
    expect(agencyHandler.texts().slice(handlerBefore)).toEqual([`Chased: please act on case ${opinion.trackingNo} at Yuping Community Station now (handling deadline ${due}).`]);

    await streetAdmin.press('Reassign');
    expect(streetAdmin.lastText()).toBe(`Reassign ${opinion.trackingNo} to:`);
    const other = await app.deps.prisma.agency.findFirstOrThrow({ where: { staffRoles: { some: { person: { telegramId: 30002n } } } } });
    await streetAdmin.press(other.nameEn);
    expect(streetAdmin.lastText()).toBe(`${opinion.trackingNo} reassigned; the new person in charge has been told.`);
    await world.deliver();
    expect(otherAgencyHandler.lastText()).toContain(opinion.trackingNo);
    expect(resident.lastText()).toContain(other.nameEn);
    const deadlines = await app.deps.prisma.opinionDeadline.findMany({ where: { opinionId: opinion.id, kind: 'HANDLE' }, orderBy: { id: 'asc' } });
    // The late deadline is met late (the report says so); the new agency has a full one.
    expect(deadlines.map((d) => [d.metAt !== null, d.dueAt > app.clock.now()])).toEqual([[true, false], [false, true]]);
    for (const user of [officer, agencyHandler, otherAgencyHandler, streetAdmin]) await world.speak(user, 'zh-CN');
  });

  it('progress meant for the resident is forwarded with its text; an internal note is not (zh)', async () => {
    const { agencyHandler, app } = world;
    const resident = await world.resident(82201, 'zh-CN');
    const opinion = await world.submit(resident, '玉屏小区的下水道堵了，污水漫到路上。');
    const officerPerson = await app.deps.prisma.person.findUniqueOrThrow({ where: { telegramId: BigInt(DEMO_PERSONAS.officer.telegramId) } });
    const urban = await app.deps.prisma.agency.findFirstOrThrow({ where: { staffRoles: { some: { person: { telegramId: BigInt(DEMO_PERSONAS.agencyHandler.telegramId) } } } } });
    await applyOpinionAction(app.deps, { opinionId: opinion.id, actor: { kind: 'person', personId: officerPerson.id }, action: { type: 'refer', agencyId: urban.id } });
    await world.deliver();
    await agencyHandler.press('查看交办件');
    await agencyHandler.press('进展');
    expect(agencyHandler.lastText()).toBe('这条进展要告知群众吗？');
    await agencyHandler.press('告知群众');
    expect(agencyHandler.lastText()).toContain('群众会收到这段文字');
    await agencyHandler.send('已联系疏通公司，明天上午施工。');
    const before = resident.texts().length;
    await world.deliver();
    expect(resident.texts().slice(before)).toEqual([`您的意见 ${opinion.trackingNo} 办理进展已更新：\n已联系疏通公司，明天上午施工。`]);
    await agencyHandler.press('进展');
    await agencyHandler.press('仅内部记录');
    await agencyHandler.send('施工队改到下午。');
    await world.deliver();
    expect(resident.texts().length).toBe(before + 1);
    const progress = (await events(opinion.id)).filter((e) => e.type === 'PROGRESS').map((e) => [e.note, e.data]);
    expect(progress).toEqual([
      ['已联系疏通公司，明天上午施工。', { forResident: true }],
      ['施工队改到下午。', { forResident: false }],
    ]);
  });
});


function formatLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
