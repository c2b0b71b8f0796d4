// The delivery pacer's order in the global window, in memory and on Redis: a chat with
// more messages waiting gets the next slot before a chat's single message. Long windows
// (a minute) so that nothing here depends on how fast the machine is.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDeliveryPacer, type DeliveryPacer } from '../../src/delivery/pacer.js';
import { redisNamespace, redisUrl } from './helpers.js';

const namespace = redisNamespace('pacer');
afterAll(() => namespace.cleanup());

const limits = { perWindow: 2, windowMs: 60_000, perChatIntervalMs: 30_000 };

describe.each(['memory', 'redis'] as const)('delivery pacer (%s)', (kind) => {
  const pacers: DeliveryPacer[] = [];
  const pacer = () => {
    const created = createDeliveryPacer({ redisUrl: kind === 'redis' ? redisUrl : undefined, prefix: namespace.next(), limits });
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
});
