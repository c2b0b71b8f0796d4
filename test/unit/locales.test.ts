// Every user-visible string exists in both languages, with the same variables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslate, locales, localesDir } from '../../src/i18n/index.js';

interface Entry {
  variables: string[];
}

/** Messages (`key = …`) and their attributes (`.attr = …`) with the `$variables` they use. */
function parseFluent(source: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let current: string | undefined;
  for (const line of source.split('\n')) {
    const message = line.match(/^([a-zA-Z][\w-]*)\s*=(.*)$/);
    const attribute = line.match(/^\s+\.([a-zA-Z][\w-]*)\s*=(.*)$/);
    if (message) {
      current = message[1]!;
      entries.set(current, { variables: [] });
    } else if (attribute && current) {
      const base = current.split('.')[0]!;
      current = `${base}.${attribute[1]}`;
      entries.set(current, { variables: [] });
    } else if (line.startsWith('#')) {
      current = undefined;
    }
    if (current) {
      const entry = entries.get(current)!;
      for (const [, name] of line.matchAll(/\{\s*\$([\w-]+)/g)) if (!entry.variables.includes(name!)) entry.variables.push(name!);
    }
  }
  return entries;
}

const catalogues = Object.fromEntries(locales.map((locale) => [locale, parseFluent(readFileSync(join(localesDir, `${locale}.ftl`), 'utf8'))]));

describe('locales', () => {
  it('have the same keys in Chinese and English', () => {
    const zh = [...catalogues['zh-CN']!.keys()].sort();
    const en = [...catalogues.en!.keys()].sort();
    expect(en.filter((key) => !zh.includes(key)), 'in en.ftl only').toEqual([]);
    expect(zh.filter((key) => !en.includes(key)), 'in zh-CN.ftl only').toEqual([]);
  });

  it('use the same variables in each message in both languages', () => {
    // Names come as language pairs (`$stationZh` in Chinese, `$stationEn` in English):
    // the same variable for this check.
    const normalised = (entry: Entry) => [...new Set(entry.variables.map((name) => name.replace(/(Zh|En)$/, '')))].sort().join();
    const mismatches = [...catalogues['zh-CN']!.entries()]
      .filter(([key, entry]) => {
        const other = catalogues.en!.get(key);
        return other && normalised(entry) !== normalised(other);
      })
      .map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it('parse without Fluent errors and render every message', () => {
    const translate = createTranslate('zh-CN');
    for (const locale of locales) {
      for (const [key, entry] of catalogues[locale]!) {
        if (key.includes('.')) continue;
        const vars = Object.fromEntries(entry.variables.map((name) => [name, 1]));
        const text = translate(locale, key, vars);
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(text, `${locale} ${key}`).not.toMatch(/\{\$|\{ \$/);
      }
    }
  });
});
