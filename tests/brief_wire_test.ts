/**
 * The `complete` frame over a real WebSocket: by default its brief names the analysts'
 * results by the seq of their `result` frames (`resultSeqs`); a client that connects with
 * `?brief=full` gets the whole brief (`results`), as `GET /sessions/{id}` does, and a seed
 * client still finishes on `summary` either way.
 */
import assert from "node:assert/strict";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { FrameSocket, SAMPLE_ANSWERS, type SeedFrame } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";

/** A whole seed conversation on `url` ("ok" to the review); returns every frame. */
async function converse(url: string): Promise<SeedFrame[]> {
  await using sock = new FrameSocket(url);
  let i = 0;
  for (;;) {
    const frame = await sock.next();
    if (frame.type === "question") {
      sock.send({ answer: frame.data.topic === "review" ? "ok" : SAMPLE_ANSWERS[i++] ?? "no" });
    }
    if (frame.type === "complete") return sock.frames.slice();
  }
}

/** The analysts' results as their `result` frames carried them, by agent. */
const resultsOf = (frames: readonly SeedFrame[]) =>
  Object.fromEntries(
    frames.filter((f) => f.type === "result" && f.data.agent !== "clarifier")
      .map((f) => [f.data.agent, f.data.data]),
  );

Deno.test("complete over WebSocket names results by seq; ?brief=full gets them whole, as HTTP does", async () => {
  await using server = await startTestServer({}, { engine: new OfflineEngine() });
  const slim = await converse(server.wsUrl("slim"));
  const full = await converse(`${server.wsUrl("full")}?brief=full`);

  const slimBrief = slim.at(-1)!.data.brief as Record<string, unknown>;
  assert.equal(typeof slim.at(-1)!.data.summary, "string");
  assert.equal(slimBrief.results, undefined);
  const named = Object.entries(slimBrief.resultSeqs as Record<string, number>).map((
    [agent, seq],
  ) => [agent, slim.find((f) => f.seq === seq)?.data.agent]);
  assert.deepEqual(named, [
    ["product", "product"],
    ["customer", "customer"],
    ["engineer", "engineer"],
    ["risk", "risk"],
  ]);

  const fullBrief = full.at(-1)!.data.brief as Record<string, unknown>;
  assert.equal(fullBrief.resultSeqs, undefined);
  assert.deepEqual(fullBrief.results, resultsOf(full));
  assert.deepEqual(Object.keys(fullBrief.results as object), named.map(([a]) => a));
  // The slim frame is lighter by the whole of the results, less the seqs that name them.
  const bytes = (frames: SeedFrame[]) => JSON.stringify(frames.at(-1)).length;
  const saved = bytes(full) - bytes(slim);
  const repeated = JSON.stringify(fullBrief.results).length;
  assert.ok(saved > repeated - 100, `${saved} bytes saved, the results are ${repeated}`);

  // HTTP serves the whole brief, the same as the ?brief=full tab was sent.
  const token = String(full[0]!.data.token);
  const res = await fetch(`${server.url}/sessions/${full[0]!.data.sessionId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.deepEqual((await res.json()).brief, fullBrief);
});
