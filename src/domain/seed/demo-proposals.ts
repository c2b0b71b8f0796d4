// The demo's representatives' proposals: one in each stage, made through the domain
// functions (so each has the history the workflow writes), after seedDemoDistrict.
// Idempotent: nothing is added once the demo representative has proposals. The outbox
// rows they wrote are dropped: the demo starts with a history, not a burst of messages.
import type { DomainDeps } from '../deps.js';
import { applyOpinionAction } from '../opinions/apply-action.js';
import { recordOpinion } from '../receptions/receptions.js';
import { applyProposalAction } from '../proposals/apply-action.js';
import type { ProposalAction } from '../proposals/lifecycle.js';
import { submitProposal } from '../proposals/submit-proposal.js';

const REPRESENTATIVE_TELEGRAM_ID = 60001n;

const drafts: { title: string; text: string; steps: ('assign' | 'answerA' | 'answerB' | 'evaluate' | 'key' | 'close')[] }[] = [
  { title: '中山路街道老旧小区加装电梯', text: '建议统筹推进中山路街道老旧小区加装电梯，简化审批并给予补贴。', steps: [] },
  { title: '兴龙湖片区增设公交线路', text: '兴龙湖片区居民通勤不便，建议增设至高铁站的公交线路。', steps: ['assign'] },
  { title: '玉屏路沿线排水管网改造', text: '玉屏路雨季积水严重，建议对沿线排水管网进行改造。', steps: ['assign', 'answerB'] },
  { title: '社区养老服务站建设', text: '建议在玉屏社区建设养老服务站，提供助餐助浴服务。', steps: ['assign', 'answerA', 'evaluate', 'key'] },
  { title: '背街小巷路灯补亮', text: '建议对中山路街道背街小巷的路灯进行补亮。', steps: ['assign', 'answerA', 'evaluate', 'close'] },
];

export async function seedDemoProposals(deps: DomainDeps): Promise<number> {
  const { prisma } = deps;
  const person = (telegramId: bigint) => prisma.person.findUniqueOrThrow({ where: { telegramId } });
  const representative = await person(REPRESENTATIVE_TELEGRAM_ID);
  if ((await prisma.proposal.count({ where: { representativeId: representative.id } })) > 0) return 0;
  const [officer, admin, handler] = await Promise.all([person(20001n), person(50001n), person(30001n)]);
  const urban = await prisma.agency.findUniqueOrThrow({ where: { code: 'URBAN-MGMT' } });
  const housing = await prisma.agency.findUniqueOrThrow({ where: { code: 'HOUSING' } });
  const category = await prisma.category.findUniqueOrThrow({ where: { code: 'urban-management' } });
  const station = await prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
  const as = (personId: number) => ({ kind: 'person' as const, personId });

  // AWAITING_CONFIRMATION: an opinion the representative heard on a visit, escalated by the officer.
  const visit = await recordOpinion(deps, {
    personId: representative.id, where: { visitStationId: station.id }, categoryId: category.id, locale: 'zh-CN',
    text: '多位居民反映玉屏社区周边停车位严重不足，晚上车辆占用消防通道。',
  });
  const escalated = await applyOpinionAction(deps, { opinionId: visit.opinion.id, actor: as(officer.id), action: { type: 'escalate', to: 'PROPOSAL' } });
  const ids = [escalated.opinion.proposalId!];

  for (const draft of drafts) {
    const proposal = await submitProposal(deps, { representativeId: representative.id, title: draft.title, text: draft.text });
    ids.push(proposal.id);
    const steps: Record<(typeof draft.steps)[number], [number, ProposalAction]> = {
      assign: [admin.id, { type: 'assign', leadAgencyId: urban.id, coAgencyIds: [housing.id] }],
      answerA: [handler.id, { type: 'answer', answerClass: 'A', text: '已列入年度计划，年内完成。' }],
      answerB: [handler.id, { type: 'answer', answerClass: 'B', text: '已列入三年规划，分步实施。' }],
      evaluate: [representative.id, { type: 'evaluateFirst', rating: 'SATISFIED' }],
      key: [admin.id, { type: 'markKey', supervisorId: admin.id }],
      close: [representative.id, { type: 'evaluateSecond', rating: 'BASICALLY_SATISFIED' }],
    };
    for (const step of draft.steps) {
      const [actorId, action] = steps[step];
      if (step === 'close') await applyProposalAction(deps, { proposalId: proposal.id, actor: as(handler.id), action: { type: 'markImplemented' } });
      await applyProposalAction(deps, { proposalId: proposal.id, actor: as(actorId), action });
    }
  }
  await prisma.notification.deleteMany({ where: { OR: [{ proposalId: { in: ids } }, { opinionId: visit.opinion.id }] } });
  return ids.length;
}
