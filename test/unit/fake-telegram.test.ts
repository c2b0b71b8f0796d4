import { Bot, InputFile } from 'grammy';
import { expect, it } from 'vitest';
import { FakeTelegram, testBotInfo } from '../helpers/telegram.js';
it('reads grammY multipart uploads: text fields and file bytes', async () => {
  const t = new FakeTelegram();
  const bot = new Bot('x', { botInfo: testBotInfo, client: { fetch: t.fetch } });
  await bot.api.sendDocument(5, new InputFile(Buffer.from('{"a":"数据"}'), 'data.json'), { caption: '你好' });
  const p = t.calls[0]!.payload as any;
  expect(p.chat_id).toBe(5);
  expect(p.caption).toBe('你好');
  const file = Object.values(p).find((v: any) => v?.filename) as any;
  expect(file.filename).toBe('data.json');
  expect(JSON.parse(file.content.toString())).toEqual({ a: '数据' });
});
