/**
 * The prompts of the LLM engine: Markdown files in `agents/prompts/`, versioned with the
 * code and read once when this module loads (so `deno compile` needs
 * `--include agents/prompts`). Each file may start with front matter naming the schema its
 * answer must fill (`schema: ProductAnalysis`, or `text` for prose, `any` for the generic
 * analyst); `{{name}}` placeholders in the body are filled by {@link renderPrompt}.
 *
 * @module
 */
import type { z } from "zod";
import {
  CustomerAnalysis,
  EngineerAnalysis,
  ProductAnalysis,
  RiskAnalysis,
} from "../../protocol/brief.js";
import { ClarifyPlan } from "./schemas.ts";

/** The schemas a prompt may name in its front matter. */
export const PROMPT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ClarifyPlan,
  ProductAnalysis,
  CustomerAnalysis,
  EngineerAnalysis,
  RiskAnalysis,
};

/** One prompt file, parsed. */
export interface Prompt {
  /** File name without `.md`, e.g. `product`. */
  name: string;
  /** What the front matter says, e.g. `{ schema: "ProductAnalysis" }`. */
  meta: Readonly<Record<string, string>>;
  /** The schema named by `meta.schema`, when it names one of {@link PROMPT_SCHEMAS}. */
  schema?: z.ZodType;
  /** The text after the front matter, with its `{{placeholders}}`. */
  body: string;
}

/** Names of the prompt files, in `agents/prompts/`. */
export const PROMPT_NAMES = [
  "system",
  "clarifier",
  "product",
  "customer",
  "engineer",
  "risk",
  "analyst",
  "overview",
  "retry",
] as const;
/** The name of a prompt file. */
export type PromptName = typeof PROMPT_NAMES[number];

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * Parses a prompt file: optional `---` front matter of `key: value` lines, then the body.
 *
 * @throws {SyntaxError} When a front matter line is not `key: value`, or names a schema
 * that is neither one of {@link PROMPT_SCHEMAS} nor `text` or `any`.
 */
export function parsePrompt(name: string, source: string): Prompt {
  const match = FRONT_MATTER.exec(source);
  const meta: Record<string, string> = {};
  for (const line of match?.[1]?.split(/\r?\n/) ?? []) {
    if (line.trim() === "") continue;
    const kv = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!kv) {
      throw new SyntaxError(`Invalid front matter in prompt ${name}: "${line}" is not key: value`);
    }
    meta[kv[1]!] = kv[2]!.trim();
  }
  const schemaName = meta.schema;
  const schema = schemaName === undefined ? undefined : PROMPT_SCHEMAS[schemaName];
  if (schemaName !== undefined && !schema && schemaName !== "text" && schemaName !== "any") {
    throw new SyntaxError(
      `Unknown schema "${schemaName}" in prompt ${name}: use one of ${
        [...Object.keys(PROMPT_SCHEMAS), "text", "any"].join(", ")
      }`,
    );
  }
  const body = match ? source.slice(match[0].length) : source;
  return { name, meta, body: body.trim(), ...(schema ? { schema } : {}) };
}

/**
 * Fills the `{{name}}` placeholders of a prompt body.
 *
 * @throws {TypeError} When the body uses a placeholder that `vars` does not give, so a
 * renamed variable fails in tests rather than reaching a model as `{{typo}}`.
 *
 * @example
 * ```ts
 * renderPrompt("Round {{round}}", { round: "2" }); // "Round 2"
 * ```
 */
export function renderPrompt(body: string, vars: Readonly<Record<string, string>>): string {
  return body.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new TypeError(`Prompt placeholder {{${key}}} has no value`);
    return value;
  });
}

function load(name: PromptName): Prompt {
  const url = new URL(`../prompts/${name}.md`, import.meta.url);
  return parsePrompt(name, Deno.readTextFileSync(url));
}

/** Every prompt, read and parsed when this module loads. */
export const PROMPTS: Readonly<Record<PromptName, Prompt>> = Object.fromEntries(
  PROMPT_NAMES.map((n) => [n, load(n)]),
) as Record<PromptName, Prompt>;
