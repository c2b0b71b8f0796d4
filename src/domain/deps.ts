// What domain functions need: data, time, the working-day calendar, the configuration
// and the signal that wakes notification delivery. Nothing of Telegram, HTTP or queues.
import type { AppDeps } from '../deps.js';

export type DomainDeps = Pick<AppDeps, 'prisma' | 'clock' | 'calendar' | 'config' | 'stagePolicies' | 'outbox'>;

/** A Prisma transaction client: the same API as `prisma`, inside `$transaction`. */
export type Tx = Parameters<Parameters<AppDeps['prisma']['$transaction']>[0]>[0];
