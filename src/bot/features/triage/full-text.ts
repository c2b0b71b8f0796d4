// The whole case, paged: the card shortens long texts and keeps the latest history; its
// "full text" button posts this pager, whose ◀ ▶ turn the page in place.
import type { AppContext } from '../../context.js';
import { pageView } from '../../limits.js';
import { caseFullText } from './callback-data.js';
import { fullCaseText, loadCaseView } from './case-view.js';

export async function sendFullText(ctx: AppContext, request: { id: number; page: number; fresh: number }): Promise<void> {
  const view = await loadCaseView(ctx, request.id);
  if (!view) return;
  const page = pageView({
    header: ctx.t('case-full-text-header', { trackingNo: view.trackingNo }),
    text: await fullCaseText(ctx, view),
    page: request.page,
    packPage: (page) => caseFullText.pack({ id: view.id, page, fresh: 0 }),
    counter: (page, pages) => ctx.t('page-counter', { page, pages }),
  });
  if (request.fresh) await ctx.reply(page.text, { reply_markup: page.keyboard });
  else await ctx.editMessageText(page.text, { reply_markup: page.keyboard });
}
