/** `bench/brief_quality.ts` end to end, as `deno task quality` runs it, on one idea. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../brief_quality.ts", import.meta.url));

async function report(...args: string[]): Promise<{ code: number; out: string }> {
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script, ...args],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  return { code, out: new TextDecoder().decode(stdout) };
}

Deno.test("brief_quality --json --idea prints the idea's scores and totals, and exits 0", async () => {
  const { code, out } = await report("--json", "--idea", "uk-bakery-surplus-bread");
  assert.equal(code, 0);
  const r = JSON.parse(out);
  assert.deepEqual(r.ideas.map((i: { id: string }) => i.id), ["uk-bakery-surplus-bread"]);
  assert.equal(r.totals.ideas, 1);
  assert.equal(r.totals.expected, 4);
  assert.equal(r.totals.hits, r.ideas[0].hits);
  assert.equal(r.totals.fillerMeasured, false);
  assert.equal(r.ideas[0].topics[0], "idea");
});

Deno.test("brief_quality with an unknown idea says which ids exist and exits 0", async () => {
  const { code, out } = await report("--idea", "no-such-idea");
  assert.equal(code, 0);
  assert.match(out, /^No idea with id no-such-idea: ids are us-tx-tenant-screening, /);
});
