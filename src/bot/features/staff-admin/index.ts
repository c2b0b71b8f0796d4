// /staff: the staff within an admin's scope, each with a revoke button (confirmed), and
// the invitations not yet accepted, each with a revoke button.
import { Composer, InlineKeyboard } from 'grammy';
import { listOpenInvitations, listStaff, revokeInvitation, revokeStaffRole, type StaffEntry } from '../../../domain/staff/index.js';
import type { BotContext } from '../../context.js';
import { currentLocale, formatDateTime } from '../stations/format.js';
import { attempt, nameIn } from '../triage/respond.js';
import { staffInvitationRevoke, staffInvitations, staffPage, staffRevoke, staffRevokeConfirm } from './callback-data.js';
import { refreshPersonMenu } from '../../commands.js';
import { roleLabel } from './labels.js';

const STAFF_PER_PAGE = 10;

export const staffAdminFeature = new Composer<BotContext>();
const privateChats = staffAdminFeature.chatType('private');

privateChats.command('staff', async (ctx) => {
  const view = await staffListView(ctx, 0);
  if (view) await ctx.reply(view.text, { reply_markup: view.keyboard });
});

privateChats.callbackQuery(staffPage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const view = await staffListView(ctx, staffPage.unpack(ctx.callbackQuery.data).page);
  if (view) await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
});

privateChats.callbackQuery(staffRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { role, page } = staffRevoke.unpack(ctx.callbackQuery.data);
  const staff = await loadStaff(ctx);
  const entry = staff?.find((s) => s.roleId === role);
  if (!staff) return;
  if (!entry) return void (await ctx.reply(ctx.t('error-not-found')));
  const keyboard = new InlineKeyboard()
    .text(ctx.t('staff-revoke-confirm'), staffRevokeConfirm.pack({ role, page }))
    .text(ctx.t('staff-revoke-cancel'), staffPage.pack({ page }));
  await ctx.editMessageText(ctx.t('staff-revoke-question', { line: await staffLine(ctx, entry) }), { reply_markup: keyboard });
});

privateChats.callbackQuery(staffRevokeConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { role, page } = staffRevokeConfirm.unpack(ctx.callbackQuery.data);
  const revoked = await attempt(ctx, () => revokeStaffRole(ctx.deps, { adminId: ctx.person?.id ?? 0, roleId: role }));
  if (!revoked.ok) return;
  await ctx.reply(ctx.t('staff-revoked'));
  await refreshPersonMenu(ctx.api, ctx.deps, revoked.value.personId);
  const view = await staffListView(ctx, page);
  if (view) await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
});

privateChats.callbackQuery(staffInvitations.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const view = await invitationListView(ctx);
  if (view) await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
});

privateChats.callbackQuery(staffInvitationRevoke.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { invitation } = staffInvitationRevoke.unpack(ctx.callbackQuery.data);
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const revoked = await attempt(ctx, () => revokeInvitation(ctx.deps, { adminId: ctx.person!.id, invitationId: invitation }));
  if (revoked.ok) await ctx.reply(ctx.t('invitation-revoked-done'));
  const view = await invitationListView(ctx);
  if (view) await ctx.editMessageText(view.text, { reply_markup: view.keyboard });
});

/** The open invitations, newest first; a revoke button for each of the first page. */
async function invitationListView(ctx: BotContext): Promise<{ text: string; keyboard: InlineKeyboard } | undefined> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const invitations = await attempt(ctx, () => listOpenInvitations(ctx.deps, { adminId: ctx.person!.id }));
  if (!invitations.ok) return undefined;
  const keyboard = new InlineKeyboard();
  if (invitations.value.length === 0) return { text: ctx.t('staff-invitations-none'), keyboard: keyboard.text(ctx.t('staff-invitations-back'), staffPage.pack({ page: 0 })) };
  const locale = await currentLocale(ctx);
  const lines: string[] = [];
  for (const [index, invitation] of invitations.value.slice(0, STAFF_PER_PAGE).entries()) {
    const expires = formatDateTime(invitation.expiresAt, locale, ctx.deps.config.TIME_ZONE);
    lines.push(`${index + 1}. ${ctx.t('staff-invitation-line', { role: roleLabel(ctx.t, invitation.kind), scope: await nameIn(ctx, invitation.scope), expires })}`);
    keyboard.text(ctx.t('staff-revoke-button', { number: index + 1 }), staffInvitationRevoke.pack({ invitation: invitation.id })).row();
  }
  keyboard.text(ctx.t('staff-invitations-back'), staffPage.pack({ page: 0 }));
  return { text: [ctx.t('staff-invitations-header', { count: invitations.value.length }), ...lines].join('\n'), keyboard };
}

async function loadStaff(ctx: BotContext): Promise<StaffEntry[] | undefined> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  const staff = await attempt(ctx, () => listStaff(ctx.deps, { adminId: ctx.person!.id }));
  return staff.ok ? staff.value : undefined;
}

async function staffLine(ctx: BotContext, entry: StaffEntry): Promise<string> {
  return ctx.t('staff-line', { name: entry.displayName ?? `#${entry.personId}`, role: roleLabel(ctx.t, entry.kind), scope: await nameIn(ctx, entry.scope) });
}

async function staffListView(ctx: BotContext, page: number): Promise<{ text: string; keyboard: InlineKeyboard } | undefined> {
  const staff = await loadStaff(ctx);
  if (!staff) return undefined;
  const pages = Math.max(1, Math.ceil(staff.length / STAFF_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = staff.slice(current * STAFF_PER_PAGE, (current + 1) * STAFF_PER_PAGE);
  const keyboard = new InlineKeyboard();
  const lines: string[] = [];
  for (const [index, entry] of shown.entries()) {
    const number = current * STAFF_PER_PAGE + index + 1;
    lines.push(`${number}. ${await staffLine(ctx, entry)}`);
    if (entry.personId !== ctx.person!.id) keyboard.text(ctx.t('staff-revoke-button', { number }), staffRevoke.pack({ role: entry.roleId, page: current })).row();
  }
  if (current > 0) keyboard.text(ctx.t('invitation-page-previous'), staffPage.pack({ page: current - 1 }));
  if (current < pages - 1) keyboard.text(ctx.t('invitation-page-next'), staffPage.pack({ page: current + 1 }));
  const invitations = await listOpenInvitations(ctx.deps, { adminId: ctx.person!.id });
  if (invitations.length > 0) keyboard.row().text(ctx.t('staff-invitations-button', { count: invitations.length }), staffInvitations.pack({}));
  const header = ctx.t('staff-list-header', { count: staff.length, page: current + 1, pages });
  return { text: [header, ...lines].join('\n'), keyboard };
}
