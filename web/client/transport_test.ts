/** The reconnecting transport against real loopback WebSocket servers. */
import assert from "node:assert/strict";
import { backoffDelay, Transport, TRANSPORT_DEFAULTS } from "./transport.js";

/** A loopback WebSocket server; `next()` resolves with each new connection in turn. */
async function server(onSocket: (socket: WebSocket, n: number) => void = () => {}) {
  const abort = new AbortController();
  const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const arrived: WebSocket[] = [];
  const waiters: ((s: WebSocket) => void)[] = [];
  let n = 0;
  const srv = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    (req) => {
      const { socket, response } = Deno.upgradeWebSocket(req);
      onSocket(socket, ++n);
      const w = waiters.shift();
      if (w) w(socket);
      else arrived.push(socket);
      return response;
    },
  );
  const addr = await promise;
  return {
    url: `ws://127.0.0.1:${addr.port}/ws/t`,
    get connections() {
      return n;
    },
    next(): Promise<WebSocket> {
      const s = arrived.shift();
      if (s) return Promise.resolve(s);
      return new Promise((r) => waiters.push(r));
    },
    async [Symbol.asyncDispose]() {
      abort.abort();
      await srv.finished;
    },
  };
}

/** The detail of the next `type` event of `target` that passes `test`. */
function next<T = Record<string, unknown>>(
  target: EventTarget,
  type: string,
  test: (d: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      const d = (e as CustomEvent<T>).detail;
      if (!test(d)) return;
      target.removeEventListener(type, on);
      resolve(d);
    };
    target.addEventListener(type, on);
  });
}

/** Messages a server-side socket receives, in order. */
function inbox(socket: WebSocket) {
  const got: string[] = [];
  const waiters: ((v: string) => void)[] = [];
  socket.addEventListener("message", (e) => {
    const w = waiters.shift();
    if (w) w(String(e.data));
    else got.push(String(e.data));
  });
  return {
    next(): Promise<string> {
      const v = got.shift();
      if (v !== undefined) return Promise.resolve(v);
      return new Promise((r) => waiters.push(r));
    },
  };
}

/** A page's network environment made of plain event targets. */
function fakeEnvironment(onLine = true) {
  const document = Object.assign(new EventTarget(), { visibilityState: "hidden" });
  return { window: new EventTarget(), document, navigator: { onLine } };
}

Deno.test("backoffDelay grows by the factor, is capped, and jitter only shortens it", () => {
  const policy = { ...TRANSPORT_DEFAULTS.reconnect };
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(policy, a, 0)), [
    500,
    1000,
    2000,
    4000,
    8000,
    10_000,
    10_000,
  ]);
  assert.equal(backoffDelay(policy, 6, 0.999), 8002);
  assert.equal(backoffDelay({ ...policy, jitter: 0 }, 2, 0.7), 2000);
});

Deno.test("Transport retries with capped backoff and jitter, then gives up", async () => {
  await using srv = await server((socket) => {
    socket.onopen = () => socket.close(1013, "Busy");
  });
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    reconnect: { initialDelayMs: 8, factor: 2, maxDelayMs: 20, maxRetries: 4, jitter: 0.5 },
    random: () => 0.5,
    heartbeat: false,
    environment: null,
  });
  const delays: (number | null)[] = [];
  const retryAts: (number | null)[] = [];
  t.addEventListener("state", (e) => {
    const d = (e as CustomEvent).detail;
    if (d.state === "reconnecting") {
      delays.push(d.delayMs);
      retryAts.push(d.retryAt);
    }
  });
  const failed = next<{ code: string }>(t, "failure");
  t.connect();
  assert.equal((await failed).code, "reconnect_failed");
  assert.deepEqual(delays, [6, 12, 15, 15], "8·2^n capped at 20, less half of a half");
  assert.ok(retryAts.every((at) => typeof at === "number"), "each wait has a retryAt");
  assert.equal(t.state, "closed");
  assert.equal(t.retryAt, null);
  assert.equal(srv.connections, 5, "the first try and four retries");
});

Deno.test("Transport bounds its queue and sends the first frame, the greeting, then the queue", async () => {
  await using srv = await server();
  const t = new Transport({
    target: () => ({ url: srv.url, first: '{"type":"resume"}' }),
    greeting: (resuming) => resuming ? ["unconfirmed answer"] : [],
    maxQueue: 2,
    heartbeat: false,
    environment: null,
  });
  assert.equal(t.send("one"), true);
  assert.equal(t.send("two"), true);
  assert.equal(t.send("three"), false, "the queue is full");
  assert.equal(t.queued, 2);
  assert.equal(t.sendNow("never"), false, "sendNow never queues");
  const opened = next<{ resuming: boolean }>(t, "open");
  t.connect();
  const from = inbox(await srv.next());
  assert.deepEqual(await opened, { resuming: true });
  assert.deepEqual([await from.next(), await from.next(), await from.next(), await from.next()], [
    '{"type":"resume"}',
    "unconfirmed answer",
    "one",
    "two",
  ]);
  assert.equal(t.queued, 0);
  assert.equal(t.sendNow("now"), true);
  assert.equal(await from.next(), "now");
  t.disconnect();
  assert.equal(t.state, "closed");
});

