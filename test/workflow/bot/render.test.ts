import { InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../src/bot/notifications/render.js';
import type { NotificationMessage } from '../../../src/delivery/message.js';
import { createTranslate } from '../../../src/i18n/index.js';

const translate = createTranslate('zh-CN');
const render = (message: NotificationMessage, personLocale = 'zh-CN') =>
  renderNotification({ chatId: 123n, payload: message as never }, { translate, personLocale, botUsername: 'minyi_test_bot' });
const buttons = (markup: unknown) => (markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();

describe('renderNotification', () => {
  it('renders in the recipient’s current language with the feature’s buttons', () => {
    const zh = render({ key: 'evaluation-comment-prompt', action: { type: 'evaluate', opinionId: 7, round: 2 } });
    expect(zh.method).toBe('sendMessage');
    expect(zh.params).toMatchObject({ chat_id: 123, text: '还有什么想补充的吗？可以直接写下您的看法，也可以跳过。' });
    expect(buttons(zh.params.reply_markup)).toEqual([
      { text: '满意', callback_data: 'ev:7:2:S' },
      { text: '基本满意', callback_data: 'ev:7:2:B' },
      { text: '不满意', callback_data: 'ev:7:2:D' },
    ]);
    const en = render({ key: 'case-done-refer', vars: { trackingNo: 'MY-2611-0001' }, action: { type: 'triage', opinionId: 7 } }, 'en');
    expect(en.params).toMatchObject({ text: 'MY-2611-0001 referred.' });
    expect(buttons(en.params.reply_markup)).toEqual([{ text: 'Open and handle', callback_data: 'case:7' }]);
    expect(buttons(render({ key: 'inbox-empty', action: { type: 'agency-case', opinionId: 8 } }).params.reply_markup)).toEqual([{ text: '查看交办件', callback_data: 'case:8' }]);
    expect(buttons(render({ key: 'inbox-empty', action: { type: 'open-opinion', opinionId: 9 } }).params.reply_markup)).toEqual([{ text: '查看进度', callback_data: 'case:9' }]);
    expect(render({ key: 'inbox-empty' }).params).not.toHaveProperty('reply_markup');
  });

  it('sends files as documents or photos with the text as caption', () => {
    const document = render({ key: 'inbox-empty', file: { path: '/tmp/report.xlsx', filename: '2026-11.xlsx', kind: 'document' } });
    expect(document.method).toBe('sendDocument');
    expect(document.params).toMatchObject({ chat_id: 123, caption: '目前没有等待您处理的意见。' });
    const file = (document.params as { document: InputFile }).document;
    expect(file).toBeInstanceOf(InputFile);
    expect(file.filename).toBe('2026-11.xlsx');
    expect(render({ key: 'inbox-empty', file: { path: '/tmp/chart.png', filename: 'chart.png', kind: 'photo' } }).method).toBe('sendPhoto');
  });
});
