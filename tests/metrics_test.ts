/**
 * `GET /metrics` and `/healthz` on a real server: a whole conversation over a real
 * WebSocket on a real SQLite file, then the exposition (parsed strictly) says what was
 * sent, that the connection is gone, and how long the commits took.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { CLOSE_CODES } from "../protocol/errors.js";
import { startTestServer, type TestServer } from "./_server.ts";
import { FrameSocket, SAMPLE_ANSWERS } from "./_seed_client.ts";
import { type Exposition, parseExposition } from "./_prometheus.ts";

async function scrape(url: string): Promise<Exposition> {
  const res = await fetch(`${url}/metrics`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  assert.equal(res.headers.get("cache-control"), "no-store");
  return parseExposition(await res.text());
}

/** Resolves once the server has logged a line that `match` accepts. */
async function logLine(server: TestServer, match: (l: Record<string, unknown>) => boolean) {
  while (!server.logs.some(match)) await new Promise((r) => setTimeout(r, 10));
}

Deno.test("GET /metrics after a real conversation: frames and bytes sent, connections back to 0, SQLite commits timed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-metrics-" });
  try {
    await using server = await startTestServer({ db: `${dir}/parley.db` });
    const before = await scrape(server.url);
    assert.equal(before.value("parley_connections"), 0);
    assert.equal(before.value("parley_frames_sent_total"), undefined, "nothing sent yet");

    const texts: string[] = [];
    const sock = new FrameSocket(server.wsUrl("metrics"));
    sock.ws.addEventListener("message", (e) => texts.push(e.data as string));
    await sock.opened;
    assert.equal((await scrape(server.url)).value("parley_connections"), 1);
    await sock.until("question");
    sock.send("not json"); // one input error, answered on this connection only
    assert.equal((await sock.until("error")).data.code, "bad_frame");
    let i = 0;
    sock.send({ answer: SAMPLE_ANSWERS[i++] });
    for (;;) {
      const f = await sock.next();
      if (f.type === "question") sock.send({ answer: SAMPLE_ANSWERS[i++] ?? "no" });
      if (f.type === "complete") break;
    }
    const during = await scrape(server.url);
    assert.equal(during.value("parley_sessions_in_memory"), 1);
    assert.equal(during.value("parley_sessions_running"), 0, "the conversation is complete");
    await sock.close();
    await logLine(server, (l) => l.msg === "disconnected" && l.clientId === "metrics");

    const after = await scrape(server.url);
    assert.equal(after.value("parley_connections"), 0);
    assert.equal(
      after.value("parley_frames_sent_total"),
      texts.length,
      "every frame the client got",
    );
    assert.equal(
      after.value("parley_bytes_sent_total"),
      texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0),
    );
    assert.equal(after.value("parley_input_errors_total", { code: "bad_frame" }), 1);
    const sqlite = { store: "sqlite" };
    const commits = after.value("parley_store_write_seconds_count", sqlite) ?? 0;
    assert.ok(commits > 0, "commits are timed");
    assert.equal(
      after.value("parley_store_write_seconds_bucket", { ...sqlite, le: "+Inf" }),
      commits,
    );
    assert.ok(after.value("parley_store_write_seconds_sum", sqlite)! > 0);
    assert.equal(after.value("parley_store_errors_total", sqlite), undefined);
    assert.equal(after.value("parley_store_up"), 1);
    assert.equal(after.value("parley_store_pending_writes"), 0);
    assert.equal(after.types.get("parley_store_write_seconds"), "histogram");
    assert.equal(
      after.value("parley_metrics_dropped_series_total"),
      undefined,
      "no label overflow",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("GET /metrics counts refused connections by reason", async () => {
  await using server = await startTestServer({ corsOrigins: ["http://ok.example"] });
  const { handler } = server.parley;
  const ws = (origin: string) =>
    handler(
      new Request("http://localhost:8000/ws/someone", {
        headers: { upgrade: "websocket", origin },
      }),
    );
  assert.equal((await ws("http://evil.example")).status, 403);
  assert.equal((await ws("http://evil.example")).status, 403);
  assert.equal((await handler(new Request("http://evil.example/healthz"))).status, 421);
  // A resume with a token that opens nothing.
  await using sock = new FrameSocket(`${server.wsUrl("resumer")}?resume=1`);
  await sock.opened;
  sock.send({ type: "resume", token: "nobody.secret", lastSeq: 0 });
  assert.equal((await sock.closed).code, CLOSE_CODES.badToken);
  const m = await scrape(server.url);
  assert.equal(m.value("parley_connections_refused_total", { reason: "origin" }), 2);
  assert.equal(m.value("parley_connections_refused_total", { reason: "host" }), 1);
  assert.equal(m.value("parley_connections_refused_total", { reason: "bad_token" }), 1);
});

Deno.test("PARLEY_METRICS=off: GET /metrics is 404; /healthz names the store, its reachability and the node id", async () => {
  await using server = await startTestServer({ metrics: false, nodeId: "web-7" });
  const res = await fetch(`${server.url}/metrics`);
  assert.equal(res.status, 404);
  await res.body?.cancel();
  assert.equal(server.parley.metrics.render(), "", "nothing is counted either");
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.headers.get("cache-control"), "no-store");
  assert.deepEqual(await health.json(), {
    status: "ok",
    ok: true,
    sessions: 0,
    engine: "offline",
    store: "memory",
    storeReachable: true,
    nodeId: "web-7",
  });
});

Deno.test("HEAD /metrics answers the headers only", async () => {
  await using server = await startTestServer();
  const res = await fetch(`${server.url}/metrics`, { method: "HEAD" });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  assert.equal(await res.text(), "");
});
