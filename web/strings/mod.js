// @ts-check
/**
 * The languages `<parley-conversation>` ships, and how a `lang` plus a host's overrides
 * become the strings it shows.
 *
 * @module
 */
import { en } from "./en.js";
import { es } from "./es.js";

/** @typedef {import("./en.js").Strings} Strings */

/** The shipped languages, by their primary language subtag. */
export const LANGUAGES = /** @type {Readonly<Record<string, Strings>>} */ ({ en, es });

/**
 * The strings for `lang` (`"es-MX"` uses `es`; unknown languages use English), with any of
 * `overrides` on top (nested groups such as `stages` merge key by key).
 *
 * @example
 * ```js
 * import { stringsFor } from "./mod.js";
 * stringsFor("es-MX", { title: "Mi Parley" }).send; // "Enviar"
 * ```
 * @param {string | null | undefined} lang
 * @param {Partial<Strings> | null | undefined} [overrides]
 * @returns {Strings}
 */
export function stringsFor(lang, overrides) {
  const base = LANGUAGES[(lang ?? "").toLowerCase().split("-")[0] ?? ""] ?? en;
  if (!overrides) return base;
  /** @type {Record<string, unknown>} */
  const out = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const was = out[key];
    out[key] = isPlain(was) && isPlain(value) ? { ...was, ...value } : value;
  }
  return /** @type {Strings} */ (out);
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isPlain(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
