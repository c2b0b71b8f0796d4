// Typed callback data: `prefix:field1:field2`, validated on the way back in.
// Telegram allows 64 bytes, so fields are short ids and codes.
import { z } from 'zod';

export interface CallbackData<Shape extends z.ZodRawShape> {
  prefix: string;
  pack(data: z.input<z.ZodObject<Shape>>): string;
  /** For `composer.callbackQuery(x.filter, …)`. */
  filter: RegExp;
  unpack(data: string): z.output<z.ZodObject<Shape>>;
}

/** Prefixes defined so far: a button whose prefix another feature also used went to whichever feature came first. */
const definedPrefixes = new Set<string>();

export function defineCallbackData<Shape extends z.ZodRawShape>(prefix: string, shape: Shape): CallbackData<Shape> {
  if (prefix.includes(':')) throw new Error(`callback prefix ${prefix} must not contain ':'`);
  if (definedPrefixes.has(prefix)) throw new Error(`callback prefix ${prefix} is already defined`);
  definedPrefixes.add(prefix);
  const schema = z.object(shape);
  const keys = Object.keys(shape);
  return {
    prefix,
    filter: new RegExp(`^${prefix}(:|$)`),
    pack(data) {
      const values = keys.map((key) => {
        const value = String((data as Record<string, unknown>)[key] ?? '');
        if (value.includes(':')) throw new Error(`callback field ${key} must not contain ':'`);
        return value;
      });
      const packed = [prefix, ...values].join(':');
      if (Buffer.byteLength(packed) > 64) throw new Error(`callback data too long: ${packed}`);
      return packed;
    },
    unpack(data) {
      const [, ...values] = data.split(':');
      return schema.parse(Object.fromEntries(keys.map((key, index) => [key, values[index] ?? ''])));
    },
  };
}
