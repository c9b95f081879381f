/**
 * `deno doc --lint` over the public entry points, read as one documentation set (a type
 * that one entry point exports is public for the others too). It fails on every
 * diagnostic except the few that no change to our code can satisfy, listed in
 * {@link TOLERATED} with the reason, and says how many of those it let through. Used by
 * `deno task doc:lint`; `server/mod.ts` is not in the list yet (see `deno.json`).
 *
 * @module
 */

/** The modules developers import, linted together. */
export const ENTRY_POINTS: readonly string[] = [
  "agents/mod.ts",
  "agents/offline/mod.ts",
  "agents/llm/mod.ts",
  "protocol/mod.js",
  "protocol/brief.js",
  "protocol/brief_wire.js",
  "protocol/verify.js",
  "web/client.js",
  "web/conversation-controller.js",
  "web/parley-conversation.js",
  "web/parley.js",
];

/**
 * Types from other packages that our public types name. deno doc calls another package's
 * exported types private (denoland/deno#27364), and re-exporting them would make it lint
 * that package's own declarations instead.
 */
export const EXTERNAL_TYPES: Readonly<Record<string, string>> = {
  ZodType: "zod (the schema an analyst's output must satisfy)",
  LanguageModel: "ai (the AI SDK model the LLM engine calls)",
  LitElement: "lit (the base class of `<parley-conversation>`)",
};

/** One diagnostic of `deno doc --lint`. */
export interface DocDiagnostic {
  /** The rule, e.g. `missing-jsdoc`. */
  kind: string;
  /** The first line of the message. */
  message: string;
  /** `path:line:col` of the symbol. */
  location: string;
  /** The whole block as deno doc printed it, snippet included. */
  text: string;
  /** The JSDoc block just above the symbol in its source, when {@link lintDocs} read it. */
  jsDoc?: string;
}

/** A kind of diagnostic let through, and why. */
export interface Tolerance {
  /** Why it cannot be fixed in our code. */
  reason: string;
  /** Whether a diagnostic is of this kind. */
  matches(d: DocDiagnostic): boolean;
}

/** The diagnostics let through; everything else fails. */
export const TOLERATED: readonly Tolerance[] = [
  {
    reason: "plain-JS function with a JSDoc `@returns` that deno doc does not read (it takes " +
      "types from TypeScript syntax only; `deno check` checks the JSDoc)",
    matches: (d) =>
      d.kind === "missing-return-type" && isJs(d) && /@returns?\b/.test(d.jsDoc ?? ""),
  },
  {
    reason: "plain-JS constant built by a call (a zod schema, `Object.freeze`, `import()`): " +
      "deno doc infers types from literals and `new X()` only and reads no JSDoc `@type`; " +
      "`deno check` infers it",
    matches: (d) => d.kind === "missing-explicit-type" && isJs(d),
  },
  {
    reason: "type from another package (denoland/deno#27364): " +
      Object.entries(EXTERNAL_TYPES).map(([name, from]) => `${name} from ${from}`).join(", "),
    matches: (d) =>
      d.kind === "private-type-ref" &&
      Object.hasOwn(EXTERNAL_TYPES, /references private type '([^']+)'/.exec(d.message)?.[1] ?? ""),
  },
];

function isJs(d: DocDiagnostic): boolean {
  return /\.js:\d+:\d+$/.test(d.location);
}

/** What one run found: the failures, and the tolerated diagnostics by reason. */
export interface DocLintReport {
  /** Diagnostics no tolerance covers: each one fails the gate. */
  failures: DocDiagnostic[];
  /** How many diagnostics each tolerance let through, by reason. */
  tolerated: Map<string, number>;
}

const HEAD = /^error\[([a-z-]+)\]: (.*)$/;
const WHERE = /^\s*--> (.+:\d+:\d+)\s*$/;
const TOTAL = /^error: Found (\d+) documentation lint errors?\.$/m;

