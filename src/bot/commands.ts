// The command menus Telegram shows next to the input field. The default menu is the
// resident's, in Chinese, and in English for English clients. A chat whose person chose
// a language in the bot, or who holds staff roles, gets a menu of its own in that
// language (scope chat: it wins over the client's language): residents' commands, plus
// those of their roles for staff.
//
// Each published menu's hash is kept per scope in PostgreSQL (CommandMenuPublication):
// setMyCommands is called only when a menu changed, whichever instance publishes it, so a
// restart costs no calls. Start-up publishes in the background and does not wait for it.
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { AppDeps } from '../deps.js';
import type { StaffRoleKind } from '../generated/prisma/client.js';
import type { Locale, Translate } from '../i18n/index.js';

export const residentCommandNames = ['new', 'my', 'stations', 'language', 'privacy', 'mydata', 'forget', 'cancel', 'help', 'start'] as const;

const ROLE_COMMANDS: Record<StaffRoleKind, readonly string[]> = {
  LIAISON_OFFICER: ['inbox'],
  REPRESENTATIVE: ['proposals', 'reception'],
  AGENCY_HANDLER: ['cases', 'proposals'],
  STREET_ADMIN: ['invite', 'staff', 'report'],
  DISTRICT_ADMIN: ['invite', 'staff', 'report', 'proposals', 'reception'],
};

type MenuDeps = Pick<AppDeps, 'prisma' | 'translate' | 'logger' | 'clock'>;

/** The commands of a person with these roles (none: a resident), with their descriptions (`commands-<name>`). */
export function commandsFor(translate: Translate, locale: Locale, roles: readonly StaffRoleKind[] = []): BotCommand[] {
  const staff = [...new Set(roles.flatMap((kind) => ROLE_COMMANDS[kind]))];
  return [...staff, ...residentCommandNames].map((command) => ({ command, description: translate(locale, `commands-${command}`) }));
}

/** Sets one menu unless the ledger says it is already what Telegram shows. Returns whether it called Telegram. */
async function publishMenu(api: Api, deps: MenuDeps, key: string, scope: BotCommandScope, languageCode: 'en' | undefined, commands: BotCommand[]): Promise<boolean> {
  const hash = createHash('sha256').update(JSON.stringify(commands)).digest('hex');
  const published = await deps.prisma.commandMenuPublication.findUnique({ where: { scope: key } });
  if (published?.hash === hash) return false;
  await api.setMyCommands(commands, { scope, ...(languageCode ? { language_code: languageCode } : {}) });
  const row = { hash, publishedAt: deps.clock.now() };
  await deps.prisma.commandMenuPublication.upsert({ where: { scope: key }, create: { scope: key, ...row }, update: row });
  return true;
}

/** One chat's menu in its person's language: staff commands for staff, the resident's otherwise. */
export async function publishChatMenu(api: Api, deps: MenuDeps, chat: { chatId: bigint | number; locale: Locale; roles?: readonly StaffRoleKind[] }): Promise<boolean> {
  const chatId = Number(chat.chatId);
  const key = `chat:${chatId}`;
  const known = await deps.prisma.commandMenuPublication.findUnique({ where: { scope: key } });
  const changed = await publishMenu(api, deps, key, { type: 'chat', chat_id: chatId }, undefined, commandsFor(deps.translate, chat.locale, chat.roles));
  // Earlier versions also set an English chat menu, which would win for English clients.
  if (changed && !known) await api.deleteMyCommands({ scope: { type: 'chat', chat_id: chatId }, language_code: 'en' });
  return changed;
}

/** Same as publishChatMenu, never failing the caller: the menu is a convenience, the change behind it is done. */
export async function refreshChatMenu(api: Api, deps: MenuDeps, chat: Parameters<typeof publishChatMenu>[2]): Promise<void> {
  try {
    await publishChatMenu(api, deps, chat);
  } catch (error) {
    deps.logger.warn('command menu not updated', { chatId: String(chat.chatId), error });
  }
}

/** The person's menu after their roles or language changed. */
export async function refreshPersonMenu(api: Api, deps: MenuDeps, personId: number): Promise<void> {
  const person = await deps.prisma.person.findUnique({ where: { id: personId }, include: { roles: { where: { revokedAt: null } } } });
  if (!person?.chatId || person.blockedAt || person.erasedAt) return;
  await refreshChatMenu(api, deps, { chatId: person.chatId, locale: person.locale as Locale, roles: person.roles.map((role) => role.kind) });
}

/** At start-up: the default menus, then every reachable staff member's chat menu; only what changed is sent. */
export async function publishCommands(api: Api, deps: MenuDeps): Promise<{ calls: number }> {
  let calls = 0;
  const residents = (locale: Locale) => commandsFor(deps.translate, locale);
  if (await publishMenu(api, deps, 'default', { type: 'default' }, undefined, residents('zh-CN'))) calls += 1;
  if (await publishMenu(api, deps, 'default:en', { type: 'default' }, 'en', residents('en'))) calls += 1;
  const staff = await deps.prisma.person.findMany({
    where: { chatId: { not: null }, blockedAt: null, erasedAt: null, roles: { some: { revokedAt: null } } },
    select: { id: true, chatId: true, locale: true, roles: { where: { revokedAt: null }, select: { kind: true } } },
    orderBy: { id: 'asc' },
  });
  for (const person of staff) {
    if (await publishChatMenu(api, deps, { chatId: person.chatId!, locale: person.locale as Locale, roles: person.roles.map((role) => role.kind) })) calls += 1;
  }
  return { calls };
}

/** `/inbox 待办意见` lines: the commands a person has, for welcome and help texts. */
export function commandLines(commands: BotCommand[]): string {
  return commands.map(({ command, description }) => `/${command} ${description}`).join('\n');
}
