import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('language and unhandled messages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('answers in Chinese by default and switches to English on request', async () => {
    const user = app.user(101);
    await user.send('/language');
    expect(user.inlineButtons()).toEqual(['简体中文', 'English']);
    await user.press('English');
    expect(user.lastText()).toBe('Switched to English.');
    await user.sendSticker();
    expect(user.lastText()).toMatch(/Stickers, voice notes/);
  });

  it('keeps the choice across updates before consent (session in the database)', async () => {
    const user = app.user(102, 'en');
    await user.send('hello');
    expect(user.lastText()).toMatch(/I didn't understand/);
    await user.send('/language');
    await user.press('简体中文');
    await user.sendVoice();
    expect(user.lastText()).toMatch(/暂时无法处理贴纸、语音/);
  });
});
