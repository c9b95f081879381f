/**
 * Hostile clients and a hostile network against a real server on loopback: floods of bad
 * frames, heartbeats and frozen clients, connection caps, slow readers, malformed paths,
 * forged Host headers, invalid UTF-8, and the file-descriptor limit (in a subprocess under
 * `ulimit -n`).
 *
 * @module
 */
import assert from "node:assert/strict";
import { ProtocolVerifier } from "../protocol/verify.js";
import { FrameSocket, SAMPLE_ANSWERS, seedConversation } from "./_seed_client.ts";
import { startTestServer, type TestServer } from "./_server.ts";

/** Resolves with the first log line that `match` accepts (lines already written count). */
async function logLine(
  server: TestServer,
  match: (l: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  for (;;) {
    const found = server.logs.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs a conversation to `complete` on `sock`, answering as the seed does. */
async function finish(sock: FrameSocket): Promise<void> {
  let i = 0;
  for (;;) {
    const f = await sock.next();
    if (f.type === "question") sock.send({ answer: SAMPLE_ANSWERS[i++] ?? "no" });
    if (f.type === "complete") return;
  }
}

Deno.test("a flood of bad frames is told to its connection only, not stored, then closed with 1008", async () => {
  await using server = await startTestServer({ maxBadFramesPerSecond: 5 });
  await using tabA = new FrameSocket(server.wsUrl("flood"));
  const session = await tabA.until("session");
  await tabA.until("question");
  await using tabB = new FrameSocket(server.wsUrl("flood") + "?resume=1");
  await tabB.opened;
  tabB.send({ type: "resume", token: session.data.token, lastSeq: 0 });
  await tabB.until("session").then((f) => (f.data.resumed ? f : tabB.until("session")));
  const before = server.parley.registry.store.frames(String(session.data.sessionId)).length;
  // Exactly one over the limit, in one burst: nothing arrives after the close.
  for (let i = 0; i < 6; i++) tabA.send("not json");
  const closed = await tabA.closed;
  assert.equal(closed.code, 1008);
  assert.equal(closed.reason, "too_many_bad_frames");
  const errors = tabA.frames.filter((f) => f.type === "error");
  assert.deepEqual(errors.map((f) => f.data.code), [
    ...Array(5).fill("bad_frame"),
    "too_many_bad_frames",
  ]);
  assert.ok(errors.every((f) => f.seq === undefined), "connection-only frames carry no seq");
  // Nothing was stored, and the other tab saw none of it.
  assert.equal(server.parley.registry.store.frames(String(session.data.sessionId)).length, before);
  tabB.send({ type: "ping", id: "after-flood" });
  const pong = await tabB.until("pong");
  assert.deepEqual(pong.data, { id: "after-flood" });
  assert.deepEqual(tabB.frames.filter((f) => f.type === "error"), []);
});

Deno.test("ping gets a pong on that connection only, with no seq, and the conversation goes on", async () => {
  await using server = await startTestServer();
  await using sock = new FrameSocket(server.wsUrl("pinger"));
  await sock.until("question");
  sock.send({ type: "ping", id: "p1" });
  sock.send({ type: "ping" });
  const p1 = await sock.next();
  const p2 = await sock.next();
  assert.deepEqual([p1.type, p1.data, p1.seq], ["pong", { id: "p1" }, undefined]);
  assert.deepEqual([p2.type, p2.data, p2.seq], ["pong", {}, undefined]);
  sock.send({ type: "ping", id: "x".repeat(65) });
  const bad = await sock.next();
  assert.equal(bad.data.code, "bad_frame");
  sock.send({ answer: "x".repeat(70_000) });
  assert.equal((await sock.next()).data.code, "frame_too_large");
  sock.send({ answer: SAMPLE_ANSWERS[0] });
  await finish(sock);
  const v = new ProtocolVerifier();
  for (const f of sock.frames) v.server(f as Parameters<typeof v.server>[0]);
  assert.equal(v.complete, true);
});

Deno.test("heartbeat: a frozen client (SIGSTOP) that sent pings is closed with 4410", async () => {
  await using server = await startTestServer({ heartbeatMs: 1_000 });
  const script = `
    const ws = new WebSocket(Deno.args[0]);
    ws.onmessage = (e) => { if (JSON.parse(e.data).type === "question") { ws.send('{"type":"ping","id":"hb"}'); } };
    ws.onmessage = ((orig) => (e) => { orig(e); if (JSON.parse(e.data).type === "pong") console.log("ready"); })(ws.onmessage);
    setInterval(() => {}, 1000);
  `;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", script, server.wsUrl("frozen")],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!out.includes("ready")) out += (await reader.read()).value ?? "";
  Deno.kill(child.pid, "SIGSTOP");
  try {
    const line = await logLine(server, (l) => l.msg === "heartbeat timeout");
    assert.equal(line.clientId, "frozen");
    const gone = await logLine(server, (l) => l.msg === "disconnected" && l.clientId === "frozen");
    // Our own close (4410) comes before Deno's keepalive close (1001) would.
    assert.equal(gone.code, 4410);
  } finally {
    Deno.kill(child.pid, "SIGKILL");
    await child.status;
    await reader.cancel();
  }
});

Deno.test("heartbeat: a frozen client that never pinged is closed by the keepalive ping", async () => {
  await using server = await startTestServer({ heartbeatMs: 1_000 });
  const script = `
    const ws = new WebSocket(Deno.args[0]);
    ws.onmessage = (e) => { if (JSON.parse(e.data).type === "question") console.log("ready"); };
    setInterval(() => {}, 1000);
  `;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", script, server.wsUrl("frozen-seed")],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!out.includes("ready")) out += (await reader.read()).value ?? "";
  Deno.kill(child.pid, "SIGSTOP");
  try {
    const line = await logLine(
      server,
      (l) => l.msg === "heartbeat timeout" && l.clientId === "frozen-seed",
    );
    assert.equal(
      line.code,
      1001,
      "Deno's keepalive closes with 1001 (see docs/websocket-limits.md)",
    );
  } finally {
    Deno.kill(child.pid, "SIGKILL");
    await child.status;
    await reader.cancel();
  }
});

Deno.test("a slow reader is waited for: a replay from 0 arrives whole with a 1 KiB high-water mark", async () => {
  await using server = await startTestServer({ maxBufferedBytes: 1024 });
  await using sock = new FrameSocket(server.wsUrl("slow"));
  await finish(sock);
  const token = sock.frames[0]!.data.token;
  await using again = new FrameSocket(server.wsUrl("slow") + "?resume=1");
  await again.opened;
  again.send({ type: "resume", token, lastSeq: 0 });
  const resumed = await again.until("session").then((f) =>
    f.data.resumed ? f : again.until("session")
  );
  assert.equal(resumed.seq, undefined, "a finished session's resume frame is connection-only");
  const replayed = again.frames.filter((f) => f.seq !== undefined);
  assert.deepEqual(replayed.map((f) => f.seq), sock.frames.map((f) => f.seq));
  assert.deepEqual(replayed.at(-1), sock.frames.at(-1));
  const v = new ProtocolVerifier();
  for (const f of again.frames) v.server(f as Parameters<typeof v.server>[0]);
  assert.equal(v.complete, true);
});

Deno.test("connection caps: the server cap is a 503 and the per-address caps a 429, before the upgrade", async () => {
  await using server = await startTestServer({
    maxConnections: 3,
    maxConnectionsPerAddress: 2,
    maxSessionsPerMinutePerAddress: 3,
    limitLoopback: true,
  });
  const upgrade = { upgrade: "websocket", connection: "Upgrade", "sec-websocket-version": "13" };
  await using a = new FrameSocket(server.wsUrl("cap-a"));
  await using b = new FrameSocket(server.wsUrl("cap-b"));
  await Promise.all([a.until("question"), b.until("question")]);
  const third = new FrameSocket(server.wsUrl("cap-c"));
  await assert.rejects(third.opened);
  await third.closed;
  const res = await fetch(`${server.url}/ws/cap-d`, {
    headers: { ...upgrade, "sec-websocket-key": btoa("0123456789abcdef") },
  });
  assert.equal(res.status, 429);
  assert.match(await res.text(), /^too_many_connections: Too many connections from your address/);
  await a.close();
  // One slot free: the third new session this minute is allowed, the fourth is not.
  await using c = new FrameSocket(server.wsUrl("cap-e"));
  await c.until("question");
  await b.close();
  const rate = await fetch(`${server.url}/ws/cap-f`, {
    headers: { ...upgrade, "sec-websocket-key": btoa("0123456789abcdef") },
  });
  assert.equal(rate.status, 429);
  assert.equal(rate.headers.get("retry-after"), "60");
  assert.match(await rate.text(), /limit is 3 a minute/);
  assert.deepEqual(server.parley.connections, { open: 1, max: 3 });
});

Deno.test("connection caps: the server-wide cap answers 503 with Retry-After", async () => {
  await using server = await startTestServer({ maxConnections: 1 });
  await using a = new FrameSocket(server.wsUrl("one"));
  await a.until("question");
  const res = await fetch(`${server.url}/ws/two`, {
    headers: {
      upgrade: "websocket",
      connection: "Upgrade",
      "sec-websocket-version": "13",
      "sec-websocket-key": btoa("0123456789abcdef"),
    },
  });
  assert.equal(res.status, 503);
  assert.equal(res.headers.get("retry-after"), "5");
  assert.match(await res.text(), /^server_busy: The server has reached its limit of 1 connections/);
});

Deno.test("a malformed path is a 400 with no stack in the log; an unknown Host is a 421", async () => {
  await using server = await startTestServer();
  const bad = await fetch(`${server.url}/ws/%E0%A4%A`, { headers: { upgrade: "websocket" } });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Invalid client id/);
  assert.deepEqual(server.logs.filter((l) => l.level === "error" || "stack" in l), []);
  // DNS rebinding: the browser sends the attacker's name as Host.
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  await conn.write(
    new TextEncoder().encode(
      "GET /healthz HTTP/1.1\r\nHost: evil.example:8000\r\nConnection: close\r\n\r\n",
    ),
  );
  const reply = new TextDecoder().decode(await new Response(conn.readable).arrayBuffer());
  assert.match(reply, /^HTTP\/1\.1 421 /);
  assert.match(reply, /add it to PARLEY_ALLOWED_HOSTS/);
  const ok = await fetch(`http://localhost:${server.port}/healthz`);
  assert.equal(ok.status, 200);
  await ok.body?.cancel();
});

Deno.test("session resources carry Cache-Control: no-store and Referrer-Policy: no-referrer", async () => {
  await using server = await startTestServer();
  await using sock = new FrameSocket(server.wsUrl("private"));
  await finish(sock);
  const { sessionId, token } = sock.frames[0]!.data;
  for (const path of [`/sessions/${sessionId}`, `/sessions/${sessionId}/brief.md`]) {
    const res = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal(res.headers.get("referrer-policy"), "no-referrer");
    await res.body?.cancel();
  }
});

/** Opens a raw WebSocket over TCP (no client library between us and the bytes). */
async function rawWebSocket(port: number, path: string): Promise<Deno.TcpConn> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await conn.write(new TextEncoder().encode(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${btoa("0123456789abcdef")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  ));
  const buf = new Uint8Array(4096);
  const n = await conn.read(buf);
  assert.match(new TextDecoder().decode(buf.subarray(0, n ?? 0)), /^HTTP\/1\.1 101 /);
  return conn;
}

/** A masked client text frame with these payload bytes. */
function maskedText(payload: Uint8Array): Uint8Array {
  const mask = [1, 2, 3, 4];
  return new Uint8Array([
    0x81,
    0x80 | payload.length,
    ...mask,
    ...payload.map((b, i) => b ^ mask[i % 4]!),
  ]);
}

Deno.test("invalid UTF-8 in a text frame ends that connection only; the server serves on", async () => {
  await using server = await startTestServer();
  const conn = await rawWebSocket(server.port, "/ws/bad-utf8");
  await conn.write(maskedText(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
  // Read to the end: Deno 2.9 drops the TCP connection without a 1007 close frame
  // (docs/websocket-limits.md); a 1007 would be a close frame 0x88 with code 0x03ef.
  const bytes = new Uint8Array(await new Response(conn.readable).arrayBuffer());
  const closeAt = bytes.findIndex((b, i) => b === 0x88 && bytes[i + 2] === 0x03);
  const code = closeAt >= 0 ? (bytes[closeAt + 2]! << 8) | bytes[closeAt + 3]! : undefined;
  assert.ok(code === undefined || code === 1007, `closed with ${code}`);
  await logLine(server, (l) => l.msg === "disconnected" && l.clientId === "bad-utf8");
  const frames = await seedConversation(server.wsUrl("after-utf8"), SAMPLE_ANSWERS);
  assert.equal(frames.at(-1)?.type, "complete");
});

Deno.test("file descriptors run out: the accept loop's EMFILE is logged and survived (ulimit -n 256)", async () => {
  const main = new URL("../main.ts", import.meta.url).pathname;
  const child = new Deno.Command("bash", {
    args: ["-c", `ulimit -n 256; exec "${Deno.execPath()}" run -A "${main}" --port 0`],
    env: { PARLEY_DB: ":memory:", LOG_LEVEL: "info" },
    stdout: "null",
    stderr: "piped", // the log
  }).spawn();
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  (async () => {
    const rd = child.stderr.pipeThrough(new TextDecoderStream());
    let buf = "";
    for await (const chunk of rd) {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          lines.push(JSON.parse(line));
        } catch { /* not a log line */ }
        for (const w of waiters.splice(0)) w();
      }
    }
  })();
  const until = async (pred: (l: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = lines.find(pred);
      if (found) return found;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const idle: Deno.TcpConn[] = [];
  try {
    const limits = await until((l) => l.msg === "connection limits");
    assert.equal(limits.fdLimit, 256);
    assert.equal(limits.maxConnections, 192);
    const listening = await until((l) => l.msg === "listening");
    const port = Number(new URL(String(listening.url)).port);
    // Idle sockets past the limit: the kernel completes the handshakes, Deno's accept fails.
    for (let i = 0; i < 300; i++) {
      try {
        idle.push(await Deno.connect({ hostname: "127.0.0.1", port }));
      } catch {
        break;
      }
    }
    const failed = await until((l) => l.msg === "accept loop failed; listening again");
    assert.match(String(failed.detail), /Too many open files|os error 24/);
    for (const c of idle.splice(0)) c.close();
    await until((l) => l.msg === "listening again");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");
    const frames = await seedConversation(`ws://127.0.0.1:${port}/ws/after-emfile`, SAMPLE_ANSWERS);
    assert.equal(frames.at(-1)?.type, "complete");
  } finally {
    for (const c of idle) c.close();
    child.kill("SIGTERM");
    await child.status;
  }
});
