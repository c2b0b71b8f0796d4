import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createTestApp } from '../helpers/app.js';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect([config.BOT_TOKEN, config.DATABASE_URL, config.REDIS_URL, config.WEBHOOK_URL]).toEqual([undefined, undefined, undefined, undefined]);
    expect(config).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      TIME_ZONE: 'Asia/Shanghai',
      DEFAULT_LOCALE: 'zh-CN',
      OPINIONS_PER_HOUR: 5,
      OPINION_TEXT_MIN: 10,
      OPINION_TEXT_MAX: 2000,
    });
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', REDIS_URL: '  ', WEBHOOK_URL: '' });
    expect([config.DATABASE_URL, config.REDIS_URL, config.WEBHOOK_URL]).toEqual([undefined, undefined, undefined]);
  });

  it('names every bad value in one message', () => {
    expect(() => loadConfig({ OPINIONS_PER_HOUR: 'many', TELEGRAM_API_ROOT: 'not a url', WEBHOOK_SECRET: 'has spaces' })).toThrow(ConfigError);
    try {
      loadConfig({ OPINIONS_PER_HOUR: 'many', TELEGRAM_API_ROOT: 'not a url' });
    } catch (error) {
      expect((error as Error).message).toMatch(/OPINIONS_PER_HOUR/);
      expect((error as Error).message).toMatch(/TELEGRAM_API_ROOT/);
    }
  });

  it('sends Bot API calls to TELEGRAM_API_ROOT (a self-hosted Bot API server)', async () => {
    const app = await createTestApp({ env: { TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' } });
    try {
      await app.user(7).send('/language');
      expect(app.telegram.calls[0]?.url).toBe('http://127.0.0.1:8081/bottest-token/sendMessage');
    } finally {
      await app.close();
    }
  });
});
