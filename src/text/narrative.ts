/*
 * The one check a narrative passes before it is tagged, over HTTP and in
 * batch alike. It only decides; it never changes the text. Evidence offsets
 * are UTF-16 code unit indices (JavaScript string indices) into the string
 * exactly as the caller sent it, so trimming here, or anywhere before the
 * tagger, would shift every span by the whitespace removed.
 */

import { MAX_TEXT_LENGTH } from '../limits.js';

/** The oversized-text limit (INTERFACE.md: 20,000 characters, counted as JavaScript string length), kept in src/limits.ts. */
export { MAX_TEXT_LENGTH };

export type TextProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too_long'; readonly length: number; readonly max: number };

/** Why a value cannot be tagged as a narrative, or null when it can. Whitespace-only text is empty. */
export function textProblem(text: unknown, max: number = MAX_TEXT_LENGTH): TextProblem | null {
  if (typeof text !== 'string') return { kind: 'missing' };
  if (text.trim().length === 0) return { kind: 'empty' };
  if (text.length > max) return { kind: 'too_long', length: text.length, max };
  return null;
}
