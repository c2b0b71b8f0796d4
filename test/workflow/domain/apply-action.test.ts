// applyOpinionAction, row by row of lifecycle.ts, on both backends.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import type { Actor, OpinionAction } from '../../../src/domain/opinions/lifecycle.js';
import { agenciesServing } from '../../../src/domain/staff/directory.js';
import { backends } from '../../helpers/database.js';
import { START, useWorld, footprint, outbox, person, system, type World } from './fixtures.js';

const DAY = 86_400_000;

describe.each(backends)('applyOpinionAction on %s', (kind) => {
  let world: World;
  let p: World['people'];
  useWorld(kind, (ready) => {
    world = ready;
    p = ready.people;
  }, { resetClock: true });

  const act = (opinionId: number, actor: Actor, action: OpinionAction, expectedVersion?: number) =>
    applyOpinionAction(world.deps, { opinionId, actor, action, ...(expectedVersion === undefined ? {} : { expectedVersion }) });
  const officer = () => person(p.officer);
  const agency = () => person(p.agencyHandler);
  const resident = () => person(p.resident);
  const deadlines = (opinionId: number) => world.db.prisma.opinionDeadline.findMany({ where: { opinionId }, orderBy: { id: 'asc' } });
  const events = async (opinionId: number) =>
    (await world.db.prisma.opinionEvent.findMany({ where: { opinionId }, orderBy: { id: 'asc' } })).map((e) => `${e.type}:${e.fromStage ?? '-'}>${e.toStage}:r${e.round}`);

  async function expectRefused(promise: Promise<unknown>, code: DomainError['code'], key?: string) {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    if (key) expect((error as DomainError).key).toBe(key);
  }

  /** A case referred to the urban management bureau. */
  async function referred(options: { shareContact?: boolean; resident?: number } = {}) {
    const id = await world.createOpinion(options);
    await act(id, officer(), { type: 'refer', agencyId: world.agencies.urban, note: '请尽快修复' });
    return id;
  }

  it('acknowledge: ANALYZING, the officer assigned, ACKNOWLEDGE met, ANALYZE opened, the resident told', async () => {
    const id = await world.createOpinion();
    world.clock.advance(3_600_000);
    const result = await act(id, officer(), { type: 'acknowledge' }, 0);
    expect(result.opinion).toMatchObject({ stage: 'ANALYZING', version: 1, assignedOfficerId: p.officer, acknowledgedAt: world.clock.now() });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ type: 'ACKNOWLEDGED', actorId: p.officer, actorRole: 'LIAISON_OFFICER', fromStage: 'COLLECTED', toStage: 'ANALYZING', round: 1 });
    expect(result.events[0]!.at).toEqual(world.clock.now());
    const [ack, analyze] = await deadlines(id);
    expect(ack).toMatchObject({ kind: 'ACKNOWLEDGE', metAt: world.clock.now() });
    expect(analyze).toMatchObject({ kind: 'ANALYZE', round: 1, metAt: null, setAt: world.clock.now() });
    // Three working days after Monday 23 Nov: end of Thursday 26 Nov in Shanghai.
    expect(analyze!.dueAt.toISOString()).toBe('2026-11-26T15:59:59.999Z');
    expect(result.notified).toBe(1);
    expect(await outbox(world, id)).toEqual([
      {
        personId: p.resident,
        dedupeKey: `event:${result.events[0]!.id}:person:${p.resident}`,
        key: 'notify-resident-acknowledged',
        vars: { trackingNo: result.opinion.trackingNo, stationZh: '玉屏社区代表活动站', stationEn: 'Yuping Community Station' },
        action: undefined,
      },
    ]);
  });

  it('classify: sets category and priority, stage unchanged; refuses an unknown category or an empty change', async () => {
    const id = await world.createOpinion();
    const result = await act(id, officer(), { type: 'classify', categoryId: world.categories.environment, priority: 'HIGH' });
    expect(result.opinion).toMatchObject({ stage: 'COLLECTED', categoryId: world.categories.environment, priority: 'HIGH', version: 1 });
    expect(result.events[0]).toMatchObject({ type: 'CLASSIFIED', fromStage: 'COLLECTED', toStage: 'COLLECTED' });
    expect(result.events[0]!.data).toMatchObject({ categoryId: world.categories.environment, priority: 'HIGH', previous: { categoryId: world.categories.roads, priority: 'NORMAL' } });
    expect(result.notified).toBe(0);
    const before = await footprint(world, id);
    await expectRefused(act(id, officer(), { type: 'classify', categoryId: 999_999 }), 'validation', 'error-workflow-category-unknown');
    await expectRefused(act(id, officer(), { type: 'classify' }), 'validation', 'error-workflow-classify-empty');
    expect(await footprint(world, id)).toEqual(before);
  });

  it('answer from COLLECTED: acknowledges first, then answers and delivers; EVALUATE opens for 7 days', async () => {
    const id = await world.createOpinion();
    const result = await act(id, officer(), { type: 'answer', text: '  已联系物业，明天修复。  ' });
    expect(result.opinion).toMatchObject({ stage: 'FEEDBACK', disposition: 'ON_THE_SPOT', resultText: '已联系物业，明天修复。', version: 1, assignedOfficerId: p.officer });
    expect(await events(id)).toEqual([
      'COLLECTED:->COLLECTED:r1',
      'ACKNOWLEDGED:COLLECTED>ANALYZING:r1',
      'ANSWERED:ANALYZING>ANALYZING:r1',
      'RESULT_DELIVERED:ANALYZING>FEEDBACK:r1',
    ]);
    const rows = await deadlines(id);
    expect(rows.map((d) => [d.kind, d.metAt !== null])).toEqual([['ACKNOWLEDGE', true], ['ANALYZE', true], ['EVALUATE', false]]);
    expect(rows[2]!.dueAt.getTime() - START.getTime()).toBeGreaterThanOrEqual(7 * DAY);
    // One message for the resident: the answer, with the rating buttons.
    const sent = await outbox(world, id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ personId: p.resident, key: 'notify-resident-answered', vars: { text: '已联系物业，明天修复。' }, action: { type: 'evaluate', opinionId: id, round: 1 } });
  });

  it('refer: HANDLING at the agency with the officer’s due date; the agency’s handlers and the resident are told', async () => {
    const id = await world.createOpinion();
    await act(id, officer(), { type: 'acknowledge' });
    const dueAt = new Date('2026-12-04T09:59:59.000Z');
    const result = await act(id, officer(), { type: 'refer', agencyId: world.agencies.urban, dueAt, note: '请现场查看' });
    expect(result.opinion).toMatchObject({ stage: 'HANDLING', disposition: 'REFERRED', agencyId: world.agencies.urban, version: 2 });
    expect(result.events[0]).toMatchObject({ type: 'REFERRED', fromStage: 'ANALYZING', toStage: 'HANDLING', note: '请现场查看' });
    expect(result.events[0]!.data).toEqual({ agencyId: world.agencies.urban, dueAt: dueAt.toISOString() });
    const handle = (await deadlines(id)).find((d) => d.kind === 'HANDLE');
    expect(handle?.dueAt).toEqual(dueAt);
    expect((await deadlines(id)).find((d) => d.kind === 'ANALYZE')?.metAt).toEqual(START);
    const sent = (await outbox(world, id)).slice(1);
    expect(sent).toEqual([
      expect.objectContaining({ personId: p.resident, key: 'notify-resident-referred', vars: expect.objectContaining({ agencyZh: '区城市管理局', dueAt: '2026-12-04 17:59' }) }),
      expect.objectContaining({ personId: p.agencyHandler, key: 'notify-agency-referred', action: { type: 'agency-case', opinionId: id }, vars: expect.objectContaining({ note: '请现场查看', dueAt: '2026-12-04 17:59' }) }),
    ]);
  });

  it('refer: refuses an inactive agency and a due date in the past, writing nothing', async () => {
    const id = await world.createOpinion();
    const before = await footprint(world, id);
    await expectRefused(act(id, officer(), { type: 'refer', agencyId: world.agencies.closed }), 'validation', 'error-workflow-agency-unknown');
    await expectRefused(act(id, officer(), { type: 'refer', agencyId: world.agencies.urban, dueAt: new Date(START.getTime() - 1) }), 'validation', 'error-workflow-due-in-past');
    expect(await footprint(world, id)).toEqual(before);
  });

  it('escalate: a proposal handled by the station’s representative, whose final result goes to the resident', async () => {
    const id = await world.createOpinion();
    const escalated = await act(id, officer(), { type: 'escalate', to: 'PROPOSAL', note: '多人反映' });
    expect(escalated.opinion).toMatchObject({ stage: 'HANDLING', disposition: 'PROPOSAL' });
    expect(escalated.events.map((e) => e.type)).toEqual(['ACKNOWLEDGED', 'ESCALATED']);
    expect(escalated.opinion.proposalId).not.toBeNull();
    expect(escalated.events[1]!.data).toEqual({ to: 'PROPOSAL', proposalId: escalated.opinion.proposalId });
    expect((await deadlines(id)).map((d) => d.kind)).toEqual(['ACKNOWLEDGE', 'ANALYZE', 'HANDLE']);
    expect((await outbox(world, id)).map((n) => n.key)).toEqual(['notify-resident-escalated']);

    await act(id, person(p.representative), { type: 'progress', note: '已在代表小组会上讨论' });
    const result = await act(id, person(p.representative), { type: 'submitResult', text: '已形成代表建议并提交区人大。', final: true });
    expect(result.opinion).toMatchObject({ stage: 'FEEDBACK', resultText: '已形成代表建议并提交区人大。' });
    expect(result.events.map((e) => [e.type, e.actorRole])).toEqual([['RESULT_SUBMITTED', 'REPRESENTATIVE'], ['RESULT_DELIVERED', 'REPRESENTATIVE']]);
    expect((await deadlines(id)).map((d) => [d.kind, d.metAt !== null])).toEqual([['ACKNOWLEDGE', true], ['ANALYZE', true], ['HANDLE', true], ['EVALUATE', false]]);
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.resident, key: 'notify-resident-result', action: { type: 'evaluate', opinionId: id, round: 1 } });
  });

  it('decline: closed with the reason; a reason is required', async () => {
    const id = await world.createOpinion();
    await expectRefused(act(id, officer(), { type: 'decline', reason: '   ' }), 'validation', 'error-workflow-text-required');
    await expectRefused(act(id, officer(), { type: 'decline', reason: 'x'.repeat(2001) }), 'validation', 'error-workflow-text-too-long');
    const result = await act(id, officer(), { type: 'decline', reason: '该事项已进入诉讼程序' });
    expect(result.opinion).toMatchObject({ stage: 'CLOSED', disposition: 'DECLINED', closeReason: 'DECLINED', closedAt: START, resultText: '该事项已进入诉讼程序' });
    expect(result.events.map((e) => `${e.type}>${e.toStage}`)).toEqual(['ACKNOWLEDGED>ANALYZING', 'DECLINED>ANALYZING', 'CLOSED>CLOSED']);
    expect(result.events[2]!.data).toEqual({ reason: 'DECLINED' });
    expect((await outbox(world, id)).map((n) => [n.key, n.vars.reason])).toEqual([['notify-resident-declined', '该事项已进入诉讼程序']]);
  });

  it('handBack: back to ANALYZING without an agency; the officer is told; the agency can no longer act', async () => {
    const id = await referred();
    const result = await act(id, agency(), { type: 'handBack', reason: '属于供电公司职责' });
    expect(result.opinion).toMatchObject({ stage: 'ANALYZING', agencyId: null, disposition: null });
    expect(result.events[0]).toMatchObject({ type: 'HANDED_BACK', actorRole: 'AGENCY_HANDLER', fromStage: 'HANDLING', toStage: 'ANALYZING', note: '属于供电公司职责' });
    expect((await deadlines(id)).map((d) => [d.kind, d.metAt !== null])).toEqual([['ACKNOWLEDGE', true], ['ANALYZE', true], ['HANDLE', true], ['ANALYZE', false]]);
    const sent = await outbox(world, id);
    expect(sent.slice(-2)).toEqual([
      expect.objectContaining({ personId: p.resident, key: 'notify-resident-handed-back' }),
      expect.objectContaining({ personId: p.officer, key: 'notify-officer-handed-back', vars: expect.objectContaining({ agencyZh: '区城市管理局', reason: '属于供电公司职责' }), action: { type: 'triage', opinionId: id } }),
    ]);
    await expectRefused(act(id, agency(), { type: 'progress', note: '还在看' }), 'forbidden');
    // The officer re-routes it.
    const rerouted = await act(id, officer(), { type: 'refer', agencyId: world.agencies.transport });
    expect(rerouted.opinion).toMatchObject({ stage: 'HANDLING', agencyId: world.agencies.transport });
  });

  it('progress, requestClarification and clarify: notes between agency and officer, stage unchanged', async () => {
    const id = await referred();
    const progress = await act(id, agency(), { type: 'progress', note: '已派人查看' });
    expect(progress.events[0]).toMatchObject({ type: 'PROGRESS', fromStage: 'HANDLING', toStage: 'HANDLING', note: '已派人查看' });
    expect(progress.notified).toBe(0);
    const officerProgress = await act(id, officer(), { type: 'progress', note: '已电话催办' });
    expect(officerProgress.events[0]).toMatchObject({ type: 'PROGRESS', actorRole: 'LIAISON_OFFICER' });

    const question = await act(id, agency(), { type: 'requestClarification', question: '具体是哪栋楼门口？' });
    expect(question.events[0]).toMatchObject({ type: 'CLARIFICATION_REQUESTED', note: '具体是哪栋楼门口？' });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.officer, key: 'notify-officer-clarification-requested', vars: { text: '具体是哪栋楼门口？' } });
    const answer = await act(id, officer(), { type: 'clarify', answer: '3 栋' });
    expect(answer.events[0]).toMatchObject({ type: 'CLARIFIED', note: '3 栋' });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.agencyHandler, key: 'notify-agency-clarified', vars: { text: '3 栋' }, action: { type: 'agency-case', opinionId: id } });
    expect(answer.opinion).toMatchObject({ stage: 'HANDLING', version: 5 });
    // Only the agency asks; only officers clarify.
    await expectRefused(act(id, officer(), { type: 'requestClarification', question: '?' }), 'forbidden');
    await expectRefused(act(id, agency(), { type: 'clarify', answer: '!' }), 'forbidden');
  });

  it('submitResult (not final) waits for the officer, who delivers it', async () => {
    const id = await referred();
    await expectRefused(act(id, officer(), { type: 'deliverResult' }), 'invalid-transition', 'error-invalid-transition');
    // A referred case's result is the agency's.
    await expectRefused(act(id, officer(), { type: 'submitResult', text: '我来', final: true }), 'forbidden');
    const submitted = await act(id, agency(), { type: 'submitResult', text: '路灯已更换。', final: false });
    expect(submitted.opinion).toMatchObject({ stage: 'HANDLING', resultText: null });
    expect(submitted.events.map((e) => e.type)).toEqual(['RESULT_SUBMITTED']);
    expect(submitted.events[0]!.data).toEqual({ final: false });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.officer, key: 'notify-officer-result-submitted', vars: { text: '路灯已更换。' } });
    expect((await deadlines(id)).find((d) => d.kind === 'HANDLE')?.metAt).toEqual(START);

    const delivered = await act(id, officer(), { type: 'deliverResult' });
    expect(delivered.opinion).toMatchObject({ stage: 'FEEDBACK', resultText: '路灯已更换。' });
    expect(delivered.events[0]).toMatchObject({ type: 'RESULT_DELIVERED', fromStage: 'HANDLING', toStage: 'FEEDBACK', note: '路灯已更换。' });
    expect((await deadlines(id)).at(-1)).toMatchObject({ kind: 'EVALUATE', metAt: null });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.resident, key: 'notify-resident-result', action: { type: 'evaluate', opinionId: id, round: 1 } });
  });

  it('deliverResult may reword the submitted result', async () => {
    const id = await referred();
    await act(id, agency(), { type: 'submitResult', text: '已处理', final: false });
    const delivered = await act(id, officer(), { type: 'deliverResult', text: '城管局已于今天更换路灯，请您查看。' });
    expect(delivered.opinion.resultText).toBe('城管局已于今天更换路灯，请您查看。');
  });

  it('evaluate satisfied: an Evaluation row, EVALUATE met, closed as EVALUATED', async () => {
    const id = await world.createOpinion();
    await act(id, officer(), { type: 'answer', text: '已修复' });
    world.clock.advance(DAY);
    const result = await act(id, resident(), { type: 'evaluate', rating: 'BASICALLY_SATISFIED', comment: '还行' });
    expect(result.opinion).toMatchObject({ stage: 'CLOSED', closeReason: 'EVALUATED', round: 1 });
    expect(result.events.map((e) => [e.type, e.actorRole, e.round])).toEqual([['EVALUATED', 'RESIDENT', 1], ['CLOSED', 'RESIDENT', 1]]);
    expect(result.events[0]!.data).toEqual({ rating: 'BASICALLY_SATISFIED', round: 1 });
    expect(await world.db.prisma.evaluation.findMany({ where: { opinionId: id } })).toEqual([
      expect.objectContaining({ round: 1, rating: 'BASICALLY_SATISFIED', comment: '还行', personId: p.resident }),
    ]);
    expect((await deadlines(id)).at(-1)).toMatchObject({ kind: 'EVALUATE', metAt: world.clock.now() });
    // The resident is answered in the chat where they rated: no second message through the outbox.
    expect((await outbox(world, id)).map((n) => n.key)).not.toContain('notify-resident-closed');
  });

  it('second round of a referral: dissatisfied reopens at the same agency, round 2 closes whatever the rating', async () => {
    const id = await referred();
    await act(id, agency(), { type: 'submitResult', text: '已处理', final: true });
    const rated = await act(id, resident(), { type: 'evaluate', rating: 'DISSATISFIED' });
    // Staff hear nothing until the resident said why.
    expect(rated.opinion).toMatchObject({ stage: 'FEEDBACK', round: 1 });
    expect(rated.events.map((e) => e.type)).toEqual(['EVALUATED']);
    expect(rated.notified).toBe(0);
    await expectRefused(act(id, resident(), { type: 'evaluate', rating: 'SATISFIED' }), 'invalid-transition');
    await expectRefused(act(id, agency(), { type: 'explainDissatisfaction', reason: 'x' }), 'forbidden');
    const reopened = await act(id, resident(), { type: 'explainDissatisfaction', reason: '灯还是不亮', reasonCode: 'not-solved' });
    expect(reopened.opinion).toMatchObject({ stage: 'HANDLING', round: 2, agencyId: world.agencies.urban, disposition: 'REFERRED' });
    expect(reopened.events.map((e) => `${e.type}:${e.fromStage}>${e.toStage}:r${e.round}`)).toEqual(['REOPENED:FEEDBACK>HANDLING:r2']);
    expect(reopened.events[0]).toMatchObject({ note: '灯还是不亮', data: { round: 2, rating: 'DISSATISFIED', reasonGiven: true, reasonCode: 'not-solved' } });
    expect(await world.db.prisma.evaluation.findFirst({ where: { opinionId: id, round: 1 } })).toMatchObject({ rating: 'DISSATISFIED', comment: '灯还是不亮' });
    const handle2 = (await deadlines(id)).at(-1)!;
    expect(handle2).toMatchObject({ kind: 'HANDLE', round: 2, metAt: null });
    const told = (await outbox(world, id)).slice(-2);
    // The resident who explained is answered in the chat.
    expect(told.map((n) => [n.personId, n.key])).toEqual([
      [p.officer, 'notify-officer-reopened'],
      [p.agencyHandler, 'notify-agency-reopened'],
    ]);
    expect(told[1]!.vars).toMatchObject({ rating: 'DISSATISFIED', comment: '灯还是不亮', reasonGiven: 'yes' });

    const second = await act(id, agency(), { type: 'submitResult', text: '已更换整条线路', final: true });
    expect(second.opinion).toMatchObject({ stage: 'FEEDBACK', round: 2 });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ key: 'notify-resident-result', action: { type: 'evaluate', opinionId: id, round: 2 } });
    const closed = await act(id, resident(), { type: 'evaluate', rating: 'DISSATISFIED' });
    expect(closed.opinion).toMatchObject({ stage: 'CLOSED', closeReason: 'EVALUATED', round: 2 });
    expect((await world.db.prisma.evaluation.findMany({ where: { opinionId: id }, orderBy: { round: 'asc' } })).map((e) => [e.round, e.rating])).toEqual([
      [1, 'DISSATISFIED'],
      [2, 'DISSATISFIED'],
    ]);
    expect((await deadlines(id)).filter((d) => d.kind === 'EVALUATE').map((d) => [d.round, d.metAt !== null])).toEqual([[1, true], [2, true]]);
  });

  it('second round of an on-the-spot answer goes back to the officer (ANALYZING, new ANALYZE deadline)', async () => {
    const id = await world.createOpinion();
    await act(id, officer(), { type: 'answer', text: '已修复' });
    await act(id, resident(), { type: 'evaluate', rating: 'DISSATISFIED' });
    // The resident never says why: the job reopens it without a reason, and tells the resident too.
    const reopened = await act(id, system, { type: 'explainDissatisfaction' });
    expect(reopened.opinion).toMatchObject({ stage: 'ANALYZING', round: 2 });
    expect((await deadlines(id)).at(-1)).toMatchObject({ kind: 'ANALYZE', round: 2, metAt: null });
    expect((await outbox(world, id)).slice(-2).map((n) => [n.personId, n.key, n.vars.reasonGiven])).toEqual([
      [p.resident, 'notify-resident-reopened', undefined],
      [p.officer, 'notify-officer-reopened', 'no'],
    ]);
    const again = await act(id, officer(), { type: 'answer', text: '已再次修复并加装防护' });
    expect(again.events.map((e) => [e.type, e.round])).toEqual([['ANSWERED', 2], ['RESULT_DELIVERED', 2]]);
    expect((await outbox(world, id)).at(-1)).toMatchObject({ action: { type: 'evaluate', opinionId: id, round: 2 } });
  });

  it('expireEvaluation: only once the window has passed; closes NOT_EVALUATED leaving EVALUATE unmet', async () => {
    const id = await world.createOpinion();
    await act(id, officer(), { type: 'answer', text: '已修复' });
    world.clock.advance(6 * DAY);
    await expectRefused(act(id, system, { type: 'expireEvaluation' }), 'invalid-transition');
    world.clock.advance(2 * DAY);
    await expectRefused(act(id, officer(), { type: 'expireEvaluation' }), 'forbidden');
    const result = await act(id, system, { type: 'expireEvaluation' });
    expect(result.opinion).toMatchObject({ stage: 'CLOSED', closeReason: 'NOT_EVALUATED', closedAt: world.clock.now() });
    expect(result.events).toEqual([expect.objectContaining({ type: 'CLOSED', actorId: null, actorRole: 'SYSTEM', data: { reason: 'NOT_EVALUATED' } })]);
    expect((await deadlines(id)).at(-1)).toMatchObject({ kind: 'EVALUATE', metAt: null, cancelledAt: null });
    expect((await outbox(world, id)).at(-1)).toMatchObject({ key: 'notify-resident-closed', vars: { reason: 'NOT_EVALUATED' } });
    await expectRefused(act(id, resident(), { type: 'evaluate', rating: 'SATISFIED' }), 'invalid-transition');
  });

  it('remindDeadline reminds the resident of the evaluation window, once; staff deadlines go through the chain', async () => {
    const id = await referred();
    const handle = (await deadlines(id)).find((d) => d.kind === 'HANDLE')!;
    await expectRefused(act(id, system, { type: 'remindDeadline', deadlineId: handle.id }), 'invalid-transition');
    await act(id, agency(), { type: 'submitResult', text: '已修', final: true });
    const evaluate = (await deadlines(id)).find((d) => d.kind === 'EVALUATE')!;
    const first = await act(id, system, { type: 'remindDeadline', deadlineId: evaluate.id });
    expect(first.opinion.version).toBe((await world.db.prisma.opinion.findUniqueOrThrow({ where: { id } })).version);
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.resident, key: 'notify-resident-evaluation-reminder', action: { type: 'evaluate', opinionId: id, round: 1 } });
    expect(await act(id, system, { type: 'remindDeadline', deadlineId: evaluate.id })).toMatchObject({ events: [], notified: 0 });
    await expectRefused(act(id, system, { type: 'remindDeadline', deadlineId: 999_999 }), 'not-found');
  });

  it('deadlineStep: each step once and only when due; half reminds the officer, due adds 督办 and tells the resident', async () => {
    const id = await world.createOpinion();
    await act(id, officer(), { type: 'acknowledge' });
    const analyze = (await deadlines(id)).find((d) => d.kind === 'ANALYZE')!;
    await expectRefused(act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'half' }), 'invalid-transition');
    await expectRefused(act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'soon' }), 'validation');
    world.clock.set(new Date(analyze.dueAt.getTime() - 1));
    const half = await act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'half' });
    expect(half.events).toEqual([expect.objectContaining({ type: 'REMINDED', actorRole: 'SYSTEM', data: expect.objectContaining({ step: 'half', kind: 'ANALYZE' }) })]);
    expect(half.opinion.version).toBe(1);
    expect((await outbox(world, id)).at(-1)).toMatchObject({ personId: p.officer, key: 'notify-staff-deadline-reminder', vars: { deadline: 'ANALYZE', dueAt: '2026-11-26 23:59' } });
    const before = await footprint(world, id);
    expect(await act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'half' })).toMatchObject({ events: [], notified: 0 });
    expect(await footprint(world, id)).toEqual(before);
    await expectRefused(act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'due' }), 'invalid-transition');

    world.clock.set(new Date(analyze.dueAt.getTime() + 1));
    const due = await act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'due' });
    expect(due.events.map((e) => e.type)).toEqual(['REMINDED', 'OVERDUE_ESCALATED']);
    const sent = (await outbox(world, id)).slice(-3);
    expect(sent.map((n) => [n.personId, n.key])).toEqual([
      [p.resident, 'notify-resident-late'],
      [p.officer, 'notify-staff-deadline-overdue'],
      [p.streetAdmin, 'notify-admin-overdue'],
    ]);
    expect(sent[2]).toMatchObject({ vars: { deadline: 'ANALYZE', lateDays: 0, stationZh: '玉屏社区代表活动站' }, action: { type: 'supervise', opinionId: id } });
    expect(sent[0]!.vars.expectedAt).toMatch(/^2026-12-0\d 23:59$/);
    expect((await deadlines(id)).find((d) => d.id === analyze.id)).toMatchObject({ remindedAt: expect.any(Date), escalatedAt: world.clock.now() });
    await expectRefused(act(id, person(p.officer), { type: 'deadlineStep', deadlineId: analyze.id, step: 'late-1' }), 'forbidden');
    // Met since the job looked: nothing to do.
    await act(id, officer(), { type: 'answer', text: '已答复' });
    world.clock.advance(3 * DAY);
    expect(await act(id, system, { type: 'deadlineStep', deadlineId: analyze.id, step: 'late-1' })).toMatchObject({ events: [], notified: 0 });
  });

  it('merge: the duplicate closes, its resident follows the main case; only the main resident evaluates', async () => {
    const main = await world.createOpinion();
    const duplicate = await world.createOpinion({ resident: p.neighbour });
    const merged = await act(duplicate, officer(), { type: 'merge', intoOpinionId: main });
    const mainRow = await world.db.prisma.opinion.findUniqueOrThrow({ where: { id: main } });
    expect(merged.opinion).toMatchObject({ stage: 'CLOSED', disposition: 'MERGED', closeReason: 'MERGED', mergedIntoId: main });
    expect(merged.events.map((e) => e.type)).toEqual(['ACKNOWLEDGED', 'MERGED', 'CLOSED']);
    expect(merged.events[1]!.data).toEqual({ mergedIntoId: main, mergedIntoTrackingNo: mainRow.trackingNo });
    expect((await deadlines(duplicate)).map((d) => [d.kind, d.metAt !== null, d.cancelledAt !== null])).toEqual([['ACKNOWLEDGE', true, false], ['ANALYZE', false, true]]);
    expect(await outbox(world, duplicate)).toEqual([
      expect.objectContaining({ personId: p.neighbour, key: 'notify-resident-merged', vars: { trackingNo: merged.opinion.trackingNo, mainTrackingNo: mainRow.trackingNo } }),
    ]);

    const answered = await act(main, officer(), { type: 'answer', text: '已修复' });
    const told = (await outbox(world, main)).filter((n) => n.dedupeKey.startsWith(`event:${answered.events.at(-1)!.id}:`));
    expect(told).toEqual([
      expect.objectContaining({ personId: p.resident, key: 'notify-resident-answered', action: { type: 'evaluate', opinionId: main, round: 1 } }),
      expect.objectContaining({
        personId: p.neighbour,
        key: 'notify-follower-update',
        vars: { event: 'answered', trackingNo: mainRow.trackingNo, ownTrackingNo: merged.opinion.trackingNo, text: '已修复' },
        action: undefined,
      }),
    ]);
    await expectRefused(act(main, person(p.neighbour), { type: 'evaluate', rating: 'SATISFIED' }), 'forbidden');
    await act(main, resident(), { type: 'evaluate', rating: 'SATISFIED' });
    expect((await outbox(world, main)).at(-1)).toMatchObject({ personId: p.neighbour, key: 'notify-follower-update', vars: { event: 'closed', reason: 'EVALUATED' } });
  });

  it('merge: followers of followers hear the main case too', async () => {
    const main = await world.createOpinion();
    const middle = await world.createOpinion({ resident: p.neighbour });
    const first = await world.createOpinion({ resident: p.districtAdmin });
    await act(first, officer(), { type: 'merge', intoOpinionId: middle });
    // The middle case's resident is told, and so is the one who follows it.
    await act(middle, officer(), { type: 'merge', intoOpinionId: main });
    expect((await outbox(world, middle)).map((n) => [n.personId, n.key, n.vars.event])).toEqual([
      [p.neighbour, 'notify-resident-merged', undefined],
      [p.districtAdmin, 'notify-follower-update', 'merged'],
    ]);
    await act(main, officer(), { type: 'acknowledge' });
    expect((await outbox(world, main)).map((n) => n.personId)).toEqual([p.resident, p.neighbour, p.districtAdmin]);
  });

  it('merge: refuses itself, a closed or merged case and another district', async () => {
    const id = await world.createOpinion();
    const closed = await world.createOpinion();
    await act(closed, officer(), { type: 'decline', reason: '重复' });
    const elsewhere = await world.createOpinion({ station: world.stations.elsewhere });
    const before = await footprint(world, id);
    for (const target of [id, closed, elsewhere, 999_999]) {
      await expectRefused(act(id, officer(), { type: 'merge', intoOpinionId: target }), 'validation', 'error-workflow-merge-target');
    }
    expect(await footprint(world, id)).toEqual(before);
  });

  it('refer and 改派 reach only agencies serving the case’s district, or no district in particular', async () => {
    const prisma = world.db.prisma;
    const otherDistrict = (await prisma.station.findUniqueOrThrow({ where: { id: world.stations.elsewhere } })).regionId;
    const theirs = (await prisma.agency.create({ data: { code: 'T-OTHER-AG', nameZh: '他区城管局', nameEn: 'Other district bureau', regionId: otherDistrict } })).id;
    const citywide = (await prisma.agency.create({ data: { code: 'T-CITY-AG', nameZh: '市供水公司', nameEn: 'City water company' } })).id;
    const offered = (await agenciesServing(world.deps, { stationId: world.stations.yuping })).map((agency) => agency.id);
    expect(offered).toEqual(expect.arrayContaining([world.agencies.urban, world.agencies.transport, citywide]));
    expect(offered).not.toContain(theirs);
    expect((await agenciesServing(world.deps, { stationId: world.stations.elsewhere })).map((agency) => agency.id).sort()).toEqual([citywide, theirs].sort());

    const id = await world.createOpinion();
    const before = await footprint(world, id);
    await expectRefused(act(id, officer(), { type: 'refer', agencyId: theirs }), 'validation', 'error-workflow-agency-unknown');
    expect(await footprint(world, id)).toEqual(before);
    await act(id, officer(), { type: 'refer', agencyId: citywide });
    await expectRefused(act(id, person(p.districtAdmin), { type: 'reassign', agencyId: theirs }), 'validation', 'error-workflow-agency-unknown');
    expect((await act(id, person(p.districtAdmin), { type: 'reassign', agencyId: world.agencies.urban })).opinion.agencyId).toBe(world.agencies.urban);
  });

  it('wrong-state actions are refused and leave nothing changed', async () => {
    const collected = await world.createOpinion();
    const closed = await world.createOpinion();
    await act(closed, officer(), { type: 'decline', reason: '不属于受理范围' });
    const wrong: [number, Actor, OpinionAction][] = [
      [collected, agency(), { type: 'handBack', reason: 'x' }],
      [collected, officer(), { type: 'deliverResult' }],
      [collected, officer(), { type: 'progress', note: 'x' }],
      [collected, resident(), { type: 'evaluate', rating: 'SATISFIED' }],
      [collected, system, { type: 'expireEvaluation' }],
      [closed, officer(), { type: 'acknowledge' }],
      [closed, officer(), { type: 'classify', priority: 'HIGH' }],
      [closed, officer(), { type: 'answer', text: 'x' }],
      [closed, officer(), { type: 'refer', agencyId: world.agencies.urban }],
      [closed, officer(), { type: 'escalate', to: 'SUPERVISION' }],
      [closed, officer(), { type: 'decline', reason: 'x' }],
      [closed, officer(), { type: 'merge', intoOpinionId: collected }],
      [closed, resident(), { type: 'evaluate', rating: 'SATISFIED' }],
      [closed, system, { type: 'deadlineStep', deadlineId: 1, step: 'half' }],
    ];
    const before = [await footprint(world, collected), await footprint(world, closed)];
    for (const [id, actor, action] of wrong) {
      const error = await act(id, actor, action).catch((caught: unknown) => caught);
      // handBack on a case never referred is not the agency's to touch: forbidden comes first.
      expect([action.type, (error as DomainError).code]).toEqual([action.type, action.type === 'handBack' ? 'forbidden' : 'invalid-transition']);
    }
    expect([await footprint(world, collected), await footprint(world, closed)]).toEqual(before);
    const refused = await act(closed, officer(), { type: 'acknowledge' }).catch((caught: DomainError) => caught);
    expect(refused).toMatchObject({ key: 'error-invalid-transition', vars: { stage: 'CLOSED' } });
  });

  it('permission refusals for each role leave nothing changed', async () => {
    const id = await world.createOpinion();
    const before = await footprint(world, id);
    const refusals: [number, OpinionAction][] = [
      [p.otherOfficer, { type: 'acknowledge' }], // an officer of another station
      [p.otherStreetAdmin, { type: 'acknowledge' }], // a street admin of another town
      [p.agencyHandler, { type: 'answer', text: 'x' }], // agencies take only agency actions
      [p.representative, { type: 'acknowledge' }], // representatives act on escalations only
      [p.resident, { type: 'acknowledge' }], // the resident only evaluates
      [p.neighbour, { type: 'classify', priority: 'HIGH' }], // a stranger
    ];
    for (const [personId, action] of refusals) {
      await expectRefused(act(id, person(personId), action), 'forbidden', 'error-forbidden');
    }
    await expectRefused(act(id, system, { type: 'answer', text: 'x' }), 'forbidden');
    await expectRefused(act(id, person(p.officer), { type: 'deadlineStep', deadlineId: before.deadlines[0]!.id, step: 'half' }), 'forbidden');
    expect(await footprint(world, id)).toEqual(before);

    // Referred elsewhere: the other agency may not touch it.
    const referredId = await referred();
    await expectRefused(act(referredId, person(p.otherAgencyHandler), { type: 'progress', note: 'x' }), 'forbidden');
    // Escalated: another resident may not evaluate, the representative of another station may not submit.
    const escalated = await world.createOpinion({ station: world.stations.xinglonghu });
    await expectRefused(act(escalated, person(p.representative), { type: 'submitResult', text: 'x', final: true }), 'forbidden');
  });

  it('admins act within their scope and are recorded as such; a revoked role counts for nothing', async () => {
    const id = await world.createOpinion();
    const byStreet = await act(id, person(p.streetAdmin), { type: 'acknowledge' });
    expect(byStreet.events[0]).toMatchObject({ actorRole: 'STREET_ADMIN' });
    expect(byStreet.opinion.assignedOfficerId).toBe(p.streetAdmin);
    const other = await world.createOpinion({ station: world.stations.xinglonghu });
    const byDistrict = await act(other, person(p.districtAdmin), { type: 'classify', priority: 'URGENT' });
    expect(byDistrict.events[0]).toMatchObject({ actorRole: 'DISTRICT_ADMIN' });

    const role = await world.db.prisma.staffRole.findFirstOrThrow({ where: { personId: p.secondOfficer } });
    await world.db.prisma.staffRole.update({ where: { id: role.id }, data: { revokedAt: START } });
    await expectRefused(act(other, person(p.secondOfficer), { type: 'acknowledge' }), 'forbidden');
    const third = await world.createOpinion();
    await expectRefused(act(third, person(p.secondOfficer), { type: 'acknowledge' }), 'forbidden');
    await world.db.prisma.staffRole.update({ where: { id: role.id }, data: { revokedAt: null } });
  });

  it('concurrent claim: of two officers acknowledging at once, exactly one wins, the other gets a conflict', async () => {
    const id = await world.createOpinion();
    const results = await Promise.allSettled([
      act(id, person(p.officer), { type: 'acknowledge' }, 0),
      act(id, person(p.secondOfficer), { type: 'acknowledge' }, 0),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(DomainError);
    expect(rejected[0]!.reason).toMatchObject({ code: 'conflict', key: 'error-conflict' });
    const after = await footprint(world, id);
    expect(after.opinion.version).toBe(1);
    expect(after.events).toBe(2);
    expect(after.notifications).toBe(1);
    // A stale version is refused even when the action would otherwise fit.
    await expectRefused(act(id, officer(), { type: 'classify', priority: 'HIGH' }, 0), 'conflict');
    await act(id, officer(), { type: 'classify', priority: 'HIGH' }, 1);
  });

  it('concurrent decisions without a stated version still leave exactly one applied', async () => {
    const id = await world.createOpinion();
    const results = await Promise.allSettled([
      act(id, person(p.officer), { type: 'answer', text: '答复一' }),
      act(id, person(p.secondOfficer), { type: 'decline', reason: '理由二' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as DomainError;
    expect(['conflict', 'invalid-transition']).toContain(reason.code);
    expect((await footprint(world, id)).opinion.version).toBe(1);
  });

  it('deadlines count working days across the National Day holiday and its make-up Saturday', async () => {
    world.clock.set(new Date('2026-09-29T01:00:00Z')); // Tuesday 29 September, 09:00
    const id = await world.createOpinion();
    const [ack] = await deadlines(id);
    expect(ack!.dueAt.toISOString()).toBe('2026-09-30T15:59:59.999Z'); // Wednesday 30 September
    world.clock.set(new Date('2026-09-30T08:00:00Z'));
    await act(id, officer(), { type: 'acknowledge' });
    const rows = await deadlines(id);
    expect(rows[0]!.metAt!.getTime()).toBeLessThanOrEqual(rows[0]!.dueAt.getTime());
    // 1–7 October off; Thursday 8, Friday 9 and the make-up Saturday 10 October are the three working days.
    expect(rows[1]).toMatchObject({ kind: 'ANALYZE', dueAt: new Date('2026-10-10T15:59:59.999Z') });
    world.clock.set(new Date('2026-10-09T02:00:00Z'));
    await act(id, officer(), { type: 'refer', agencyId: world.agencies.urban });
    const after = await deadlines(id);
    expect(after[1]!.metAt).toEqual(new Date('2026-10-09T02:00:00Z'));
    // 15 working days from Friday 9 October: 10 (Sat, make-up), 12–16, 19–23, 26–29 October → Thursday 29 October.
    expect(after[2]).toMatchObject({ kind: 'HANDLE', dueAt: new Date('2026-10-29T15:59:59.999Z') });
  });

  it('skips residents who blocked the bot; notifications are written once per event and person', async () => {
    const id = await world.createOpinion({ resident: p.blockedResident });
    const result = await act(id, officer(), { type: 'acknowledge' });
    expect(result.notified).toBe(0);
    expect(await outbox(world, id)).toEqual([]);
  });
});
