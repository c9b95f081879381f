import assert from "node:assert/strict";
import { sharePageUrl } from "./brief.js";

Deno.test("sharePageUrl: the brief's page with the token in the fragment only", () => {
  assert.equal(
    sharePageUrl("http://h:8000/sessions/s-1/brief.md?token=a%2Bb"),
    "http://h:8000/sessions/s-1/brief#token=a%2Bb",
  );
  assert.equal(sharePageUrl(null), null);
  assert.equal(sharePageUrl("http://h/sessions/s-1/brief.md"), null);
  assert.equal(sharePageUrl("not a url"), null);
});
