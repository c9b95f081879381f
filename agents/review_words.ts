/**
 * The words the offline correction reader knows: replies that accept, names of fields,
 * and platform words that "no mobile app" rules out. Data only; `agents/review.ts` reads it.
 *
 * @module
 */
import type { ReviewField } from "./review.ts";

/** Replies that accept what was understood (compared lower-case, punctuation stripped). */
export const ACCEPT_REPLIES: readonly string[] = [
  "",
  "ok",
  "okay",
  "ok go on",
  "yes",
  "y",
  "yep",
  "sure",
  "fine",
  "correct",
  "right",
  "good",
  "looks good",
  "looks right",
  "all good",
  "go on",
  "go ahead",
  "continue",
  "proceed",
  "thats right",
  "that is right",
  "thats correct",
  "that is correct",
  "no changes",
  "nothing to change",
  "lgtm",
];

/** Words a person may use for each field, longest first within a field. */
export const FIELD_WORDS: readonly (readonly [ReviewField, readonly string[]])[] = [
  ["timeline", ["timeline", "time line", "deadline", "timeframe", "time frame", "launch date"]],
  ["budget", ["budget", "money", "funding", "cost"]],
  ["scale", ["scale", "expected users", "traffic", "size"]],
  ["purpose", ["purpose", "goal", "aim"]],
  ["users", ["users", "user groups", "user", "audience", "customers", "people"]],
  ["platforms", ["platforms", "platform", "devices"]],
  ["features", ["features", "feature", "mvp", "must haves", "functionality"]],
  ["compliance", ["compliance", "regulations", "regulation", "standards"]],
  ["jurisdictions", ["jurisdictions", "jurisdiction", "countries", "country", "markets", "region"]],
];

/** What a ruled-out word removes from the platforms, by the word the person used. */
export const PLATFORM_WORDS: readonly (readonly [RegExp, RegExp])[] = [
  [/\b(mobile|phone|app store)\b/i, /\b(ios|iphone|ipad|android|mobile)\b/i],
  [/\b(ios|iphone|ipad|apple)\b/i, /\b(ios|iphone|ipad)\b/i],
  [/\bandroid\b/i, /\bandroid\b/i],
  [/\b(web|browser|website)\b/i, /\b(web|browser)\b/i],
  [/\bdesktop\b/i, /\b(desktop|windows|macos|linux)\b/i],
];

/** Fields that hold a list of items. */
export const LIST_FIELDS: ReadonlySet<ReviewField> = new Set<ReviewField>([
  "users",
  "platforms",
  "features",
  "compliance",
  "jurisdictions",
  "later",
  "excluded",
]);
