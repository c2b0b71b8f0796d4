// The retention period the privacy notice promises (DATA_RETENTION_MONTHS): a resident's
// personal details are erased, as by /forget, once that long has passed since they
// consented, since their last change to their own record and since their last case
// closed, with no case of theirs still open. The anonymised opinions stay for statistics.
// Staff are kept while they hold a role: an admin revokes them first.
import type { DomainDeps } from '../deps.js';
import { isDomainError } from '../errors.js';
import { erasePersonalData } from './personal-data.js';

/** The same moment `months` calendar months earlier (UTC; a day either way does not matter here). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** Residents whose retention period has run out, oldest first, at most `limit`. */
export async function residentsPastRetention(deps: Pick<DomainDeps, 'prisma'>, cutoff: Date, limit: number): Promise<number[]> {
  const people = await deps.prisma.person.findMany({
    where: {
      erasedAt: null,
      consentedAt: { lt: cutoff },
      updatedAt: { lt: cutoff },
      roles: { none: { revokedAt: null } },
      opinions: { none: { OR: [{ closedAt: null }, { closedAt: { gte: cutoff } }] } },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return people.map((person) => person.id);
}

/** Erases every resident past the retention period, in batches; returns how many. */
export async function erasePersonalDataPastRetention(
  deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'>,
  { batchSize = 200 }: { batchSize?: number } = {},
): Promise<number> {
  const cutoff = retentionCutoff(deps.clock.now(), deps.config.DATA_RETENTION_MONTHS);
  let erased = 0;
  for (;;) {
    const ids = await residentsPastRetention(deps, cutoff, batchSize);
    const before = erased;
    for (const id of ids) {
      try {
        await erasePersonalData(deps, id);
        erased += 1;
      } catch (error) {
        // Erased or given a role meanwhile: the next query leaves them out.
        if (!isDomainError(error)) throw error;
      }
    }
    if (ids.length < batchSize || erased === before) return erased;
  }
}