/**
 * Splits `deno doc --lint` output (without colours: `NO_COLOR=1`) into diagnostics.
 *
 * @throws {SyntaxError} when the count deno doc printed differs from the blocks read.
 */
export function parseDocLint(output: string): DocDiagnostic[] {
  const lines = output.split("\n");
  const out: DocDiagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = HEAD.exec(lines[i]!);
    if (!head) continue;
    let end = i + 1;
    while (end < lines.length && !HEAD.test(lines[end]!) && !TOTAL.test(lines[end]!)) end++;
    const block = lines.slice(i, end);
    const where = block.map((l) => WHERE.exec(l)?.[1]).find((w) => w !== undefined) ?? "";
    out.push({ kind: head[1]!, message: head[2]!, location: where, text: block.join("\n").trim() });
    i = end - 1;
  }
  const total = TOTAL.exec(output);
  const expected = total ? Number(total[1]) : 0;
  if (expected !== out.length) {
    throw new SyntaxError(
      `Cannot read deno doc's output: it reports ${expected} errors, ${out.length} were read`,
    );
  }
  return out;
}

/** Sorts diagnostics into failures and tolerated ones. */
export function classify(diagnostics: readonly DocDiagnostic[]): DocLintReport {
  const failures: DocDiagnostic[] = [];
  const tolerated = new Map<string, number>();
  for (const d of diagnostics) {
    const t = TOLERATED.find((t) => t.matches(d));
    if (t) tolerated.set(t.reason, (tolerated.get(t.reason) ?? 0) + 1);
    else failures.push(d);
  }
  return { failures, tolerated };
}

/**
 * Runs `deno doc --lint` on the given modules (relative to `cwd`) and sorts what it says.
 *
 * @throws {Error} when deno doc fails without printing diagnostics (a module that does not
 * resolve, for example).
 */
export async function lintDocs(
  entryPoints: readonly string[] = ENTRY_POINTS,
  cwd?: string,
): Promise<DocLintReport> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--lint", ...entryPoints],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
    ...(cwd === undefined ? {} : { cwd }),
  }).output();
  const text = new TextDecoder().decode(stderr) + new TextDecoder().decode(stdout);
  const diagnostics = parseDocLint(text);
  for (const d of diagnostics) {
    const jsDoc = await jsDocAbove(d.location);
    if (jsDoc !== undefined) d.jsDoc = jsDoc;
  }
  if (code !== 0 && diagnostics.length === 0) {
    throw new Error(`deno doc --lint failed (exit ${code}): ${text.trim()}`);
  }
  return classify(diagnostics);
}

/** The JSDoc block that ends on the line above `path:line:col`, if any. */
async function jsDocAbove(location: string): Promise<string | undefined> {
  const m = /^(.+):(\d+):\d+$/.exec(location);
  if (!m) return undefined;
  let source: string;
  try {
    source = await Deno.readTextFile(m[1]!);
  } catch {
    return undefined;
  }
  const lines = source.split("\n");
  const block: string[] = [];
  for (let i = Number(m[2]) - 2; i >= 0 && /^\s*(\/\*\*|\*)/.test(lines[i]!); i--) {
    block.unshift(lines[i]!);
    if (/^\s*\/\*\*/.test(lines[i]!)) break;
  }
  return block.length > 0 ? block.join("\n") : undefined;
}

if (import.meta.main) {
  const { failures, tolerated } = await lintDocs();
  const say = (s: string) => Deno.stderr.writeSync(new TextEncoder().encode(s + "\n"));
  for (const f of failures) say(f.text + "\n");
  for (const [reason, n] of tolerated) say(`doc:lint: tolerated ${n} × ${reason}`);
  say(
    failures.length === 0
      ? `doc:lint: ok (${ENTRY_POINTS.join(", ")})`
      : `doc:lint: ${failures.length} documentation lint errors`,
  );
  Deno.exit(failures.length === 0 ? 0 : 1);
}
