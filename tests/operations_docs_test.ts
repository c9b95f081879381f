/**
 * docs/operations.md documents every metric the code declares, with its type: both those a
 * source file declares (`describe("parley_…", "type", …)`, `gauge("parley_…", …)`) and those
 * a real server renders, the model metrics included.
 */
import assert from "node:assert/strict";
import { DEFAULTS } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { createParley } from "../server/mod.ts";
import { ScriptedEngine } from "../agents/testing.ts";
import { parseExposition } from "./_prometheus.ts";

const root = new URL("../", import.meta.url);
const doc = await Deno.readTextFile(new URL("docs/operations.md", root));

/** The metric table: type by metric name. */
function documented(): Map<string, string> {
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => /^\| metric +\| type +\| labels +\| meaning +\|$/.test(l));
  assert.ok(start >= 0, "docs/operations.md has the table | metric | type | labels | meaning |");
  const out = new Map<string, string>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const [name, type] = line.slice(1, -1).split("|").map((c) => c.trim());
    const m = /^`(parley_[a-z0-9_]+)`$/.exec(name ?? "");
    assert.ok(m, `a metric name in backquotes: ${line}`);
    assert.ok(!out.has(m[1]!), `${m[1]} is documented once`);
    out.set(m[1]!, type!);
  }
  return out;
}

async function* walk(dir: URL): AsyncGenerator<URL> {
  for await (const e of Deno.readDir(dir)) {
    const url = new URL(e.isDirectory ? `${e.name}/` : e.name, dir);
    if (e.isDirectory) yield* walk(url);
    else yield url;
  }
}

/** Metrics declared in the source, by name, with their type. */
async function declared(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files = [new URL("main.ts", root)];
  for (const dir of ["server/", "agents/"]) {
    for await (const f of walk(new URL(dir, root))) {
      if (f.pathname.endsWith(".ts") && !f.pathname.endsWith("_test.ts")) files.push(f);
    }
  }
  for (const f of files) {
    const text = await Deno.readTextFile(f);
    for (const m of text.matchAll(/\.describe\(\s*"(parley_[a-z0-9_]+)",\s*"([a-z]+)"/g)) {
      out.set(m[1]!, m[2]!);
    }
    for (const m of text.matchAll(/\.gauge\(\s*"(parley_[a-z0-9_]+)"/g)) out.set(m[1]!, "gauge");
  }
  return out;
}

Deno.test("docs/operations.md documents every metric a source file declares, with its type", async () => {
  const doc = documented();
  const code = await declared();
  // The scan reads real declarations (one of each kind), so it cannot pass by finding none.
  assert.equal(code.get("parley_frames_sent_total"), "counter");
  assert.equal(code.get("parley_store_write_seconds"), "histogram");
  assert.equal(code.get("parley_connections"), "gauge");
  for (const [name, type] of code) {
    assert.equal(doc.get(name), type, `${name} (${type}) is in docs/operations.md's table`);
  }
});

Deno.test("docs/operations.md documents every metric a real server with a model engine renders", async () => {
  const engine = Object.assign(new ScriptedEngine(), { deterministic: false, name: "openai:x" });
  const parley = createParley({ ...DEFAULTS, db: ":memory:" }, {
    engine,
    log: createLogger("silent"),
  });
  try {
    const rendered = parseExposition(parley.metrics.render());
    assert.ok(rendered.types.has("parley_model_calls_total"), "the model metrics are declared");
    const doc = documented();
    for (const [name, type] of rendered.types) {
      assert.equal(doc.get(name), type, `${name} (${type}) is in docs/operations.md's table`);
      assert.ok(rendered.help.get(name), `${name} has help text`);
    }
  } finally {
    await parley.shutdown();
  }
});
