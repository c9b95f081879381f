import assert from "node:assert/strict";
import { CLOSE_CODES, ERROR_CODES } from "../protocol/errors.js";

const doc = await Deno.readTextFile(new URL("../docs/protocol.md", import.meta.url));

/** The rows of the Markdown table whose header row starts with `header`. */
function table(header: string): string[][] {
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.startsWith(header));
  assert.ok(start >= 0, `docs/protocol.md has a table starting ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((c) => c.trim()));
  }
  return rows;
}

Deno.test("docs/protocol.md's error-code table is protocol/errors.js's ERROR_CODES", () => {
  const rows = table("| code | scope | close | retry | meaning |");
  const expected = Object.entries(ERROR_CODES).map(([code, info]) => [
    `\`${code}\``,
    info.scope,
    "close" in info ? String(info.close) : "",
    info.retry ? "yes" : "no",
    info.meaning,
  ]);
  assert.deepEqual(rows, expected);
});

Deno.test("docs/protocol.md's close-code table lists exactly CLOSE_CODES", () => {
  const rows = table("| code | name | meaning |").map(([code, name]) => [code, name]);
  const expected = Object.entries(CLOSE_CODES).map(([name, code]) => [String(code), `\`${name}\``]);
  assert.deepEqual(rows, expected);
});
