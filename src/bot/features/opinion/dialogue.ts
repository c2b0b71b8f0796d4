// The opinion dialogue (/new): station, category, text, photos, location, phone,
// consent to show the contact to the agency, a summary to confirm or edit, and the
// tracking number. A grammY conversation: its state lives in the KeyValue table, so a
// restart in the middle loses nothing. Database work happens in `conversation.external`.
import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard, Keyboard } from 'grammy';
import { z } from 'zod';
import { isDomainError } from '../../../domain/errors.js';
import { checkOpinionText, listOpinionCategories, submitOpinion, type AttachmentInput } from '../../../domain/opinions/submit-opinion.js';
import { getStationItem, type StationItem } from '../../../domain/stations/station-queries.js';
import { locales, type Locale } from '../../../i18n/index.js';
import { defineCallbackData } from '../../callback-data.js';
import type { AppContext, BotContext } from '../../context.js';
import { currentLocale, localized } from '../stations/format.js';
import { areasView, locationKeyboard, nearbyView, regionView, stationNavigation, type View } from '../stations/views.js';

export const NEW_OPINION_DIALOGUE = 'new-opinion';

export type OpinionConversation = Conversation<BotContext, AppContext>;

const fields = ['station', 'category', 'text', 'photos', 'location', 'phone'] as const;
type Field = (typeof fields)[number];

/** The dialogue's own buttons: `value` is an id, a field or a yes/no. */
export const dialogueChoice = defineCallbackData('op', {
  action: z.enum(['keep', 'other', 'category', 'done', 'share', 'confirm', 'edit', 'field', 'summary', 'abandon']),
  value: z.string(),
});
type Choice = ReturnType<typeof dialogueChoice.unpack>;

interface Named {
  id: number;
  nameZh: string;
  nameEn: string;
}

interface Draft {
  station: Named;
  category: Named;
  text: string;
  attachments: AttachmentInput[];
  location: { latitude: number; longitude: number } | null;
  contact: { phone: string; name: string } | null;
  shareContact: boolean;
}

/** A step's verdict on one update: its value, "handled, keep waiting", or "not an answer". */
type Outcome<T> = { value: T } | 'again' | undefined;

/** A station that was closed in the meantime is simply not offered. */
function activeStationOrNull(deps: AppContext['deps'], stationId: number): Promise<StationItem | null> {
  return getStationItem(deps, stationId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'not-found') return null;
    throw error;
  });
}

const unsupportedMessages = ['sticker', 'voice', 'video_note', 'video', 'audio', 'animation', 'dice', 'poll', 'game'] as const;

