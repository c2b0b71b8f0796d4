// A resident's unfinished opinion, one row per resident (see OpinionDraft in the schema).
// The dialogue that fills it is an adapter concern: here the step and the collected data
// are opaque; what matters is that every save checks the version it read, so that two
// instances (or a redelivered update) cannot both advance the same draft.
import type { OpinionDraft, Prisma } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';

export type { OpinionDraft };

/** Opens a draft for the resident, replacing any earlier one (a new id: a new submission key). */
export async function startDraft(deps: Pick<DomainDeps, 'prisma'>, residentId: number, step: string, data: Prisma.InputJsonValue): Promise<OpinionDraft> {
  try {
    // Usually there is none (a draft goes when it is filed or discarded): one statement.
    return await deps.prisma.opinionDraft.create({ data: { residentId, step, data } });
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const [, draft] = await deps.prisma.$transaction([
      deps.prisma.opinionDraft.deleteMany({ where: { residentId } }),
      deps.prisma.opinionDraft.create({ data: { residentId, step, data } }),
    ]);
    return draft;
  }
}

/**
 * Saves the draft's next step and data if nobody saved it since it was read; false when
 * someone did (the caller reads it again and decides afresh).
 */
export async function saveDraft(
  deps: Pick<DomainDeps, 'prisma'>,
  draft: Pick<OpinionDraft, 'id' | 'version'>,
  step: string,
  data: Prisma.InputJsonValue,
): Promise<boolean> {
  const { count } = await deps.prisma.opinionDraft.updateMany({ where: { id: draft.id, version: draft.version }, data: { step, data, version: { increment: 1 } } });
  return count === 1;
}

export function findDraft(deps: Pick<DomainDeps, 'prisma'>, residentId: number): Promise<OpinionDraft | null> {
  return deps.prisma.opinionDraft.findUnique({ where: { residentId } });
}

/** Discards the resident's draft; true when there was one. */
export async function discardDraft(deps: Pick<DomainDeps, 'prisma'>, residentId: number, draftId?: number): Promise<boolean> {
  const { count } = await deps.prisma.opinionDraft.deleteMany({ where: { residentId, ...(draftId ? { id: draftId } : {}) } });
  return count > 0;
}

/** The submission key of a draft: confirming it twice, anywhere, files one opinion. */
export function draftSubmissionKey(draftId: number): string {
  return `draft:${draftId}`;
}
