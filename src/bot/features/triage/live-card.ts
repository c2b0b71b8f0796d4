// One living card per case per chat. Opening a case posts the evidence (photos as an
// album, the location as a map pin) and a new card, and strips the buttons off the
// card it supersedes; actions and refreshes edit the live card in place. Which message
// is the live card is kept in PostgreSQL (CaseCard), so every bot instance agrees.
import { GrammyError, InlineKeyboard, InputMediaBuilder } from 'grammy';
import { isDomainError } from '../../../domain/errors.js';
import { changedByOthersSince, currentVersion, getOpinionView, type OpinionView } from '../../../domain/opinions/opinion-views.js';
import type { AppContext } from '../../context.js';
import { TELEGRAM_LIMITS } from '../../limits.js';
import { caseCard, type CaseCardContent } from './case-view.js';

/** A message's inline keyboard, emptied. */
export const NO_BUTTONS: { inline_keyboard: [] } = { inline_keyboard: [] };

export interface CardOptions {
  /** A line on top saying what just happened. */
  banner?: string;
  /** Buttons of a choice being made on the card, instead of the case's actions. */
  choices?: InlineKeyboard;
  /** After the person's own action the case may have left their sight (an agency that handed it back). */
  afterOwnAction?: boolean;
}

/** The view, or undefined after telling the person why not (or, after their own action, showing just the banner). */
async function viewFor(ctx: AppContext, opinionId: number, options: CardOptions): Promise<OpinionView | undefined> {
  if (!ctx.person) return void (await ctx.reply(ctx.t('error-forbidden')));
  try {
    return await getOpinionView(ctx.deps, { opinionId, actor: { kind: 'person', personId: ctx.person.id } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (options.afterOwnAction && error.code === 'forbidden' && options.banner) {
      const card = await liveCard(ctx, opinionId);
      if (card) await editCard(ctx, card.messageId, { text: options.banner, keyboard: NO_BUTTONS });
      else await ctx.reply(options.banner);
    } else {
      await ctx.reply(ctx.t(error.key, error.vars));
    }
    return undefined;
  }
}

/** Posts the evidence and a new card, which becomes the live one. */
export async function openCard(ctx: AppContext, opinionId: number, options: CardOptions = {}): Promise<void> {
  const view = await viewFor(ctx, opinionId, options);
  if (!view) return;
  if (view.viewerRole !== 'RESIDENT') await sendEvidence(ctx, view);
  await postCard(ctx, view, await caseCard(ctx, view, options));
}

/** Edits the live card in place (posting one if this chat has none, or it is gone). */
export async function refreshCard(ctx: AppContext, opinionId: number, options: CardOptions = {}): Promise<void> {
  const view = await viewFor(ctx, opinionId, options);
  if (!view) return;
  const content = await caseCard(ctx, view, options);
  const card = await liveCard(ctx, opinionId);
  if (card && (await editCard(ctx, card.messageId, content))) {
    await ctx.deps.prisma.caseCard.updateMany({ where: { opinionId, chatId: BigInt(ctx.chatId!), messageId: card.messageId }, data: { version: view.version } });
    return;
  }
  await postCard(ctx, view, content);
}

/**
 * A button pressed on a card older than the case: refresh the card and say so, and
 * say someone else acted only when someone did. True when the press was stale.
 */
export async function refreshIfStale(ctx: AppContext, opinionId: number, seenVersion: number): Promise<boolean> {
  const version = await currentVersion(ctx.deps, opinionId);
  if (version === null || version <= seenVersion) return false;
  await reportStale(ctx, opinionId, seenVersion);
  return true;
}

export async function reportStale(ctx: AppContext, opinionId: number, seenVersion: number): Promise<void> {
  const others = !ctx.person || (await changedByOthersSince(ctx.deps, { opinionId, version: seenVersion, personId: ctx.person.id }));
  await refreshCard(ctx, opinionId, { banner: ctx.t(others ? 'case-stale-others' : 'case-stale') });
}

async function liveCard(ctx: AppContext, opinionId: number) {
  return ctx.deps.prisma.caseCard.findUnique({ where: { opinionId_chatId: { opinionId, chatId: BigInt(ctx.chatId!) } } });
}

async function postCard(ctx: AppContext, view: OpinionView, content: CaseCardContent): Promise<void> {
  const message = await ctx.reply(content.text, { reply_markup: content.keyboard });
  const chatId = BigInt(message.chat.id);
  // One statement, so that two instances posting at once agree on which card superseded which.
  const rows = await ctx.deps.prisma.$queryRaw<{ previous: number | null }[]>`
    WITH previous AS (SELECT "messageId" FROM "CaseCard" WHERE "opinionId" = ${view.id} AND "chatId" = ${chatId})
    INSERT INTO "CaseCard" ("opinionId", "chatId", "messageId", "version", "updatedAt")
    VALUES (${view.id}, ${chatId}, ${message.message_id}, ${view.version}, now())
    ON CONFLICT ("opinionId", "chatId") DO UPDATE SET "messageId" = EXCLUDED."messageId", "version" = EXCLUDED."version", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING (SELECT "messageId" FROM previous) AS previous`;
  const previous = rows[0]?.previous;
  if (previous && previous !== message.message_id) {
    // A superseded card keeps its text but loses its buttons; if that fails (too old, deleted) nothing is lost.
    await ctx.api.editMessageReplyMarkup(message.chat.id, previous, { reply_markup: NO_BUTTONS }).catch(ignoreTelegramRefusal);
  }
}

/** False when the message can no longer be edited (deleted, too old): the caller posts a new card. */
async function editCard(ctx: AppContext, messageId: number, content: CaseCardContent): Promise<boolean> {
  try {
    await ctx.api.editMessageText(ctx.chatId!, messageId, content.text, { reply_markup: content.keyboard });
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes('message is not modified')) return true;
    if (error instanceof GrammyError && error.error_code === 400) return false;
    throw error;
  }
}

function ignoreTelegramRefusal(error: unknown): void {
  if (!(error instanceof GrammyError)) throw error;
}

/** Telegram takes 2–10 items per album. */
const ALBUM_SIZE = 10;

/** The resident's photos as albums, other files one by one, and the location as a map pin. */
async function sendEvidence(ctx: AppContext, view: OpinionView): Promise<void> {
  const caption = ctx.t('case-evidence-caption', { trackingNo: view.trackingNo }).slice(0, TELEGRAM_LIMITS.caption);
  const photos = view.attachments.filter((a) => a.kind === 'PHOTO').map((a) => a.telegramFileId);
  for (let start = 0; start < photos.length; start += ALBUM_SIZE) {
    const batch = photos.slice(start, start + ALBUM_SIZE);
    if (batch.length === 1) await ctx.replyWithPhoto(batch[0]!, { caption });
    else await ctx.replyWithMediaGroup(batch.map((fileId, index) => InputMediaBuilder.photo(fileId, index === 0 ? { caption } : {})));
  }
  for (const document of view.attachments.filter((a) => a.kind === 'DOCUMENT')) await ctx.replyWithDocument(document.telegramFileId, { caption });
  if (view.location) await ctx.replyWithLocation(view.location.latitude, view.location.longitude);
}
