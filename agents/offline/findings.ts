/**
 * The findings of everything `detect()` recognised (places, domains, regulations,
 * alternatives), flattened per kind with the evidence of the entry that brought each one,
 * so that each analyst takes its part (risks, requirements, integrations, …) in one line.
 *
 * @module
 */
import type { Evidence } from "../../protocol/brief.js";
import type { Detection, Findings } from "./knowledge/types.ts";

/** A finding with the person's words and the rule behind it. */
export interface Sourced<T> {
  item: T;
  evidence: Evidence[];
  /** The entry, e.g. `regulation:us-fcra`. */
  rule: string;
  /** The entry's label, e.g. `FCRA`. */
  label: string;
}

/** A detection with nothing found: for requirements without a transcript. */
export const NOTHING_DETECTED: Detection = {
  jurisdictions: [],
  domains: [],
  regulations: [],
  alternatives: [],
  uncovered: [],
};

type ListKey = "risks" | "requirements" | "integrations" | "data" | "components" | "notes";
type Item<K extends ListKey> = NonNullable<Findings[K]>[number];

const cache = new WeakMap<Detection, Map<ListKey, Sourced<unknown>[]>>();

/**
 * One kind of finding of every found entry, most specific entry first (domains, then
 * regulations, places, alternatives), each with its evidence.
 *
 * @example
 * ```ts
 * import { findingsOf, NOTHING_DETECTED } from "./findings.ts";
 *
 * if (findingsOf(NOTHING_DETECTED, "risks").length !== 0) throw new Error("expected no risks");
 * ```
 */
export function findingsOf<K extends ListKey>(d: Detection, key: K): Sourced<Item<K>>[] {
  let byKey = cache.get(d);
  if (!byKey) cache.set(d, byKey = new Map());
  const hit = byKey.get(key);
  if (hit) return hit as Sourced<Item<K>>[];
  const out: Sourced<Item<K>>[] = [];
  const groups = [
    ["domain", d.domains],
    ["regulation", d.regulations],
    ["place", d.jurisdictions],
    ["alternative", d.alternatives],
  ] as const;
  for (const [kind, found] of groups) {
    for (const f of found) {
      const list = (f.entry.findings[key] ?? []) as readonly Item<K>[];
      for (const item of list) {
        out.push({ item, evidence: f.evidence, rule: `${kind}:${f.id}`, label: f.label });
      }
    }
  }
  byKey.set(key, out as Sourced<unknown>[]);
  return out;
}
