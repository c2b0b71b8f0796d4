// A resident's record exists only once they consent: before that the bot keeps
// nothing personal (the chosen language lives in the chat's session).
import { z } from 'zod';
import type { Person } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';

const consentSchema = z.object({
  telegramId: z.bigint(),
  chatId: z.bigint(),
  displayName: z.string().trim().max(128).nullable(),
  locale: z.string().min(2).max(10),
});
export type GiveConsentInput = z.infer<typeof consentSchema>;

/** Creates the person (or records consent on a staff member's existing row). */
export async function giveConsent(deps: Pick<DomainDeps, 'prisma' | 'clock'>, rawInput: GiveConsentInput): Promise<Person> {
  const input = consentSchema.parse(rawInput);
  const consentedAt = deps.clock.now();
  return deps.prisma.person.upsert({
    where: { telegramId: input.telegramId },
    create: { ...input, consentedAt },
    // A staff member already has a row: keep their name and language, add the consent.
    update: { chatId: input.chatId, consentedAt },
  });
}

export function hasConsented(person: Pick<Person, 'consentedAt' | 'erasedAt'> | null): boolean {
  return Boolean(person?.consentedAt && !person.erasedAt);
}
