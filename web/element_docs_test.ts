/**
 * `docs/web.md` lists every attribute, property, event, part and custom property of
 * `<parley-conversation>`, and nothing it does not: checked against the element's JSDoc, the
 * parts its templates really use, and the theme table in `views/base.js`.
 *
 * @module
 */
import assert from "node:assert/strict";
import { CUSTOM_PROPERTIES } from "./views/base.js";

const here = (p: string) => new URL(p, import.meta.url);
const element = await Deno.readTextFile(here("./parley-conversation.js"));
const docs = await Deno.readTextFile(here("../docs/web.md"));
const base = await Deno.readTextFile(here("./views/base.js"));

/** The backticked names in the first column of the table under `### {heading}`. */
function docTable(heading: string): string[] {
  const start = docs.indexOf(`\n### ${heading}\n`);
  assert.ok(start >= 0, `docs/web.md has a "### ${heading}" section`);
  const end = docs.indexOf("\n### ", start + 5);
  const section = docs.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!);
}

/** Names after a JSDoc tag in the element's class comment. */
function jsdoc(tag: string, pattern = /\S+/): string[] {
  const re = new RegExp(` \\* @${tag} (?:\\{[^}]*\\} )?\\[?(${pattern.source})`, "g");
  return [...element.matchAll(re)].map((m) => m[1]!);
}

/** Every static part name the view templates set (`part="a b"`). */
async function templateParts(): Promise<string[]> {
  const files = ["./parley-conversation.js", "./result-cards.js"];
  for await (const f of Deno.readDir(here("./views/"))) {
    if (f.name.endsWith(".js")) files.push(`./views/${f.name}`);
  }
  const parts = new Set<string>();
  for (const f of files) {
    const text = await Deno.readTextFile(here(f));
    for (const m of text.matchAll(/\bpart="([^"]+)"/g)) {
      for (const p of m[1]!.split(/\s+/)) if (!p.includes("$")) parts.add(p);
    }
  }
  return [...parts].sort();
}

const sorted = (a: readonly string[]) => [...a].sort();

Deno.test("docs/web.md attributes: the element's @attr list, in the same order", () => {
  assert.deepEqual(docTable("Attributes"), jsdoc("attr", /[a-z-]+/));
});

Deno.test("docs/web.md attributes: every one is a reactive property of the element", () => {
  const declared = new Set<string>();
  const props = element.slice(element.indexOf("static properties = {"));
  for (const m of props.slice(0, props.indexOf("};")).matchAll(/^ {4}(\w+): \{([^}]*)\}/gm)) {
    if (m[2]!.includes("state: true") || m[2]!.includes("attribute: false")) continue;
    const attr = /attribute: "([^"]+)"/.exec(m[2]!)?.[1] ?? m[1]!.toLowerCase();
    declared.add(attr);
  }
  assert.deepEqual(sorted(docTable("Attributes")), sorted([...declared]));
});

Deno.test("docs/web.md properties: the element's @prop list and its public getters", () => {
  const getters = [...element.matchAll(/^ {2}get (\w+)\(\)/gm)].map((m) => m[1]!);
  assert.deepEqual(sorted(docTable("Properties")), sorted([...jsdoc("prop", /\w+/), ...getters]));
});

Deno.test("docs/web.md events: the element's @fires list and its event map", () => {
  const fires = jsdoc("fires", /[a-z-]+/);
  assert.deepEqual(docTable("Events"), fires);
  const map = element.slice(element.indexOf("@typedef {object} ParleyConversationEventMap"));
  const mapped = [...map.slice(0, map.indexOf("*/")).matchAll(/@property \{[^\n]*\} ([a-z-]+)$/gm)]
    .map((m) => m[1]!);
  assert.deepEqual(mapped, fires);
});

Deno.test("docs/web.md parts: the element's @csspart list, which is every part the views set", async () => {
  const documented = jsdoc("csspart", /[a-z-]+/);
  assert.deepEqual(docTable("Parts"), documented);
  const used = (await templateParts()).filter((p) => !/^(card-|stage-)/.test(p));
  assert.deepEqual(sorted(documented), used);
});

Deno.test("docs/web.md custom properties: the theme table, with its defaults", () => {
  assert.deepEqual(docTable("Custom properties"), Object.keys(CUSTOM_PROPERTIES));
  assert.deepEqual(jsdoc("cssprop", /--[a-z-]+/), Object.keys(CUSTOM_PROPERTIES));
  for (const [name, [light, dark]] of Object.entries(CUSTOM_PROPERTIES)) {
    if (!light.startsWith("#")) continue;
    // The stylesheet falls back to the same defaults the table (and the docs) name.
    assert.ok(base.includes(`var(${name}, ${light})`), `${name} light default in base.js`);
    assert.ok(base.includes(`var(${name}, ${dark})`), `${name} dark default in base.js`);
    assert.match(docs, new RegExp(`\\| \`${name}\` +\\| \`${light}\` +\\| \`${dark}\``), name);
  }
});
