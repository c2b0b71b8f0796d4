// applyProposalAction, row by row of src/domain/proposals/lifecycle.ts, on both backends:
// submission and escalation, assignment with the legal deadline, answers by class, the
// first evaluation and its round-2 re-handling, key marking, implementation, the yearly
// second evaluation; a district admin's rights end at their district; refusals write nothing.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { applyOpinionAction } from '../../../src/domain/opinions/apply-action.js';
import type { Actor } from '../../../src/domain/opinions/lifecycle.js';
import { applyProposalAction } from '../../../src/domain/proposals/apply-action.js';
import type { ProposalAction } from '../../../src/domain/proposals/lifecycle.js';
import { agenciesForProposal, getProposalView, listProposalsFor, listSupervisors, proposalOfResidentOpinion } from '../../../src/domain/proposals/queries.js';
import { askForSecondEvaluations } from '../../../src/domain/proposals/second-evaluation.js';
import { submitProposal } from '../../../src/domain/proposals/submit-proposal.js';
import { backends } from '../../helpers/database.js';
import { START, useWorld, person, type World } from './fixtures.js';

describe.each(backends)('applyProposalAction on %s', (kind) => {
  let world: World;
  let p: World['people'];
  useWorld(kind, (ready) => {
    world = ready;
    p = ready.people;
  }, { resetClock: true });

  const act = (proposalId: number, actor: Actor, action: ProposalAction, expectedVersion?: number) =>
    applyProposalAction(world.deps, { proposalId, actor, action, ...(expectedVersion === undefined ? {} : { expectedVersion }) });
  const representative = () => person(p.representative);
  const admin = () => person(p.districtAdmin);
  const lead = () => person(p.agencyHandler);
  const coHandler = () => person(p.otherAgencyHandler);
  const events = async (proposalId: number) =>
    (await world.db.prisma.proposalEvent.findMany({ where: { proposalId }, orderBy: { id: 'asc' } })).map((e) => `${e.type}:${e.fromStage ?? '-'}>${e.toStage}:r${e.round}`);
  const keys = async (proposalId: number) =>
    (await world.db.prisma.notification.findMany({ where: { proposalId }, orderBy: { id: 'asc' } })).map((row) => `${row.personId}:${(row.payload as { key: string }).key}`);

  async function expectRefused(promise: Promise<unknown>, code: DomainError['code'], key?: string) {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    if (key) expect((error as DomainError).key).toBe(key);
  }

  async function submitted(opinionIds: number[] = []) {
    return submitProposal(world.deps, { representativeId: p.representative, title: '玉屏路路灯改造', text: '建议对玉屏路沿线路灯进行整体改造。', opinionIds });
  }
  async function assigned() {
    const proposal = await submitted();
    await act(proposal.id, admin(), { type: 'assign', leadAgencyId: world.agencies.urban, coAgencyIds: [world.agencies.transport] });
    return proposal.id;
  }
  async function answered(answerClass: 'A' | 'B' | 'C' = 'A') {
    const id = await assigned();
    await act(id, lead(), { type: 'answer', answerClass, text: '今年内完成改造。' });
    return id;
  }

  it('submit: SUBMITTED with a number, the opinions linked, the district admins told; the resident follows it in /my', async () => {
    const opinionId = await world.createOpinion();
    const proposal = await submitted([opinionId]);
    expect(proposal).toMatchObject({ stage: 'SUBMITTED', representativeId: p.representative, submittedAt: START });
    expect(proposal.number).toMatch(/^JY-2026-\d{4}$/);
    expect(await events(proposal.id)).toEqual(['SUBMITTED:->SUBMITTED:r1']);
    expect(await keys(proposal.id)).toEqual([`${p.districtAdmin}:notify-proposal-submitted`]);
    expect(await proposalOfResidentOpinion(world.deps, { residentId: p.resident, opinionId })).toEqual({ number: proposal.number, stage: 'SUBMITTED' });
    expect(await proposalOfResidentOpinion(world.deps, { residentId: p.neighbour, opinionId })).toBeNull();
    // The same opinion cannot feed two proposals; an officer cannot submit.
    await expectRefused(submitted([opinionId]), 'validation', 'error-proposal-opinion-taken');
    await expectRefused(submitProposal(world.deps, { representativeId: p.officer, title: 't', text: 'x' }), 'forbidden');
  });

  it('escalation: the officer’s ESCALATE drafts a proposal AWAITING_CONFIRMATION for the station’s representative, who confirms it', async () => {
    const opinionId = await world.createOpinion();
    const result = await applyOpinionAction(world.deps, { opinionId, actor: person(p.officer), action: { type: 'escalate', to: 'PROPOSAL', note: '多位居民反映' } });
    const proposalId = result.opinion.proposalId!;
    expect(proposalId).toBeTruthy();
    const draft = await world.db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(draft).toMatchObject({ stage: 'AWAITING_CONFIRMATION', representativeId: p.representative, escalatedById: p.officer, submittedAt: null });
    expect(await keys(proposalId)).toEqual([`${p.representative}:notify-proposal-confirm`]);
    await expectRefused(act(proposalId, admin(), { type: 'assign', leadAgencyId: world.agencies.urban }), 'invalid-transition');
    await expectRefused(act(proposalId, person(p.officer), { type: 'confirm' }), 'forbidden');
    const confirmed = await act(proposalId, representative(), { type: 'confirm', title: '路灯维修' }, draft.version);
    expect(confirmed.proposal).toMatchObject({ stage: 'SUBMITTED', title: '路灯维修', submittedAt: START, version: draft.version + 1 });
    expect(await events(proposalId)).toEqual(['DRAFTED:->AWAITING_CONFIRMATION:r1', 'CONFIRMED:AWAITING_CONFIRMATION>SUBMITTED:r1']);
    expect(await keys(proposalId)).toContain(`${p.officer}:notify-proposal-confirmed`);
  });

  it('escalation declined by the representative: CLOSED as withdrawn, the officer told', async () => {
    const opinionId = await world.createOpinion();
    const { opinion } = await applyOpinionAction(world.deps, { opinionId, actor: person(p.officer), action: { type: 'escalate', to: 'PROPOSAL' } });
    const declined = await act(opinion.proposalId!, representative(), { type: 'decline', reason: '已有同类建议' });
    expect(declined.proposal).toMatchObject({ stage: 'CLOSED', closedAt: START });
    expect(declined.events[0]).toMatchObject({ type: 'WITHDRAWN', note: '已有同类建议', data: { declined: true } });
    expect(await keys(opinion.proposalId!)).toContain(`${p.officer}:notify-proposal-declined`);
  });

  it('assign: lead and co agencies, the answer due three months later (end of the day, district time); only a district admin', async () => {
    const proposal = await submitted();
    await expectRefused(act(proposal.id, person(p.streetAdmin), { type: 'assign', leadAgencyId: world.agencies.urban }), 'forbidden');
    await expectRefused(act(proposal.id, admin(), { type: 'assign', leadAgencyId: world.agencies.closed }), 'validation', 'error-workflow-agency-unknown');
    const result = await act(proposal.id, admin(), { type: 'assign', leadAgencyId: world.agencies.urban, coAgencyIds: [world.agencies.transport] });
    expect(result.proposal).toMatchObject({ stage: 'ASSIGNED', assignedAt: START });
    expect(result.proposal.answerDueAt!.toISOString()).toBe('2027-02-23T15:59:59.999Z');
    const agencies = await world.db.prisma.proposalAgency.findMany({ where: { proposalId: proposal.id }, orderBy: { role: 'asc' } });
    expect(agencies.map((a) => [a.agencyId, a.role])).toEqual([[world.agencies.urban, 'LEAD'], [world.agencies.transport, 'CO']]);
    expect(await keys(proposal.id)).toEqual(
      expect.arrayContaining([`${p.representative}:notify-proposal-assigned`, `${p.agencyHandler}:notify-proposal-agency-assigned`, `${p.otherAgencyHandler}:notify-proposal-agency-assigned`]),
    );
  });

  it('the deadline is configurable: PROPOSAL_ANSWER_MONTHS=2 gives two months', async () => {
    const proposal = await submitted();
    const deps = { ...world.deps, config: { ...world.deps.config, PROPOSAL_ANSWER_MONTHS: 2 } };
    const result = await applyProposalAction(deps, { proposalId: proposal.id, actor: admin(), action: { type: 'assign', leadAgencyId: world.agencies.urban } });
    expect(result.proposal.answerDueAt!.toISOString()).toBe('2027-01-23T15:59:59.999Z');
  });

  it('answer: only the lead agency, with a class and a text (C needs its reason)', async () => {
    const id = await assigned();
    await expectRefused(act(id, coHandler(), { type: 'answer', answerClass: 'A', text: '好' }), 'forbidden');
    await expectRefused(act(id, lead(), { type: 'answer', answerClass: 'C', text: '  ' }), 'validation', 'error-workflow-text-required');
    world.clock.advance(86_400_000);
    const result = await act(id, lead(), { type: 'answer', answerClass: 'C', text: '资金不足，暂缓实施。' });
    expect(result.proposal).toMatchObject({ stage: 'ANSWERED', answerClass: 'C', answerText: '资金不足，暂缓实施。', answeredAt: world.clock.now() });
    expect(result.events[0]).toMatchObject({ type: 'ANSWERED', actorRole: 'AGENCY_HANDLER', data: { answerClass: 'C' } });
    expect(await keys(id)).toContain(`${p.representative}:notify-proposal-answered`);
  });

  it('first evaluation 不满意 in round 1: back to ASSIGNED in round 2 with a new deadline; round 2 ends in IMPLEMENTING whatever the rating', async () => {
    const id = await answered('B');
    await expectRefused(act(id, admin(), { type: 'evaluateFirst', rating: 'SATISFIED' }), 'forbidden');
    world.clock.advance(2 * 86_400_000);
    const reopened = await act(id, representative(), { type: 'evaluateFirst', rating: 'DISSATISFIED', comment: '没有具体时间表' });
    expect(reopened.proposal).toMatchObject({ stage: 'ASSIGNED', round: 2, answeredAt: null, answerClass: null });
    expect(reopened.proposal.answerDueAt!.toISOString()).toBe('2026-12-25T15:59:59.999Z');
    expect(await events(id)).toEqual(['SUBMITTED:->SUBMITTED:r1', 'ASSIGNED:SUBMITTED>ASSIGNED:r1', 'ANSWERED:ASSIGNED>ANSWERED:r1', 'EVALUATED:ANSWERED>ANSWERED:r1', 'REOPENED:ANSWERED>ASSIGNED:r2']);
    expect(await keys(id)).toEqual(expect.arrayContaining([`${p.agencyHandler}:notify-proposal-reopened`, `${p.otherAgencyHandler}:notify-proposal-reopened`]));
    await act(id, lead(), { type: 'answer', answerClass: 'B', text: '已列入明年计划。' });
    const second = await act(id, representative(), { type: 'evaluateFirst', rating: 'DISSATISFIED' });
    expect(second.proposal).toMatchObject({ stage: 'IMPLEMENTING', round: 2 });
    const evaluations = await world.db.prisma.proposalEvaluation.findMany({ where: { proposalId: id }, orderBy: { id: 'asc' } });
    expect(evaluations.map((e) => [e.kind, e.round, e.rating])).toEqual([['FIRST', 1, 'DISSATISFIED'], ['FIRST', 2, 'DISSATISFIED']]);
  });

  it('implementation: progress by lead or co agency for A and B, implemented only for A by the lead; second evaluation closes', async () => {
    const id = await answered('A');
    await act(id, representative(), { type: 'evaluateFirst', rating: 'SATISFIED' });
    await act(id, coHandler(), { type: 'progress', note: '已完成招标。' });
    await expectRefused(act(id, coHandler(), { type: 'markImplemented' }), 'forbidden');
    world.clock.advance(86_400_000);
    const implemented = await act(id, lead(), { type: 'markImplemented', note: '改造完成' });
    expect(implemented.proposal.implementedAt).toEqual(world.clock.now());
    await expectRefused(act(id, lead(), { type: 'markImplemented' }), 'invalid-transition', 'error-proposal-invalid-transition');
    const closed = await act(id, representative(), { type: 'evaluateSecond', rating: 'BASICALLY_SATISFIED' });
    expect(closed.proposal).toMatchObject({ stage: 'CLOSED', closedAt: world.clock.now() });
    expect(await events(id)).toEqual([
      'SUBMITTED:->SUBMITTED:r1', 'ASSIGNED:SUBMITTED>ASSIGNED:r1', 'ANSWERED:ASSIGNED>ANSWERED:r1', 'EVALUATED:ANSWERED>IMPLEMENTING:r1',
      'PROGRESS:IMPLEMENTING>IMPLEMENTING:r1', 'IMPLEMENTED:IMPLEMENTING>IMPLEMENTING:r1', 'EVALUATED:IMPLEMENTING>IMPLEMENTING:r1', 'CLOSED:IMPLEMENTING>CLOSED:r1',
    ]);
    const c = await answered('C');
    await act(c, representative(), { type: 'evaluateFirst', rating: 'BASICALLY_SATISFIED' });
    await expectRefused(act(c, lead(), { type: 'progress', note: '无' }), 'invalid-transition');
  });

  it('key marking: a district admin names a supervising leader, once; the leader is told', async () => {
    const id = await assigned();
    await expectRefused(act(id, representative(), { type: 'markKey', supervisorId: p.districtAdmin }), 'forbidden');
    await expectRefused(act(id, admin(), { type: 'markKey', supervisorId: p.officer }), 'validation', 'error-proposal-supervisor-unknown');
    const marked = await act(id, admin(), { type: 'markKey', supervisorId: p.districtAdmin });
    expect(marked.proposal).toMatchObject({ isKey: true, supervisorId: p.districtAdmin, stage: 'ASSIGNED' });
    await expectRefused(act(id, admin(), { type: 'markKey', supervisorId: p.districtAdmin }), 'invalid-transition');
  });

  it('district scope: only the admins of the proposal’s district are told of it, list it, see it, assign it, mark it key and supervise it', async () => {
    const prisma = world.db.prisma;
    const otherDistrict = (await prisma.station.findUniqueOrThrow({ where: { id: world.stations.elsewhere } })).regionId;
    const staff = async (telegramId: number, role: { kind: 'DISTRICT_ADMIN'; regionId: number } | { kind: 'REPRESENTATIVE'; stationId: number }) =>
      (await prisma.person.create({ data: { telegramId: BigInt(telegramId), chatId: BigInt(telegramId), displayName: `S${telegramId}`, roles: { create: role } } })).id;
    const otherAdmin = await staff(70101, { kind: 'DISTRICT_ADMIN', regionId: otherDistrict });
    const otherRepresentative = await staff(70102, { kind: 'REPRESENTATIVE', stationId: world.stations.elsewhere });

    const ours = await submitted();
    const theirs = await submitProposal(world.deps, { representativeId: otherRepresentative, title: '他区建议', text: '他区代表提出的建议。' });
    // Of the representative's first station (张建国: the Zhongshanlu Home, then Yuping).
    const home = await prisma.station.findUniqueOrThrow({ where: { code: 'ZSL-HOME' } });
    expect([ours.stationId, theirs.stationId]).toEqual([home.id, world.stations.elsewhere]);
    expect(await keys(ours.id)).toEqual([`${p.districtAdmin}:notify-proposal-submitted`]);
    expect(await keys(theirs.id)).toEqual([`${otherAdmin}:notify-proposal-submitted`]);

    // Neither admin reviews, assigns or marks the other district's proposal, nor sees it.
    await expectRefused(act(theirs.id, admin(), { type: 'assign', leadAgencyId: world.agencies.urban }), 'forbidden');
    await expectRefused(act(theirs.id, admin(), { type: 'markKey', supervisorId: p.districtAdmin }), 'forbidden');
    await expectRefused(act(ours.id, person(otherAdmin), { type: 'assign', leadAgencyId: world.agencies.urban }), 'forbidden');
    await expectRefused(getProposalView(world.deps, { proposalId: theirs.id, actor: admin() }), 'not-found');
    expect((await getProposalView(world.deps, { proposalId: theirs.id, actor: person(otherAdmin) })).actions).toEqual(['assign', 'markKey']);
    expect((await listProposalsFor(world.deps, { personId: otherAdmin })).items.map((item) => item.id)).toEqual([theirs.id]);
    const ourList = (await listProposalsFor(world.deps, { personId: p.districtAdmin })).items.map((item) => item.id);
    expect(ourList).toContain(ours.id);
    expect(ourList).not.toContain(theirs.id);

    // The supervising leader of a key proposal is one of its district's admins.
    expect(await listSupervisors(world.deps, { proposalId: theirs.id })).toEqual([{ id: otherAdmin, name: 'S70101' }]);
    // It goes to an agency of its own district.
    const theirAgency = (await prisma.agency.create({ data: { code: 'T-OTHER-AG', nameZh: '他区城管局', nameEn: 'Other district bureau', regionId: otherDistrict } })).id;
    expect((await agenciesForProposal(world.deps, { proposalId: theirs.id })).map((agency) => agency.id)).toEqual([theirAgency]);
    await expectRefused(act(theirs.id, person(otherAdmin), { type: 'assign', leadAgencyId: theirAgency, coAgencyIds: [world.agencies.urban] }), 'validation', 'error-workflow-agency-unknown');
    await act(theirs.id, person(otherAdmin), { type: 'assign', leadAgencyId: theirAgency });
    await expectRefused(act(theirs.id, person(otherAdmin), { type: 'markKey', supervisorId: p.districtAdmin }), 'validation', 'error-proposal-supervisor-unknown');
    expect((await act(theirs.id, person(otherAdmin), { type: 'markKey', supervisorId: otherAdmin })).proposal).toMatchObject({ isKey: true, supervisorId: otherAdmin });

    // A representative cites only opinions of their own district.
    const opinionHere = await world.createOpinion();
    await expectRefused(
      submitProposal(world.deps, { representativeId: otherRepresentative, title: '他区建议', text: '引用本区意见。', opinionIds: [opinionHere] }),
      'validation',
      'error-proposal-opinion-other-district',
    );
  });

  it('a stale version loses; the yearly job asks each representative once a year; views show what the reader may do', async () => {
    const id = await answered('A');
    const { proposal } = await act(id, representative(), { type: 'evaluateFirst', rating: 'SATISFIED' });
    await expectRefused(act(id, lead(), { type: 'progress', note: '进展' }, proposal.version - 1), 'conflict', 'error-proposal-conflict');
    expect(await askForSecondEvaluations(world.deps, 2026)).toBeGreaterThanOrEqual(1);
    expect(await askForSecondEvaluations(world.deps, 2026)).toBe(0);
    expect(await keys(id)).toContain(`${p.representative}:notify-proposal-second-evaluation`);
    await expectRefused(act(id, person(p.representative), { type: 'askSecondEvaluation', year: 2026 }), 'forbidden');
    const view = await getProposalView(world.deps, { proposalId: id, actor: representative() });
    expect(view.actions).toEqual(['evaluateSecond']);
    expect((await getProposalView(world.deps, { proposalId: id, actor: lead() })).actions).toEqual(['markImplemented', 'progress']);
    await expectRefused(getProposalView(world.deps, { proposalId: id, actor: person(p.resident) }), 'not-found');
    const listed = await listProposalsFor(world.deps, { personId: p.otherAgencyHandler });
    expect(listed.items.map((item) => item.id)).toContain(id);
  });
});
