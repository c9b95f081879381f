/** ConversationClient in Deno against small scripted WebSocket servers. */
import assert from "node:assert/strict";
import { type AnyFrame, ConversationClient, socketUrl } from "./client.js";

/** Resolves with the detail of the next `type` event that passes `test`. */
function nextEvent<T = unknown>(
  target: EventTarget,
  type: string,
  test: (detail: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const on = (e: Event) => {
      const detail = (e as CustomEvent<T>).detail;
      if (!test(detail)) return;
      target.removeEventListener(type, on);
      resolve(detail);
    };
    target.addEventListener(type, on);
  });
}

Deno.test("socketUrl maps http(s) to ws(s) and appends /ws/{clientId}", () => {
  assert.equal(socketUrl("http://h:8000", "a b"), "ws://h:8000/ws/a%20b");
  assert.equal(socketUrl("wss://h/base/", "x"), "wss://h/base/ws/x");
  assert.throws(() => socketUrl("ftp://h", "x"), TypeError);
});

/** A WebSocket server whose behaviour per connection the test scripts. */
async function fakeServer(onSocket: (socket: WebSocket, n: number) => void) {
  const abort = new AbortController();
  const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
  let n = 0;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    (req) => {
      const { socket, response } = Deno.upgradeWebSocket(req);
      onSocket(socket, ++n);
      return response;
    },
  );
  const addr = await promise;
  return {
    url: `ws://127.0.0.1:${addr.port}`,
    async [Symbol.asyncDispose]() {
      abort.abort();
      await server.finished;
    },
  };
}

const frame = (seq: number, type: string, data: unknown) =>
  JSON.stringify({ type, data, seq, ts: Date.now() });

Deno.test("ConversationClient reconnects with capped exponential backoff and starts over", async () => {
  const sockets: WebSocket[] = [];
  await using server = await fakeServer((socket, n) => {
    sockets.push(socket);
    socket.onopen = () => {
      socket.send(frame(1, "status", { message: `Conversation ${n}`, stage: "clarifier" }));
      socket.send(frame(2, "question", { question: "Idea?", id: "clarifier-r1-q1", round: 1 }));
      if (n === 1) socket.close(1011, "Boom");
    };
  });
  const client = new ConversationClient({
    server: server.url,
    clientId: "c1",
    reconnect: { initialDelayMs: 20, maxDelayMs: 40, jitter: 0 },
  });
  const states: [string, number | null][] = [];
  client.addEventListener("connection", (e) => {
    const d = (e as CustomEvent).detail;
    states.push([d.state, d.delayMs]);
  });
  const resets = [] as unknown[];
  client.addEventListener("reset", (e) => resets.push((e as CustomEvent).detail));
  const second = nextEvent<{ message: string }>(
    client,
    "status",
    (d) => d.message === "Conversation 2",
  );
  client.connect();
  await second;
  await nextEvent(client, "question");
  assert.deepEqual(states, [
    ["connecting", null],
    ["open", null],
    ["reconnecting", 20],
    ["open", null],
  ]);
  assert.deepEqual(resets, [{ dropped: 0 }]);
  assert.equal(client.currentStatus, "Conversation 2");
  assert.equal(client.transcript.length, 1, "the old conversation was forgotten");
  assert.equal(client.currentQuestion?.id, "clarifier-r1-q1");
  const got = new Promise<string>((resolve) => {
    sockets[1]!.onmessage = (e) => resolve(e.data);
  });
  client.sendAnswer("Tools");
  assert.deepEqual(JSON.parse(await got), {
    type: "answer",
    questionId: "clarifier-r1-q1",
    answer: "Tools",
  });
  client.disconnect();
});

Deno.test("ConversationClient gives up after maxRetries and reports it", async () => {
  await using server = await fakeServer((socket) => {
    socket.onopen = () => socket.close(1013, "Busy");
  });
  const client = new ConversationClient({
    server: server.url,
    clientId: "c2",
    reconnect: { initialDelayMs: 5, factor: 2, maxDelayMs: 10, maxRetries: 2, jitter: 0 },
  });
  const delays: number[] = [];
  client.addEventListener("connection", (e) => {
    const d = (e as CustomEvent).detail;
    if (d.state === "reconnecting") delays.push(d.delayMs);
  });
  const gaveUp = nextEvent<{ code: string }>(client, "error", (d) => d.code === "reconnect_failed");
  client.connect();
  await gaveUp;
  assert.deepEqual(delays, [5, 10]);
  assert.equal(client.state, "closed");
});

Deno.test("ConversationClient tolerates unknown frame types and rejects malformed known ones", async () => {
  await using server = await fakeServer((socket) => {
    socket.onopen = () => {
      socket.send(frame(1, "session", { id: "s1", resumed: false }));
      socket.send(frame(2, "delta", { text: "Hel" }));
      socket.send(frame(3, "question", { nope: true }));
      socket.send("not json");
      socket.send(frame(4, "status", { message: "Still here", stage: "clarifier" }));
    };
  });
  const frames: AnyFrame[] = [];
  const errors: string[] = [];
  const client = new ConversationClient({
    server: server.url,
    clientId: "c3",
    reconnect: false,
    onMessage: (f) => frames.push(f),
    onError: (_m, e) => errors.push(e.code ?? ""),
  });
  const status = nextEvent(client, "status");
  client.connect();
  await status;
  assert.deepEqual(frames.map((f) => f.type), ["session", "delta", "status"]);
  assert.deepEqual(errors, ["bad_server_frame", "bad_server_frame"]);
  assert.equal(client.stage, "clarifier");
  client.disconnect();
});

Deno.test("ConversationClient.sendAnswer queues while offline, bounded by maxQueue", async () => {
  const received: string[] = [];
  const { promise: gotAll, resolve } = Promise.withResolvers<void>();
  await using server = await fakeServer((socket) => {
    socket.onopen = () => socket.send(frame(1, "status", { message: "Hi" }));
    socket.onmessage = (e) => {
      received.push(e.data);
      if (received.length === 2) resolve();
    };
  });
  const errors: string[] = [];
  const client = new ConversationClient({
    server: server.url,
    clientId: "c4",
    maxQueue: 2,
    onError: (_m, e) => errors.push(e.code ?? ""),
  });
  assert.equal(client.sendAnswer("one"), true);
  assert.equal(client.sendAnswer("two"), true);
  assert.equal(client.sendAnswer("three"), false);
  assert.deepEqual(errors, ["queue_full"]);
  assert.throws(() => client.sendAnswer("x".repeat(10_001)), RangeError);
  client.connect();
  await gotAll;
  assert.deepEqual(received.map((t) => JSON.parse(t)), [{ answer: "one" }, { answer: "two" }]);
  assert.equal(client.queued, 0);
  client.disconnect();
});
