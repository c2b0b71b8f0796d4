import { describe, expect, it } from 'vitest';
import { fitValues } from '../../src/bot/limits.js';

const referral = (values: { no: string; text: string; note: string }) => `New case ${values.no}:\n${values.text}\nNote: ${values.note}`;

describe('fitValues', () => {
  it('leaves a text that fits as it is', () => {
    const values = { no: 'MY-2612-0001', text: 'Lamp out.', note: 'East side.' };
    expect(fitValues(referral, values, 100)).toBe(referral(values));
  });

  it('shortens the long values to one length, keeping the short ones and every word of the template', () => {
    const fitted = fitValues(referral, { no: 'MY-2612-0001', text: '路'.repeat(5000), note: '注'.repeat(300) }, 1000);
    expect(fitted.length).toBeLessThanOrEqual(1000);
    expect(fitted.length).toBeGreaterThan(990);
    expect(fitted).toMatch(/^New case MY-2612-0001:\n路+…\nNote: 注{300}$/);
    const both = fitValues(referral, { no: 'MY-2612-0001', text: '路'.repeat(5000), note: '注'.repeat(5000) }, 1000);
    const [, text, note] = /:\n(路+…)\nNote: (注+…)$/.exec(both)!;
    expect(text!.length).toBe(note!.length);
  });

  it('never splits a surrogate pair, and cuts the whole text when shortening the values is not enough', () => {
    const fitted = fitValues(referral, { no: 'MY-2612-0001', text: '𠮷'.repeat(3000), note: '' }, 501);
    expect(fitted.length).toBeLessThanOrEqual(501);
    expect(fitted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const template = ({ name }: { name: string }) => `${'long template words '.repeat(20)}${name}`;
    expect(fitValues(template, { name: 'x'.repeat(500) }, 200)).toHaveLength(200);
  });
});
