// The delivery pacer's order in the global window, in memory and on Redis: a chat with
// more messages waiting gets the next slot before a chat's single message; a message in
// flight counts until its answer. Long windows (a minute) so that nothing here depends on
// how fast the machine is, but where a window must pass.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDeliveryPacer, type DeliveryPacer } from '../../src/delivery/pacer.js';
import { redisNamespace, redisUrl } from './helpers.js';

const namespace = redisNamespace('pacer');
afterAll(() => namespace.cleanup());

const limits = { perWindow: 2, windowMs: 60_000, perChatIntervalMs: 30_000, maxFlightMs: 120_000 };

describe.each(['memory', 'redis'] as const)('delivery pacer (%s)', (kind) => {
  const pacers: DeliveryPacer[] = [];
  const pacer = (overrides: Partial<typeof limits> = {}) => {
    const created = createDeliveryPacer({ redisUrl: kind === 'redis' ? redisUrl : undefined, prefix: namespace.next(), limits: { ...limits, ...overrides } });
    pacers.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(pacers.splice(0).map((p) => p.close()));
  });

  it('grants single messages while no chat with a backlog waits', async () => {
    const p = pacer();
    expect(await p.take(1n, 1)).toMatchObject({ granted: true });
    expect(await p.take(2n, 1)).toMatchObject({ granted: true });
    expect(await p.take(3n, 1)).toMatchObject({ granted: false, scope: 'global' });
  });

  it('holds a slot back for a chat whose next message waits for its second', async () => {
    const p = pacer();
    expect(await p.take(1n, 3)).toMatchObject({ granted: true });
    // Chat 1's next message must wait for its chat: it reserves the window's other slot.
    expect(await p.take(1n, 2)).toMatchObject({ granted: false, scope: 'chat' });
    expect(await p.take(2n, 1)).toMatchObject({ granted: false, scope: 'global' });
    // Another chat with a backlog is not held back by it.
    expect(await p.take(3n, 2)).toMatchObject({ granted: true });
  });

  it('counts a message in flight until its answer, however long the request takes', async () => {
    // A 100 ms window: an upload on a loaded machine may well take longer than Telegram's second.
    const p = pacer({ perWindow: 1, windowMs: 100, perChatIntervalMs: 100 });
    const first = await p.take(1n, 1);
    expect(first).toMatchObject({ granted: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The window has passed since the slot was taken, but Telegram has not answered yet.
    expect(await p.take(2n, 1)).toMatchObject({ granted: false, scope: 'global' });
    const sameChat = await p.take(1n, 1);
    expect(sameChat).toMatchObject({ granted: false, scope: 'chat' });
    expect(sameChat.granted || sameChat.waitMs).toBeLessThanOrEqual(100);
    await p.answered(1n, first.granted ? first.slot : '');
    // Now the slot counts from the answer: a window later the next message may go.
    expect(await p.take(2n, 1)).toMatchObject({ granted: false, scope: 'global' });
    let next = await p.take(2n, 1);
    while (!next.granted) {
      await new Promise((resolve) => setTimeout(resolve, next.granted ? 0 : next.waitMs));
      next = await p.take(2n, 1);
    }
    expect(next.granted).toBe(true);
  });
});
