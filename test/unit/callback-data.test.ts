// Callback data prefixes: each belongs to one kind of button. Two features once shared
// 'pk' (a progress choice and the supervising leader of a key proposal): the feature
// registered first took both, and choosing a leader failed.
import { describe, expect, it } from 'vitest';
import { defineCallbackData } from '../../src/bot/callback-data.js';
// Every feature's callback data is defined when the features are imported: a prefix
// defined twice fails this import.
import '../../src/bot/features/index.js';

describe('callback data', () => {
  it('refuses a prefix defined already', () => {
    expect(() => defineCallbackData('pa', {})).toThrow('callback prefix pa is already defined');
  });
});
