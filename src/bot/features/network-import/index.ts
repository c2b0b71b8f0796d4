// The district spreadsheet from chat: an admin sends the .xlsx, reads the dry-run summary
// (or the errors, with sheet, row and column) and confirms; a street admin's import reaches
// only their street. /template sends the empty template, /export (district admins) the network.
import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { exportNetwork } from '../../../domain/network/export.js';
import { importNetwork, type ImportResult } from '../../../domain/network/import.js';
import { writeInvitationsWorkbook } from '../../../domain/network/invitations-sheet.js';
import { describeImport } from '../../../domain/network/summary.js';
import { writeNetworkTemplate } from '../../../domain/network/write-workbook.js';
import { ADMIN_ROLE_KINDS } from '../../../domain/staff/scope.js';
import type { BotContext } from '../../context.js';
import { networkImportDecision } from './callback-data.js';

/** What Telegram lets a bot download. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
/** Below Telegram's 4,096 characters, counted in UTF-16 units as JavaScript does. */
const MAX_MESSAGE = 4000;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PENDING_TTL_MS = 60 * 60_000;

export const networkImportFeature = new Composer<BotContext>();
const privateChats = networkImportFeature.chatType('private');

const isAdmin = (ctx: BotContext) => ctx.person?.roles.some((role) => ADMIN_ROLE_KINDS.includes(role.kind)) ?? false;
const isDistrictAdmin = (ctx: BotContext) => ctx.person?.roles.some((role) => role.kind === 'DISTRICT_ADMIN') ?? false;
const pendingKey = (personId: number) => `network-import:${personId}`;

privateChats.command('template', async (ctx, next) => {
  if (!isAdmin(ctx)) return next();
  await ctx.replyWithDocument(new InputFile(await toBuffer((out) => writeNetworkTemplate(out)), 'minyi-network-template.xlsx'), { caption: ctx.t('import-bot-template-caption') });
});

privateChats.command('export', async (ctx, next) => {
  if (!isDistrictAdmin(ctx)) return next();
  await ctx.replyWithChatAction('upload_document');
  await ctx.replyWithDocument(new InputFile(await toBuffer((out) => exportNetwork(ctx.deps.prisma, out)), 'minyi-network.xlsx'), { caption: ctx.t('import-bot-export-caption') });
});

privateChats.on('message:document', async (ctx, next) => {
  const document = ctx.message.document;
  const looksLikeXlsx = document.mime_type === XLSX_MIME || /\.xlsx$/i.test(document.file_name ?? '');
  if (!isAdmin(ctx) || !looksLikeXlsx) return next();
  if ((document.file_size ?? 0) > MAX_DOWNLOAD_BYTES) return void (await ctx.reply(ctx.t('import-bot-too-large')));
  await ctx.reply(ctx.t('import-bot-checking'));
  const result = await runImport(ctx, document.file_id, true);
  const ticket = randomBytes(6).toString('hex');
  if (result.ok) {
    await ctx.deps.prisma.keyValue.upsert({
      where: { key: pendingKey(ctx.person!.id) },
      create: { key: pendingKey(ctx.person!.id), value: { fileId: document.file_id, ticket }, expiresAt: new Date(ctx.deps.clock.now().getTime() + PENDING_TTL_MS) },
      update: { value: { fileId: document.file_id, ticket }, expiresAt: new Date(ctx.deps.clock.now().getTime() + PENDING_TTL_MS) },
    });
  }
  const keyboard = result.ok
    ? new InlineKeyboard()
        .text(ctx.t('import-bot-confirm'), networkImportDecision.pack({ ticket, apply: '1' }))
        .text(ctx.t('import-bot-cancel'), networkImportDecision.pack({ ticket, apply: '0' }))
    : undefined;
  await replyInPages(ctx, describeImport((key, vars) => ctx.t(key, vars), result), keyboard);
});

networkImportFeature.callbackQuery(networkImportDecision.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { ticket, apply } = networkImportDecision.unpack(ctx.callbackQuery.data);
  if (!ctx.person || !isAdmin(ctx)) return void (await ctx.reply(ctx.t('error-forbidden')));
  const key = pendingKey(ctx.person.id);
  const stored = await ctx.deps.prisma.keyValue.findUnique({ where: { key } });
  const pending = stored?.value as { fileId: string; ticket: string } | undefined;
  // Taken by one guarded delete: of two taps (or two instances), one goes on.
  const taken = pending?.ticket === ticket ? await ctx.deps.prisma.keyValue.deleteMany({ where: { key, updatedAt: stored!.updatedAt, expiresAt: { gt: ctx.deps.clock.now() } } }) : { count: 0 };
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => undefined);
  if (taken.count !== 1 || !pending) return void (await ctx.reply(ctx.t('import-bot-expired')));
  if (apply === '0') return void (await ctx.reply(ctx.t('import-bot-cancelled')));
  const fileId = pending.fileId;
  const result = await runImport(ctx, fileId, false);
  await replyInPages(ctx, describeImport((k, vars) => ctx.t(k, vars), result));
  if (result.ok && result.invitationsIssued > 0) {
    const t = (k: string, vars?: Record<string, string | number>) => ctx.t(k, vars);
    const sheet = await toBuffer((out) => writeInvitationsWorkbook(ctx.deps, out, { t, botUsername: ctx.me.username }).then(() => undefined));
    await ctx.replyWithDocument(new InputFile(sheet, 'minyi-invitations.xlsx'), { caption: ctx.t('import-bot-invitations-caption') });
  }
});

async function runImport(ctx: BotContext, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const file = await ctx.api.getFile(fileId);
  const response = await fetch(`${ctx.deps.config.TELEGRAM_API_ROOT}/file/bot${ctx.api.token}/${file.file_path}`);
  if (!response.ok || !response.body) throw new Error(`Telegram file download failed: ${response.status}`);
  return importNetwork(ctx.deps, { file: Readable.fromWeb(response.body as never), dryRun, actorId: ctx.person!.id });
}

/** Long summaries go out in several messages; the buttons go with the last. */
async function replyInPages(ctx: BotContext, lines: string[], keyboard?: InlineKeyboard): Promise<void> {
  const pages: string[] = [];
  for (const line of lines) {
    const clipped = line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
    const last = pages.length - 1;
    if (last >= 0 && pages[last]!.length + 1 + clipped.length <= MAX_MESSAGE) pages[last] += `\n${clipped}`;
    else pages.push(clipped);
  }
  for (const [index, page] of pages.entries()) await ctx.reply(page, index === pages.length - 1 && keyboard ? { reply_markup: keyboard } : {});
}

async function toBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
  await write(out);
  if (!out.writableEnded) out.end();
  await ended;
  return Buffer.concat(chunks);
}
