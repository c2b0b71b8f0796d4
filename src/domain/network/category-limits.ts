// Stage limits a district keeps per category in its spreadsheet (Category.stageLimits), as
// policies for resolveStageLimit. Read at start-up: an import's new limits apply from the
// next start of each instance.
import { z } from 'zod';
import type { PrismaClient } from '../../db/database.js';
import { STAGES, stageLimitSchema, type StagePolicy } from '../calendar/stage-limits.js';

const categoryLimitsSchema = z.array(z.object({ stage: z.enum(STAGES), limit: stageLimitSchema }));

export async function categoryStagePolicies(prisma: PrismaClient): Promise<StagePolicy[]> {
  const categories = await prisma.category.findMany({ where: { active: true }, select: { code: true, stageLimits: true }, orderBy: { id: 'asc' } });
  return categories.flatMap((category) => {
    const parsed = categoryLimitsSchema.safeParse(category.stageLimits);
    return parsed.success ? parsed.data.map((entry) => ({ stage: entry.stage, categoryCode: category.code, limit: entry.limit })) : [];
  });
}