Deno.test("Transport heartbeat: a missing pong closes the socket with 4410 and reconnects", async () => {
  await using srv = await server(); // never answers a ping
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    reconnect: { initialDelayMs: 1, jitter: 0 },
    heartbeat: { intervalMs: 5, timeoutMs: 30 },
    environment: null,
  });
  const closed = next<{ code: number; heartbeat: boolean }>(t, "close");
  t.connect();
  const first = inbox(await srv.next());
  assert.deepEqual(JSON.parse(await first.next()), { type: "ping", id: "1" });
  assert.deepEqual(await closed, { code: 4410, reason: "Heartbeat timeout", heartbeat: true });
  await srv.next(); // the reconnect
  t.disconnect();
});

Deno.test("Transport heartbeat: pongs (or any frame) keep the connection live", async () => {
  const pings: unknown[] = [];
  const { promise: three, resolve } = Promise.withResolvers<void>();
  await using srv = await server((socket) => {
    socket.onmessage = (e) => {
      const ping = JSON.parse(String(e.data));
      pings.push(ping);
      socket.send(JSON.stringify({ type: "pong", data: { id: ping.id }, ts: Date.now() }));
      if (pings.length === 3) resolve();
    };
  });
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    heartbeat: { intervalMs: 5, timeoutMs: 60_000 },
    environment: null,
  });
  const closes: unknown[] = [];
  t.addEventListener("close", (e) => closes.push((e as CustomEvent).detail));
  const pongs: string[] = [];
  t.addEventListener("message", (e) => pongs.push((e as CustomEvent).detail.data));
  t.connect();
  await three;
  t.disconnect();
  assert.deepEqual(pings.slice(0, 3), [
    { type: "ping", id: "1" },
    { type: "ping", id: "2" },
    { type: "ping", id: "3" },
  ], "one ping at a time: the next only after the answer");
  assert.ok(pongs.length >= 2, "pongs reach the listener as messages");
  assert.deepEqual(closes, []);
  assert.equal(srv.connections, 1);
});

Deno.test("Transport goes offline on `offline`, retries nothing, and reconnects on `online`", async () => {
  await using srv = await server();
  const env = fakeEnvironment();
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    reconnect: { initialDelayMs: 1, jitter: 0 },
    heartbeat: false,
    environment: env,
  });
  const live = next(t, "state", (d) => d.state === "live");
  t.connect();
  const first = await srv.next();
  await live;
  const gone = new Promise((r) => first.addEventListener("close", r));
  env.window.dispatchEvent(new Event("offline"));
  assert.equal(t.state, "offline");
  await gone; // the server saw the socket close
  assert.equal(srv.connections, 1, "no retry while offline");
  const back = next(t, "state", (d) => d.state === "live");
  env.window.dispatchEvent(new Event("online"));
  await srv.next();
  await back;
  assert.equal(srv.connections, 2);
  t.disconnect();
  // After disconnect the transport no longer listens.
  env.window.dispatchEvent(new Event("online"));
  assert.equal(t.state, "closed");
});

Deno.test("Transport starts offline when the navigator says so; retryNow still tries", async () => {
  await using srv = await server();
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    heartbeat: false,
    environment: fakeEnvironment(false),
  });
  t.connect();
  assert.equal(t.state, "offline");
  const live = next(t, "state", (d) => d.state === "live");
  t.retryNow();
  await srv.next();
  await live;
  t.disconnect();
});

Deno.test("Transport on visibilitychange: pings a live socket, retries a waiting one at once", async () => {
  await using srv = await server((socket, n) => {
    if (n === 1) socket.onopen = () => socket.close(1011, "Boom");
  });
  const env = fakeEnvironment();
  const t = new Transport({
    target: () => ({ url: srv.url, first: null }),
    reconnect: { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000, jitter: 0 },
    heartbeat: { intervalMs: 3_600_000, timeoutMs: 3_600_000 },
    environment: env,
  });
  const waiting = next<{ state: string; retryAt: number }>(
    t,
    "state",
    (d) => d.state === "reconnecting",
  );
  t.connect();
  await srv.next(); // the first socket, closed at once
  const { retryAt } = await waiting;
  assert.ok(retryAt > Date.now() + 60_000, "the next attempt is an hour away");
  const live = next(t, "state", (d) => d.state === "live");
  env.document.visibilityState = "visible";
  env.document.dispatchEvent(new Event("visibilitychange"));
  const second = inbox(await srv.next());
  await live;
  assert.equal(t.retryAt, null);
  env.document.dispatchEvent(new Event("visibilitychange"));
  assert.deepEqual(JSON.parse(await second.next()), { type: "ping", id: "1" });
  t.disconnect();
});

Deno.test("Transport follows its decide hook: reopen at once, or stop", async () => {
  await using srv = await server((socket, n) => {
    if (n === 1) socket.onopen = () => socket.close(4401, "bad_token");
    if (n === 2) socket.onopen = () => socket.close(1000, "Done");
  });
  const urls: string[] = [];
  const t = new Transport({
    target: () => {
      const url = urls.length === 0 ? `${srv.url}?resume=1` : srv.url;
      urls.push(url);
      return { url, first: null };
    },
    reconnect: { initialDelayMs: 3_600_000 },
    heartbeat: false,
    environment: null,
    decide: ({ code }) => code === 4401 ? "reopen" : "stop",
  });
  const states: string[] = [];
  t.addEventListener("state", (e) => states.push((e as CustomEvent).detail.state));
  const closed = next(t, "state", (d) => d.state === "closed");
  t.connect();
  await closed;
  assert.deepEqual(urls, [`${srv.url}?resume=1`, srv.url]);
  assert.deepEqual(states, ["connecting", "live", "connecting", "live", "closed"]);
});
