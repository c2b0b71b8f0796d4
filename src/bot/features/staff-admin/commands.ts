// Staff see their commands in Telegram's menu: a menu scoped to their chat (the
// resident's commands plus those of their roles), set when they accept an invitation,
// removed with their last role. `staffCommandMenus` republishes all at start-up.
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { AppDeps } from '../../../deps.js';
import type { StaffRoleKind } from '../../../generated/prisma/client.js';
import type { Locale, Translate } from '../../../i18n/index.js';
import { residentCommands, type CommandMenu } from '../../commands.js';

const ROLE_COMMANDS: Record<StaffRoleKind, readonly string[]> = {
  LIAISON_OFFICER: ['inbox'],
  REPRESENTATIVE: ['proposals', 'reception'],
  AGENCY_HANDLER: ['cases', 'proposals'],
  STREET_ADMIN: ['invite', 'staff', 'report'],
  DISTRICT_ADMIN: ['invite', 'staff', 'report', 'proposals', 'reception'],
};

function staffMenu(translate: Translate, chatId: bigint, kinds: readonly StaffRoleKind[]): CommandMenu {
  const names = [...new Set(kinds.flatMap((kind) => ROLE_COMMANDS[kind]))];
  return {
    scope: { type: 'chat', chat_id: Number(chatId) },
    commands: (locale: Locale): BotCommand[] => [
      ...names.map((command) => ({ command, description: translate(locale, `commands-${command}`) })),
      ...residentCommands(translate, locale),
    ],
  };
}

/** Every reachable staff member's menu, for `publishCommands(api, translate, extra)`. */
export async function staffCommandMenus(deps: Pick<AppDeps, 'prisma' | 'translate'>): Promise<CommandMenu[]> {
  const people = await deps.prisma.person.findMany({
    where: { chatId: { not: null }, blockedAt: null, erasedAt: null, roles: { some: { revokedAt: null } } },
    include: { roles: { where: { revokedAt: null } } },
  });
  return people.map((person) => staffMenu(deps.translate, person.chatId!, person.roles.map((role) => role.kind)));
}

/** Sets (or, without roles left, removes) one person's menu after their roles changed. */
export async function refreshStaffMenu(api: Api, deps: Pick<AppDeps, 'prisma' | 'translate' | 'logger'>, personId: number): Promise<void> {
  const person = await deps.prisma.person.findUnique({ where: { id: personId }, include: { roles: { where: { revokedAt: null } } } });
  if (!person?.chatId) return;
  const menu = staffMenu(deps.translate, person.chatId, person.roles.map((role) => role.kind));
  try {
    for (const language_code of [undefined, 'en'] as const) {
      const options = { scope: menu.scope, ...(language_code ? { language_code } : {}) };
      if (person.roles.length === 0) await api.deleteMyCommands(options);
      else await api.setMyCommands(menu.commands(language_code ?? 'zh-CN'), options);
    }
  } catch (error) {
    // Only the menu is affected; the role change itself is done.
    deps.logger.warn('staff command menu not updated', { personId, error });
  }
}
