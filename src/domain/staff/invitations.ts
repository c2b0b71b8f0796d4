// Staff invitations: the only way to gain a role. An admin binds a one-time code to a
// role and a scope; accepting it (deep link /start inv_<code> or /join <code>) creates
// the person if needed (accepting is the staff member's consent) and the role.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { StaffRoleKind, type Person, type StaffInvitation, type StaffRole } from '../../generated/prisma/client.js';
import type { DomainDeps, Tx } from '../deps.js';
import { DomainError } from '../errors.js';
import { enqueueNotifications } from '../../delivery/message.js';
import type { Named } from './directory.js';
import { adminAuthority, scopeRegionId } from './scope.js';

/** What each role is bound to. */
export const SCOPE_OF_ROLE = {
  LIAISON_OFFICER: 'station',
  REPRESENTATIVE: 'station',
  AGENCY_HANDLER: 'agency',
  STREET_ADMIN: 'region',
  DISTRICT_ADMIN: 'region',
} as const satisfies Record<StaffRoleKind, 'station' | 'agency' | 'region'>;

// No 0/o, 1/l/i: codes are read out and typed by hand.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 10;
export const INVITATION_START_PREFIX = 'inv_';

export function newInvitationCode(): string {
  return newInvitationCodes(1)[0]!;
}

/** Random bytes below the largest multiple of the alphabet's size: every letter equally likely. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % CODE_ALPHABET.length);

/** Many codes at once (an import invites thousands): one draw of random bytes instead of one per letter. */
export function newInvitationCodes(count: number): string[] {
  const letters = Buffer.alloc(count * CODE_LENGTH);
  let filled = 0;
  while (filled < letters.length) {
    for (const byte of randomBytes(letters.length - filled + 16)) {
      if (byte < UNBIASED_BYTE_LIMIT && filled < letters.length) letters[filled++] = CODE_ALPHABET.charCodeAt(byte % CODE_ALPHABET.length);
    }
  }
  const text = letters.toString('latin1');
  return Array.from({ length: count }, (_, index) => text.slice(index * CODE_LENGTH, (index + 1) * CODE_LENGTH));
}

/** Codes are compared case-insensitively and without the surrounding spaces or the deep-link prefix. */
export function normalizeInvitationCode(raw: string): string {
  const code = raw.trim().toLowerCase();
  return code.startsWith(INVITATION_START_PREFIX) ? code.slice(INVITATION_START_PREFIX.length) : code;
}