export async function newOpinionDialogue(conversation: OpinionConversation, ctx: AppContext, start: { stationId?: number } = {}): Promise<void> {
  const { deps } = ctx;
  const { config } = deps;
  const setup = await conversation.external(async (outer) => {
    const person = outer.person;
    if (!person) return null;
    const candidate = start.stationId ?? person.lastStationId;
    const station = candidate ? await activeStationOrNull(deps, candidate) : null;
    return { residentId: person.id, station, categories: await listOpinionCategories(deps) };
  });
  if (!setup) {
    await ctx.reply(ctx.t('opinion-consent-first'));
    return;
  }

  /** Builds a screen once (it reads the database) and replays it from storage. */
  const build = (view: () => Promise<View>) =>
    conversation.external(async () => {
      const { text, keyboard } = await view();
      return { text, keyboard: { inline_keyboard: keyboard.inline_keyboard } };
    });

  /** Waits until a step accepts an update; commands and foreign buttons go to the rest of the bot (/cancel, /help, …). */
  async function ask<T>(hintKey: string, accept: (answer: AppContext) => Promise<Outcome<T>>): Promise<T> {
    for (;;) {
      const answer = await conversation.wait();
      const isCommand = answer.message?.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0) ?? false;
      if (isCommand || (!answer.message && !answer.callbackQuery)) await conversation.skip({ next: true });
      const outcome = await accept(answer);
      if (outcome === 'again') continue;
      if (outcome) return outcome.value;
      // Other features' buttons (the station finder, the language) work during the dialogue.
      if (answer.callbackQuery && !dialogueChoice.filter.test(answer.callbackQuery.data ?? '')) await conversation.skip({ next: true });
      await explain(answer, hintKey);
    }
  }

  async function explain(answer: AppContext, hintKey: string): Promise<void> {
    if (answer.callbackQuery) {
      await answer.answerCallbackQuery({ text: answer.t('opinion-button-not-now'), show_alert: true });
      return;
    }
    const unsupported = unsupportedMessages.some((kind) => answer.message?.[kind] !== undefined);
    await answer.reply(unsupported ? answer.t('opinion-unsupported', { hint: answer.t(hintKey) }) : answer.t(hintKey));
  }

  function choice(answer: AppContext, action: Choice['action']): Choice | undefined {
    const data = answer.callbackQuery?.data;
    if (!data || !dialogueChoice.filter.test(data)) return undefined;
    const parsed = dialogueChoice.unpack(data);
    return parsed.action === action ? parsed : undefined;
  }

  /** The skip button's label in any language: the keyboard may predate a language switch. */
  const isSkip = (answer: AppContext) => locales.some((locale) => answer.message?.text === deps.translate(locale, 'opinion-skip'));

  const name = async (item: Named) => localized(item, await currentLocale(ctx));

  async function chooseStation(candidate: StationItem | null): Promise<Named> {
    if (candidate) {
      await ctx.reply(ctx.t('opinion-station-confirm', { station: await name(candidate) }), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t('opinion-station-keep'), dialogueChoice.pack({ action: 'keep', value: String(candidate.id) }))
          .row()
          .text(ctx.t('opinion-station-other'), dialogueChoice.pack({ action: 'other', value: '' })),
      });
      const keep = await ask('opinion-station-confirm-hint', async (answer) => {
        const picked = choice(answer, 'keep') ?? choice(answer, 'other');
        if (!picked) return undefined;
        await answer.answerCallbackQuery();
        return { value: picked.action === 'keep' };
      });
      if (keep) return acknowledgeStation(candidate);
    }
    const areas = await build(() => areasView(ctx));
    await ctx.reply(areas.text, { reply_markup: areas.keyboard });
    await ctx.reply(ctx.t('opinion-station-or-location'), { reply_markup: locationKeyboard(ctx) });
    const station = await ask('opinion-station-hint', async (answer): Promise<Outcome<StationItem>> => {
      const location = answer.message?.location;
      if (location) {
        const nearby = await build(() => nearbyView(ctx, location));
        await answer.reply(nearby.text, { reply_markup: nearby.keyboard });
        return 'again';
      }
      const data = answer.callbackQuery?.data;
      if (!data || !stationNavigation.filter.test(data)) return undefined;
      const { op, id } = stationNavigation.unpack(data);
      await answer.answerCallbackQuery();
      if (op === 's') {
        const item = await conversation.external(() => activeStationOrNull(deps, id));
        return item ? { value: item } : 'again';
      }
      const view = await build(() => (op === 't' ? areasView(ctx) : regionView(ctx, id)));
      await answer.editMessageText(view.text, { reply_markup: view.keyboard });
      return 'again';
    });
    return acknowledgeStation(station);
  }

  async function acknowledgeStation(station: StationItem): Promise<Named> {
    await ctx.reply(ctx.t('opinion-station-chosen', { station: await name(station) }), { reply_markup: { remove_keyboard: true } });
    return station;
  }

  async function chooseCategory(): Promise<Named> {
    const keyboard = new InlineKeyboard();
    const locale = await currentLocale(ctx);
    setup!.categories.forEach((category, index) => {
      keyboard.text(localized(category, locale), dialogueChoice.pack({ action: 'category', value: String(category.id) }));
      if (index % 2 === 1) keyboard.row();
    });
    await ctx.reply(ctx.t('opinion-category-ask'), { reply_markup: keyboard });
    return ask('opinion-category-hint', async (answer) => {
      const picked = choice(answer, 'category');
      const category = picked && setup!.categories.find((c) => String(c.id) === picked.value);
      if (!category) return undefined;
      await answer.answerCallbackQuery();
      await answer.editMessageText(answer.t('opinion-category-chosen', { category: await name(category) }));
      return { value: category };
    });
  }

  async function askText(): Promise<string> {
    await ctx.reply(ctx.t('opinion-text-ask', { min: config.OPINION_TEXT_MIN, max: config.OPINION_TEXT_MAX }), { reply_markup: { remove_keyboard: true } });
    return ask('opinion-text-hint', async (answer) => {
      const text = answer.message?.text;
      if (text === undefined) return undefined;
      try {
        return { value: checkOpinionText(config, text) };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        await answer.reply(answer.t(error.key, error.vars));
        return 'again';
      }
    });
  }

  async function askPhotos(): Promise<AttachmentInput[]> {
    const max = config.OPINION_MAX_PHOTOS;
    if (max === 0) return [];
    const attachments: AttachmentInput[] = [];
    const doneButton = (key: string) => new InlineKeyboard().text(ctx.t(key), dialogueChoice.pack({ action: 'done', value: '' }));
    await ctx.reply(ctx.t('opinion-photos-ask', { max }), { reply_markup: doneButton('opinion-photos-skip') });
    await ask('opinion-photos-hint', async (answer): Promise<Outcome<true>> => {
      if (choice(answer, 'done')) {
        await answer.answerCallbackQuery();
        return { value: true };
      }
      const photo = answer.message?.photo?.at(-1);
      const document = answer.message?.document;
      if (photo) attachments.push({ kind: 'PHOTO', telegramFileId: photo.file_id, fileUniqueId: photo.file_unique_id });
      else if (document?.mime_type?.startsWith('image/')) attachments.push({ kind: 'DOCUMENT', telegramFileId: document.file_id, fileUniqueId: document.file_unique_id });
      else return undefined;
      if (attachments.length >= max) {
        await answer.reply(answer.t('opinion-photos-full', { max }));
        return { value: true };
      }
      await answer.reply(answer.t('opinion-photo-received', { count: attachments.length, max }), { reply_markup: doneButton('opinion-photos-done') });
      return 'again';
    });
    return attachments;
  }

  async function askLocation(): Promise<Draft['location']> {
    await ctx.reply(ctx.t('opinion-location-ask'), { reply_markup: locationKeyboard(ctx, ctx.t('opinion-skip')) });
    const location = await ask('opinion-location-hint', async (answer) => {
      const shared = answer.message?.location;
      if (shared) return { value: { latitude: shared.latitude, longitude: shared.longitude } };
      return isSkip(answer) ? { value: null } : undefined;
    });
    await ctx.reply(ctx.t(location ? 'opinion-location-saved' : 'opinion-location-skipped'), { reply_markup: { remove_keyboard: true } });
    return location;
  }

  async function askPhone(): Promise<Draft['contact']> {
    const keyboard = new Keyboard().requestContact(ctx.t('opinion-phone-send')).row().text(ctx.t('opinion-skip')).resized().oneTime();
    await ctx.reply(ctx.t('opinion-phone-ask'), { reply_markup: keyboard });
    const contact = await ask('opinion-phone-hint', async (answer): Promise<Outcome<Draft['contact']>> => {
      const shared = answer.message?.contact;
      if (shared) {
        // Only the sender's own card: a forwarded contact is someone else's number.
        if (shared.user_id !== answer.from?.id) {
          await answer.reply(answer.t('opinion-phone-not-own'));
          return 'again';
        }
        return { value: { phone: shared.phone_number, name: [shared.first_name, shared.last_name].filter(Boolean).join(' ') } };
      }
      return isSkip(answer) ? { value: null } : undefined;
    });
    await ctx.reply(ctx.t(contact ? 'opinion-phone-saved' : 'opinion-phone-skipped'), { reply_markup: { remove_keyboard: true } });
    return contact;
  }

  async function askShareContact(): Promise<boolean> {
    await ctx.reply(ctx.t('opinion-share-ask'), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('opinion-share-yes'), dialogueChoice.pack({ action: 'share', value: 'yes' }))
        .row()
        .text(ctx.t('opinion-share-no'), dialogueChoice.pack({ action: 'share', value: 'no' })),
    });
    return ask('opinion-share-hint', async (answer) => {
      const picked = choice(answer, 'share');
      if (!picked) return undefined;
      const share = picked.value === 'yes';
      await answer.answerCallbackQuery();
      await answer.editMessageText(answer.t(share ? 'opinion-share-chosen-yes' : 'opinion-share-chosen-no'));
      return { value: share };
    });
  }

  async function askContact(draft: Pick<Draft, 'contact' | 'shareContact'>): Promise<void> {
    draft.contact = await askPhone();
    draft.shareContact = draft.contact ? await askShareContact() : false;
  }

  async function summary(draft: Draft): Promise<string> {
    const locale: Locale = await currentLocale(ctx);
    const none = ctx.t('opinion-summary-none');
    return [
      ctx.t('opinion-summary-title'),
      ctx.t('opinion-summary-station', { station: localized(draft.station, locale) }),
      ctx.t('opinion-summary-category', { category: localized(draft.category, locale) }),
      ctx.t('opinion-summary-text', { text: draft.text }),
      ctx.t('opinion-summary-photos', { count: draft.attachments.length }),
      ctx.t('opinion-summary-location', { location: draft.location ? ctx.t('opinion-summary-given') : none }),
      ctx.t('opinion-summary-phone', { phone: draft.contact?.phone ?? none }),
      ...(draft.contact ? [ctx.t(draft.shareContact ? 'opinion-share-chosen-yes' : 'opinion-share-chosen-no')] : []),
    ].join('\n');
  }

  const station = await chooseStation(setup.station);
  const category = await chooseCategory();
  const text = await askText();
  const attachments = await askPhotos();
  const location = await askLocation();
  const draft: Draft = { station, category, text, attachments, location, contact: null, shareContact: false };
  await askContact(draft);

  for (;;) {
    await ctx.reply(await summary(draft), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('opinion-confirm'), dialogueChoice.pack({ action: 'confirm', value: '' }))
        .row()
        .text(ctx.t('opinion-edit'), dialogueChoice.pack({ action: 'edit', value: '' }))
        .text(ctx.t('opinion-abandon'), dialogueChoice.pack({ action: 'abandon', value: '' })),
    });
    const decision = await ask('opinion-summary-hint', async (answer) => {
      const picked = choice(answer, 'confirm') ?? choice(answer, 'edit') ?? choice(answer, 'abandon');
      if (!picked) return undefined;
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup();
      return { value: { action: picked.action, pressId: answer.callbackQuery!.id } };
    });

    if (decision.action === 'abandon') {
      await ctx.reply(ctx.t('opinion-cancelled'));
      return;
    }
    if (decision.action === 'edit') {
      await editField(draft);
      continue;
    }
    const result = await conversation.external(async () => {
      try {
        const submitted = await submitOpinion(deps, {
          residentId: setup.residentId,
          stationId: draft.station.id,
          categoryId: draft.category.id,
          text: draft.text,
          attachments: draft.attachments,
          location: draft.location,
          contactPhone: draft.contact?.phone ?? null,
          contactName: draft.contact?.name ?? null,
          shareContact: draft.shareContact,
          locale: await currentLocale(ctx),
          submissionKey: `telegram:${decision.pressId}`,
        });
        return { ok: true as const, trackingNo: submitted.opinion.trackingNo };
      } catch (error) {
        if (isDomainError(error)) return { ok: false as const, code: error.code, key: error.key, vars: error.vars };
        deps.logger.error('opinion submission failed', { error });
        return { ok: false as const, code: 'unexpected', key: 'opinion-submit-failed', vars: {} };
      }
    });
    if (result.ok) {
      await ctx.reply(ctx.t('opinion-submitted', { trackingNo: result.trackingNo }), { reply_markup: { remove_keyboard: true } });
      return;
    }
    await ctx.reply(ctx.t(result.key, result.vars));
    // Refusals end the dialogue; anything else keeps the draft for another try.
    if (result.code === 'rate-limited' || result.code === 'forbidden') return;
  }

  async function editField(draft: Draft): Promise<void> {
    const keyboard = new InlineKeyboard();
    fields.forEach((field, index) => {
      keyboard.text(ctx.t(`opinion-field-${field}`), dialogueChoice.pack({ action: 'field', value: field }));
      if (index % 2 === 1) keyboard.row();
    });
    keyboard.row().text(ctx.t('opinion-back-to-summary'), dialogueChoice.pack({ action: 'summary', value: '' }));
    await ctx.reply(ctx.t('opinion-edit-ask'), { reply_markup: keyboard });
    const field = await ask('opinion-edit-hint', async (answer): Promise<Outcome<Field | null>> => {
      const picked = choice(answer, 'field') ?? choice(answer, 'summary');
      if (!picked) return undefined;
      await answer.answerCallbackQuery();
      await answer.editMessageReplyMarkup();
      const parsed = z.enum(fields).safeParse(picked.value);
      return { value: parsed.success ? parsed.data : null };
    });
    if (field === 'station') draft.station = await chooseStation(null);
    else if (field === 'category') draft.category = await chooseCategory();
    else if (field === 'text') draft.text = await askText();
    else if (field === 'photos') draft.attachments = await askPhotos();
    else if (field === 'location') draft.location = await askLocation();
    else if (field === 'phone') await askContact(draft);
  }
}
