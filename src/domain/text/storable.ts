// What people type may hold characters PostgreSQL refuses: NUL (text and jsonb reject
// it, 22P05 / 22021) and lone UTF-16 surrogates (jsonb rejects their \u escapes). Every
// adapter strips them before anything a person typed is stored.

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters PostgreSQL cannot store; everything else untouched. */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '');
}
