import { badRequest } from './errors.js';
import type { UploadedFile } from './body-parser.js';

/**
 * Typed access to method parameters. JSON bodies carry real types; form and
 * multipart bodies carry strings, with objects JSON-encoded (that is how grammY
 * sends `reply_markup` next to an upload), so every getter accepts both.
 */
export class Params {
  constructor(
    readonly values: Record<string, unknown>,
    readonly files: Map<string, UploadedFile>,
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw badRequest(`parameter "${name}" must be a string`);
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw badRequest(`${name} is required`);
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isInteger(number)) throw badRequest(`parameter "${name}" must be an integer`);
    return number;
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw badRequest(`${name} is required`);
    return value;
  }

  number(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(number)) throw badRequest(`parameter "${name}" must be a number`);
    return number;
  }

  boolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0' || value === '') return false;
    throw badRequest(`parameter "${name}" must be a boolean`);
  }

  /** A JSON-serialised object or array parameter (reply_markup, entities, scope, …). */
  json<T>(name: string): T | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
}
