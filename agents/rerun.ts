/**
 * Re-running only what changed: what an analyst reads ({@link AgentReads}), a stable
 * fingerprint of that input, and the "what changed" summary between two versions of a
 * brief. The pipeline reuses an analyst's previous result when the fingerprint of what it
 * reads is one it has seen.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { type Brief, Requirements } from "../protocol/brief.js";

/** A requirements field an analyst may read. */
export type RequirementsField = Exclude<keyof Requirements, "evidence">;

/**
 * Every requirements field, from the schema itself: what an analyst reads when its result
 * weighs everything the person said (a field added to the schema is read without an edit here).
 */
export const EVERY_FIELD: readonly RequirementsField[] = Object.keys(Requirements.shape)
  .filter((k): k is RequirementsField => k !== "evidence");

/**
 * What an analyst's result depends on: requirements fields (with their evidence) and the
 * results of earlier analysts. An answer that changes none of the fields it reads keeps its
 * result. The model engine sends the analyst only this part (`agents/llm/inputs.ts`): those
 * fields, the answers about them, the checklist items about them and those results; the
 * offline engine is handed everything and reads what its rules need.
 */
export interface AgentReads {
  /** The requirements fields it reads (their evidence comes with them). */
  requirements: readonly RequirementsField[];
  /** Earlier analysts whose results it reads, by name. */
  results?: readonly string[];
}

/**
 * JSON with object keys sorted, so equal values always give the same text: the same text as
 * `JSON.stringify` with a key-sorting replacer (stored fingerprints depend on it), written
 * out in one pass without a sorted copy of every object.
 */
export function stableJson(value: unknown): string {
  // Like `JSON.stringify(undefined)`, nothing for a value JSON cannot hold; hashed as "".
  return write(value, false) ?? "";
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The order a key-sorted copy of `obj` would have: integer-like keys first, in numeric order
 * (objects always list those first, ascending, as `Object.keys` does), then the rest sorted.
 */
function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  let i = 0;
  while (i < keys.length && INDEX.test(keys[i]!) && Number(keys[i]) < 4294967295) i++;
  if (i === 0) return keys.sort();
  return keys.slice(0, i).concat(keys.slice(i).sort());
}

/** One value's stable JSON; `undefined` where `JSON.stringify` omits it (or, in an array, writes `null`). */
function write(value: unknown, inArray: boolean): string | undefined {
  let v = value;
  if (
    v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function"
  ) {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  if (v === null || typeof v !== "object") {
    const t = JSON.stringify(v) as string | undefined;
    return t === undefined && inArray ? "null" : t;
  }
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + write(v[i], true);
    return out + "]";
  }
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let out = "{";
  let first = true;
  for (const k of keys) {
    const t = write(obj[k], false);
    if (t === undefined) continue;
    out += (first ? "" : ",") + JSON.stringify(k) + ":" + t;
    first = false;
  }
  return out + "}";
}

/**
 * The SHA-256 of a value's stable JSON, hex, first 32 characters: equal inputs give
 * equal fingerprints whatever the order of their keys. Synchronous (`node:crypto`), since
 * `crypto.subtle`'s promise per call cost more than the hash on the server's hot path; the
 * values are the same as before, so keys stored by earlier versions still match.
 *
 * @example
 * ```ts
 * const a = fingerprint({ x: 1, y: 2 });
 * console.assert(a === fingerprint({ y: 2, x: 1 }));
 * ```
 */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex").slice(0, 32);
}

/**
 * The part of the input an analyst reads: the declared requirements fields, the evidence
 * of those fields (`timeline`, `users:nurses`), and the declared earlier results. Without
 * `reads` the whole input counts.
 */
export function readInput(
  reads: AgentReads | undefined,
  requirements: Requirements,
  results: Readonly<Record<string, unknown>>,
  transcript: unknown,
): unknown {
  if (!reads) return { requirements, results, transcript };
  const fields = new Set<string>(reads.requirements);
  const req: Record<string, unknown> = {};
  for (const f of reads.requirements) req[f] = requirements[f];
  const evidence: Record<string, unknown> = {};
  for (const [key, ev] of Object.entries(requirements.evidence ?? {})) {
    if (fields.has(key.split(":")[0]!)) evidence[key] = ev;
  }
  const res: Record<string, unknown> = {};
  for (const r of reads.results ?? []) res[r] = results[r];
  return { requirements: req, evidence, results: res };
}

/** What changed between two versions of a brief (`complete.data.changes`). */
export interface BriefChanges {
  /** The version this one replaces. */
  from: number;
  /** Requirements fields whose value changed, with both values. */
  fields: { field: string; before: unknown; after: unknown }[];
  /** Product requirements (by text) added and removed. */
  requirements: { added: string[]; removed: string[] };
  /** Risks (by title) added and removed. */
  risks: { added: string[]; removed: string[] };
  /** Analysts re-run for this version, and those whose result was kept. */
  rerun: string[];
  kept: string[];
}

const DIFF_FIELDS: readonly RequirementsField[] = [
  "idea",
  "purpose",
  "users",
  "platforms",
  "features",
  "scale",
  "budget",
  "timeline",
  "compliance",
  "jurisdictions",
  "later",
  "excluded",
  "domains",
];

function texts(items: unknown, key: string): string[] {
  if (!Array.isArray(items)) return [];
  return items.map((i) => (i && typeof i === "object" ? (i as Record<string, unknown>)[key] : i))
    .filter((t): t is string => typeof t === "string");
}

function addedRemoved(before: string[], after: string[]) {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((t) => !b.has(t)), removed: before.filter((t) => !a.has(t)) };
}

/**
 * Compares two briefs: fields changed, product requirements and risks added and removed.
 *
 * @example
 * ```ts
 * import { diffBriefs } from "./rerun.ts";
 * import type { Brief } from "../protocol/brief.js";
 *
 * const requirements = {
 *   idea: "A booking app for dog walkers", users: ["dog owners"], platforms: ["web"],
 *   features: [], compliance: [], domains: [], notes: [],
 * };
 * const v1: Brief = {
 *   title: "Dog walks", engine: "offline", requirements, transcript: [], results: {}, failed: [],
 * };
 * const v2: Brief = { ...v1, requirements: { ...requirements, platforms: ["web", "iOS"] } };
 * const changes = diffBriefs(1, v1, v2, { rerun: ["risk"], kept: ["customer"] });
 * if (changes.fields[0]?.field !== "platforms") throw new Error("platforms changed");
 * ```
 */
export function diffBriefs(
  from: number,
  before: Brief,
  after: Brief,
  agents: { rerun: string[]; kept: string[] },
): BriefChanges {
  const fields: BriefChanges["fields"] = [];
  for (const f of DIFF_FIELDS) {
    const b = before.requirements[f];
    const a = after.requirements[f];
    if (stableJson(b ?? null) !== stableJson(a ?? null)) {
      fields.push({ field: f, before: b ?? null, after: a ?? null });
    }
  }
  const reqs = (brief: Brief) =>
    texts((brief.results.product as { requirements?: unknown } | undefined)?.requirements, "text");
  const risks = (brief: Brief) =>
    texts((brief.results.risk as { risks?: unknown } | undefined)?.risks, "title");
  return {
    from,
    fields,
    requirements: addedRemoved(reqs(before), reqs(after)),
    risks: addedRemoved(risks(before), risks(after)),
    rerun: agents.rerun,
    kept: agents.kept,
  };
}
