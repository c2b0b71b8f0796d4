// Staff invitations in chat: `/invite` (admins pick a role, then a scope, and get a
// deep link and a code, with a button to revoke it), `/start inv_<code>` and
// `/join <code>` (accepting it).
// Registered before the residents' /start, which it passes every other payload to.
import { Composer, InlineKeyboard } from 'grammy';
import {
  acceptInvitation,
  createInvitation,
  invitableRoleKinds,
  invitationDeepLink,
  invitationScopeOptions,
  INVITATION_START_PREFIX,
  revokeInvitation,
  type Named,
} from '../../../domain/staff/index.js';
import type { StaffRoleKind } from '../../../generated/prisma/client.js';
import type { BotContext } from '../../context.js';
import { refreshPersonMenu } from '../../commands.js';
import { roleLabel } from '../staff-admin/labels.js';
import { attempt, nameIn } from '../triage/respond.js';
import { inviteRevoke, inviteRole, inviteScope } from './callback-data.js';

const SCOPES_PER_PAGE = 8;

export const invitationsFeature = new Composer<BotContext>();
const privateChats = invitationsFeature.chatType('private');

privateChats.command('start', async (ctx, next) => {
  if (!ctx.match.toLowerCase().startsWith(INVITATION_START_PREFIX)) return next();
  await accept(ctx, ctx.match);
});

privateChats.command('join', async (ctx) => {
  if (!ctx.match.trim()) return void (await ctx.reply(ctx.t('invitation-join-usage')));
  await accept(ctx, ctx.match);
});

async function accept(ctx: BotContext, code: string): Promise<void> {
  const from = ctx.from!;
  const result = await attempt(ctx, async () =>
    acceptInvitation(ctx.deps, {
      code,
      telegramId: from.id,
      chatId: ctx.chatId!,
      displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
      locale: await ctx.i18n.getLocale(),
    }),
  );
  if (!result.ok) return;
  const { person, role, scope } = result.value;
  await refreshPersonMenu(ctx.api, ctx.deps, person.id);
  await ctx.reply(ctx.t('invitation-accepted', { role: roleLabel(ctx.t, role.kind), scope: await nameIn(ctx, scope) }));
  await ctx.reply(ctx.t(`invitation-next-${role.kind.toLowerCase().replaceAll('_', '-')}`));
}

privateChats.command('invite', async (ctx) => {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const kinds = await attempt(ctx, () => invitableRoleKinds(ctx.deps, ctx.person!.id));
  if (!kinds.ok) return;
  const keyboard = new InlineKeyboard();
  for (const kind of kinds.value) keyboard.text(roleLabel(ctx.t, kind), inviteRole.pack({ kind, page: 0 })).row();
  await ctx.reply(ctx.t('invitation-choose-role'), { reply_markup: keyboard });
});

privateChats.callbackQuery(inviteRole.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { kind, page } = inviteRole.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const options = await attempt(ctx, () => invitationScopeOptions(ctx.deps, { adminId: ctx.person!.id, kind }));
  if (!options.ok) return;
  if (options.value.length === 0) return void (await ctx.editMessageText(ctx.t('invitation-no-scopes', { role: roleLabel(ctx.t, kind) })));
  await ctx.editMessageText(ctx.t('invitation-choose-scope', { role: roleLabel(ctx.t, kind) }), {
    reply_markup: await scopeKeyboard(ctx, kind, options.value, page),
  });
});

async function scopeKeyboard(ctx: BotContext, kind: StaffRoleKind, options: Named[], page: number): Promise<InlineKeyboard> {
  const pages = Math.ceil(options.length / SCOPES_PER_PAGE);
  const current = Math.min(page, pages - 1);
  const keyboard = new InlineKeyboard();
  for (const option of options.slice(current * SCOPES_PER_PAGE, (current + 1) * SCOPES_PER_PAGE)) {
    keyboard.text(await nameIn(ctx, option), inviteScope.pack({ kind, scope: option.id })).row();
  }
  if (current > 0) keyboard.text(ctx.t('invitation-page-previous'), inviteRole.pack({ kind, page: current - 1 }));
  if (current < pages - 1) keyboard.text(ctx.t('invitation-page-next'), inviteRole.pack({ kind, page: current + 1 }));
  return keyboard;
}

privateChats.callbackQuery(inviteScope.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { kind, scope } = inviteScope.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const created = await attempt(ctx, () => createInvitation(ctx.deps, { creatorId: ctx.person!.id, kind, scopeId: scope }));
  if (!created.ok) return;
  const invitation = created.value;
  await ctx.editMessageText(
    ctx.t('invitation-created', {
      role: roleLabel(ctx.t, kind),
      scope: await nameIn(ctx, invitation.station ?? invitation.agency ?? invitation.region),
      link: invitationDeepLink(ctx.me.username, invitation.code),
      code: invitation.code,
      hours: ctx.deps.config.INVITATION_TTL_HOURS,
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t('invitation-revoke-button'), inviteRevoke.pack({ invitation: invitation.id })) },
  );
});

privateChats.callbackQuery(inviteRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { invitation } = inviteRevoke.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const revoked = await attempt(ctx, () => revokeInvitation(ctx.deps, { adminId: ctx.person!.id, invitationId: invitation }));
  // The link leaves the chat with the message, so it is not forwarded by mistake later.
  if (revoked.ok) await ctx.editMessageText(ctx.t('invitation-revoked-done'));
});
