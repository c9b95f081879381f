/** Architecture rules as small checks (STYLE.md 17): who may import what, and pinned versions. */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import denoJson from "../deno.json" with { type: "json" };
import { createStaticHandler } from "../server/static.ts";

const root = join(import.meta.dirname!, "..");

async function* files(dir: string, ext: RegExp): AsyncGenerator<string> {
  for await (const e of Deno.readDir(join(root, dir))) {
    const path = join(dir, e.name);
    if (e.isDirectory) yield* files(path, ext);
    else if (ext.test(e.name)) yield path;
  }
}

/** Spelled in two parts so that this file is not itself a hit for the check it makes. */
const JSR = "jsr" + ":";

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

async function importsOf(path: string): Promise<string[]> {
  // Comments go first: JSDoc examples show imports that are not the module's own.
  const text = (await Deno.readTextFile(join(root, path)))
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(IMPORT)].map((m) => m[1]!);
}

/** Every import of files under `dir` that `allowed` refuses, as `file → specifier`. */
async function violations(dir: string, allowed: (spec: string, file: string) => boolean) {
  const bad: string[] = [];
  for await (const f of files(dir, /\.(ts|js)$/)) {
    if (f.endsWith("_test.ts")) continue;
    for (const spec of await importsOf(f)) if (!allowed(spec, f)) bad.push(`${f} → ${spec}`);
  }
  return bad;
}

const target = (spec: string, file: string) =>
  spec.startsWith(".") ? relative(root, join(root, file, "..", spec)) : spec;

Deno.test("agents/ imports neither server/ nor web/", async () => {
  const bad = await violations("agents", (spec, file) => {
    const t = target(spec, file);
    return !t.startsWith("server/") && !t.startsWith("web/");
  });
  assert.deepEqual(bad, []);
});

Deno.test("protocol/ imports only zod and itself, so the browser can load it", async () => {
  const bad = await violations("protocol", (spec, file) => {
    const t = target(spec, file);
    return t === "zod" || t.startsWith("protocol/");
  });
  assert.deepEqual(bad, []);
  for await (const f of files("protocol", /\.js$/)) {
    assert.doesNotMatch(await Deno.readTextFile(join(root, f)), /\bDeno\./, `${f} uses Deno.*`);
  }
});

Deno.test("web/ imports only lit, zod, protocol/ and itself", async () => {
  const bad = await violations("web", (spec, file) => {
    const t = target(spec, file);
    return t === "lit" || t.startsWith("lit/") || t === "zod" || t.startsWith("protocol/") ||
      t.startsWith("web/");
  });
  assert.deepEqual(bad, []);
});

Deno.test("no jsr: specifier anywhere (JSR is unreachable from our machines)", async () => {
  const bad: string[] = [];
  for (const dir of ["agents", "server", "protocol", "web", "tests", "bench"]) {
    for await (const f of files(dir, /\.(ts|js|html)$/)) {
      if ((await importsOf(f)).some((s) => s.startsWith(JSR))) bad.push(f);
    }
  }
  assert.deepEqual(bad, []);
  assert.ok(!JSON.stringify(denoJson.imports).includes(JSR));
});

Deno.test("the browser gets the lit and zod versions that deno.json pins", async () => {
  const handler = createStaticHandler({ corsOrigins: [] });
  const served = async (path: string) => {
    const res = await handler(new Request(`http://localhost${path}`));
    assert.equal(res?.status, 200, path);
    return await res!.text();
  };
  const lock = JSON.parse(await Deno.readTextFile(join(root, "deno.lock")));
  const locked = (name: string) =>
    Object.keys(lock.npm).find((k) => k.startsWith(`${name}@`))?.slice(name.length + 1);
  const pin = (name: "lit" | "zod") => /@([\d.]+)$/.exec(denoJson.imports[name])?.[1];
  assert.equal(locked("lit"), pin("lit"));
  assert.equal(locked("zod"), pin("zod"));
  // The files served are those versions: lit-html stamps its version, zod exports its own.
  const litHtml = await served("/vendor/lit-html/lit-html.js");
  assert.ok(litHtml.includes(`.push("${locked("lit-html")}")`), "lit-html version");
  const zod = await served("/vendor/zod/v4/core/versions.js");
  const [major, minor, patch] = pin("zod")!.split(".");
  assert.match(zod, new RegExp(`major: ${major},\\s*minor: ${minor},\\s*patch: ${patch}`));
});
