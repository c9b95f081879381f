import assert from "node:assert/strict";
import { en } from "./en.js";
import { es } from "./es.js";
import { LANGUAGES, stringsFor } from "./mod.js";

/** Every key path of a strings object, with the arity of functions. */
function shape(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}()${value.length}`];
  if (typeof value !== "object" || value === null) return [path];
  return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k)).sort();
}

Deno.test("strings: every shipped language has every English key, with the same arguments", () => {
  for (const [lang, strings] of Object.entries(LANGUAGES)) {
    assert.deepEqual(shape(strings), shape(en), lang);
    assert.equal(strings.lang, lang);
  }
});

Deno.test("strings: every question topic and pipeline stage has words in every language", async () => {
  const { QUESTION_TOPICS } = await import("../../protocol/errors.js");
  const { PIPELINE_STAGES } = await import("../../protocol/constants.js");
  for (const strings of Object.values(LANGUAGES)) {
    assert.deepEqual(Object.keys(strings.topics).sort(), [...QUESTION_TOPICS].sort());
    assert.deepEqual(Object.keys(strings.stages).sort(), [...PIPELINE_STAGES].sort());
  }
});

Deno.test("stringsFor: picks by primary subtag, falls back to English, merges overrides", () => {
  assert.equal(stringsFor("es-MX").send, "Enviar");
  assert.equal(stringsFor("ES").send, "Enviar");
  assert.equal(stringsFor("de").send, "Send");
  assert.equal(stringsFor(undefined).send, "Send");
  const mine = stringsFor("es", { send: "Mandar", stages: { summary: "Informe" } });
  assert.equal(mine.send, "Mandar");
  assert.equal(mine.stages.summary, "Informe");
  assert.equal(mine.stages.risk, es.stages.risk, "the other stages stay");
  assert.equal(es.stages.summary, "Resumen", "the shipped table is not changed");
  assert.equal(mine.questionOfAbout(4, 7), "Pregunta 4 de unas 7");
});

Deno.test("strings: every word the cards look up is in the cards table", async () => {
  const source = await Deno.readTextFile(new URL("../result-cards.js", import.meta.url));
  const used = new Set([...source.matchAll(/\bt\("([^"]+)"\)/g)].map((m) => m[1]!));
  for (const m of source.matchAll(/\["([A-Z][^"]+)", r\./g)) used.add(m[1]!);
  const missing = [...used].filter((k) => !Object.hasOwn(en.cards, k));
  assert.deepEqual(missing, []);
});