export function invitationDeepLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${INVITATION_START_PREFIX}${code}`;
}

const createInvitationInput = z.object({
  creatorId: z.number().int().positive(),
  kind: z.enum(StaffRoleKind),
  /** The station, agency or region id, as SCOPE_OF_ROLE says for the kind. */
  scopeId: z.number().int().positive(),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

/** The invitation with the station, agency or region it binds to. */
export async function createInvitation(deps: DomainDeps, input: CreateInvitationInput) {
  const parsed = createInvitationInput.safeParse(input);
  if (!parsed.success) throw new DomainError('validation', 'error-validation');
  const { creatorId, kind, scopeId } = parsed.data;
  return deps.prisma.$transaction(async (tx) => {
    const { mayManage } = await adminAuthority(tx, creatorId);
    const scope = await resolveScope(tx, kind, scopeId);
    if (!mayManage({ kind, regionId: scope.regionId })) throw new DomainError('forbidden', 'error-forbidden');
    return tx.staffInvitation.create({
      data: { ...scope.columns, code: newInvitationCode(), kind, createdById: creatorId, expiresAt: expiry(deps) },
      include: { station: true, agency: true, region: true },
    });
  });
}

export interface OpenInvitation {
  id: number;
  kind: StaffRoleKind;
  /** The station, agency or region the role will be bound to. */
  scope: Named | null;
  expiresAt: Date;
}

/** Invitations not yet used, revoked or expired, within the admin's scope, newest first. */
export async function listOpenInvitations(deps: DomainDeps, input: { adminId: number }): Promise<OpenInvitation[]> {
  const { mayManageRow } = await adminAuthority(deps.prisma, input.adminId);
  const invitations = await deps.prisma.staffInvitation.findMany({
    where: { usedAt: null, revokedAt: null, expiresAt: { gt: deps.clock.now() } },
    include: { station: true, agency: true, region: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return invitations
    .filter(mayManageRow)
    .map((invitation) => ({ id: invitation.id, kind: invitation.kind, scope: invitation.station ?? invitation.agency ?? invitation.region, expiresAt: invitation.expiresAt }));
}

/** A link sent to the wrong person is made useless: the code is refused from now on. */
export async function revokeInvitation(deps: DomainDeps, input: { adminId: number; invitationId: number }): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { mayManageRow } = await adminAuthority(tx, input.adminId);
    const invitation = await tx.staffInvitation.findUnique({ where: { id: input.invitationId }, include: { station: true, agency: true } });
    if (!invitation) throw new DomainError('not-found', 'error-not-found');
    if (!mayManageRow(invitation)) throw new DomainError('forbidden', 'error-forbidden');
    const now = deps.clock.now();
    // Guarded like acceptance: of a revocation and an acceptance at once, one wins.
    const revoked = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
    if (revoked.count !== 1) throw new DomainError('invalid-transition', 'invitation-not-open');
  });
}

/** The CLI's bootstrap: a first district admin, when nobody can invite yet. */
export async function createBootstrapInvitation(deps: DomainDeps, input: { regionCode?: string | undefined }): Promise<StaffInvitation> {
  const districts = await deps.prisma.region.findMany({ where: { kind: 'DISTRICT', ...(input.regionCode ? { code: input.regionCode } : {}) } });
  if (districts.length !== 1) {
    throw new DomainError('validation', input.regionCode ? 'invitation-bootstrap-unknown-region' : 'invitation-bootstrap-choose-region', {
      code: input.regionCode ?? '',
      count: districts.length,
    });
  }
  return deps.prisma.staffInvitation.create({
    data: { code: newInvitationCode(), kind: 'DISTRICT_ADMIN', regionId: districts[0]!.id, expiresAt: expiry(deps) },
  });
}

export interface AcceptInvitationInput {
  code: string;
  telegramId: number;
  chatId: number;
  displayName?: string | undefined;
  locale: string;
}

export interface AcceptedInvitation {
  person: Person;
  role: StaffRole;
  /** The station, agency or region the role is bound to. */
  scope: Named | null;
}

export async function acceptInvitation(deps: DomainDeps, input: AcceptInvitationInput): Promise<AcceptedInvitation> {
  const code = normalizeInvitationCode(input.code);
  const now = deps.clock.now();
  const accepted = await deps.prisma.$transaction(async (tx) => {
    const invitation = await tx.staffInvitation.findUnique({ where: { code }, include: { station: true, agency: true, region: true } });
    if (!invitation) throw new DomainError('not-found', 'invitation-unknown');
    if (invitation.revokedAt) throw new DomainError('invalid-transition', 'invitation-revoked');
    if (invitation.usedAt) throw new DomainError('invalid-transition', 'invitation-used');
    if (invitation.expiresAt <= now) throw new DomainError('invalid-transition', 'invitation-expired');

    const telegramId = BigInt(input.telegramId);
    const existing = await tx.person.findUnique({ where: { telegramId } });
    if (invitation.personId !== null) return bindImportedPerson(tx, { ...input, now }, invitation, existing);
    const person = existing
      ? await tx.person.update({ where: { id: existing.id }, data: { chatId: BigInt(input.chatId), consentedAt: existing.consentedAt ?? now, blockedAt: null } })
      : await tx.person.create({
          data: { telegramId, chatId: BigInt(input.chatId), displayName: input.displayName ?? null, locale: input.locale, consentedAt: now },
        });
    const scope = { stationId: invitation.stationId, agencyId: invitation.agencyId, regionId: invitation.regionId };
    const held = await tx.staffRole.findFirst({ where: { personId: person.id, kind: invitation.kind, revokedAt: null, ...scope } });
    if (held) throw new DomainError('validation', 'invitation-already-held');

    // Claimed with a guard: of two people using one code at once, one gets it.
    const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null, revokedAt: null }, data: { usedAt: now, usedById: person.id } });
    if (claimed.count !== 1) throw new DomainError('invalid-transition', 'invitation-used');
    const role = await tx.staffRole.create({ data: { personId: person.id, kind: invitation.kind, ...scope, grantedById: invitation.createdById, createdAt: now } });
    const named = invitation.station ?? invitation.agency ?? invitation.region;
    // The admin who invited hears that the invitation was taken up, and by whom.
    const creator = invitation.createdById === null ? null : await tx.person.findUnique({ where: { id: invitation.createdById } });
    if (creator?.chatId && !creator.blockedAt && !creator.erasedAt && creator.id !== person.id) {
      await enqueueNotifications(tx, [{
        dedupeKey: `invitation:${invitation.id}:accepted`,
        personId: creator.id,
        chatId: creator.chatId,
        message: {
          key: 'invitation-accepted-notice',
          vars: { name: person.displayName ?? input.displayName ?? '—', role: invitation.kind, scopeZh: named?.nameZh ?? '—', scopeEn: named?.nameEn ?? '—', code: invitation.code },
        },
      }]);
    }
    return { person, role, scope: named };
  });
  deps.outbox.notify();
  return accepted;
}

/**
 * An invitation from the network import: the person, their roles and reception days exist
 * already. The Telegram account becomes that person's; if the account is someone already
 * known to the bot (a resident who becomes an officer), the imported roles and reception
 * days move to them instead.
 */
async function bindImportedPerson(
  tx: Tx,
  input: AcceptInvitationInput & { now: Date },
  invitation: StaffInvitation & { station: Named | null; agency: Named | null; region: Named | null },
  existing: Person | null,
): Promise<AcceptedInvitation> {
  const importedId = invitation.personId!;
  const claimed = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null, revokedAt: null }, data: { usedAt: input.now } });
  if (claimed.count !== 1) throw new DomainError('invalid-transition', 'invitation-used');
  let person: Person;
  if (existing && existing.id !== importedId) {
    const imported = await tx.person.findUniqueOrThrow({ where: { id: importedId } });
    await tx.staffRole.updateMany({ where: { personId: importedId }, data: { personId: existing.id } });
    await tx.receptionDay.updateMany({ where: { representativeId: importedId }, data: { representativeId: existing.id } });
    await tx.staffInvitation.updateMany({ where: { personId: importedId }, data: { personId: existing.id } });
    person = await tx.person.update({
      where: { id: existing.id },
      data: {
        chatId: BigInt(input.chatId), consentedAt: existing.consentedAt ?? input.now, blockedAt: null,
        displayName: imported.displayName ?? existing.displayName, phone: existing.phone ?? imported.phone,
        representativeLevel: imported.representativeLevel ?? existing.representativeLevel,
      },
    });
  } else {
    const current = await tx.person.findUniqueOrThrow({ where: { id: importedId } });
    person = await tx.person.update({
      where: { id: importedId },
      data: { telegramId: BigInt(input.telegramId), chatId: BigInt(input.chatId), consentedAt: current.consentedAt ?? input.now, blockedAt: null, locale: input.locale, displayName: current.displayName ?? input.displayName ?? null },
    });
  }
  await tx.staffInvitation.update({ where: { id: invitation.id }, data: { usedById: person.id } });
  const scope = { stationId: invitation.stationId, agencyId: invitation.agencyId, regionId: invitation.regionId };
  const role =
    (await tx.staffRole.findFirst({ where: { personId: person.id, kind: invitation.kind, revokedAt: null, ...scope } })) ??
    (await tx.staffRole.findFirst({ where: { personId: person.id, revokedAt: null }, orderBy: { id: 'asc' } }));
  if (!role) throw new DomainError('invalid-transition', 'invitation-revoked');
  return { person, role, scope: invitation.station ?? invitation.agency ?? invitation.region };
}

function expiry(deps: DomainDeps): Date {
  return new Date(deps.clock.now().getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000);
}

interface ResolvedScope {
  columns: { stationId?: number; agencyId?: number; regionId?: number };
  regionId: number | null;
}

async function resolveScope(tx: Tx, kind: StaffRoleKind, scopeId: number): Promise<ResolvedScope> {
  switch (SCOPE_OF_ROLE[kind]) {
    case 'station': {
      const station = await tx.station.findFirst({ where: { id: scopeId, active: true } });
      if (!station) throw new DomainError('not-found', 'error-not-found');
      return { columns: { stationId: station.id }, regionId: scopeRegionId({ station, regionId: null }) };
    }
    case 'agency': {
      const agency = await tx.agency.findFirst({ where: { id: scopeId, active: true } });
      if (!agency) throw new DomainError('not-found', 'error-not-found');
      return { columns: { agencyId: agency.id }, regionId: agency.regionId };
    }
    case 'region': {
      const region = await tx.region.findUnique({ where: { id: scopeId } });
      if (!region) throw new DomainError('not-found', 'error-not-found');
      const fits = kind === 'DISTRICT_ADMIN' ? region.kind === 'DISTRICT' : region.kind === 'STREET' || region.kind === 'TOWN';
      if (!fits) throw new DomainError('validation', 'error-validation');
      return { columns: { regionId: region.id }, regionId: region.id };
    }
  }
}
