/** ConversationClient in Deno against small scripted WebSocket servers. */
import assert from "node:assert/strict";
import {
  type AnyFrame,
  ConversationClient,
  sessionStorageKey,
  sessionUrls,
  socketUrl,
} from "./client.js";

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
async function fakeServer(onSocket: (socket: WebSocket, n: number, url: URL) => void) {
  const abort = new AbortController();
  const { promise, resolve } = Promise.withResolvers<Deno.NetAddr>();
  let n = 0;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    (req) => {
      const { socket, response } = Deno.upgradeWebSocket(req);
      onSocket(socket, ++n, new URL(req.url));
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
    ["live", null],
    ["reconnecting", 20],
    ["live", null],
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
      socket.send(frame(1, "future", { text: "from a newer server" }));
      socket.send(frame(2, "session", { id: "s1" }));
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
  assert.deepEqual(frames.map((f) => f.type), ["future", "status"]);
  assert.deepEqual(errors, ["bad_server_frame", "bad_server_frame", "bad_server_frame"]);
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

// ---------------------------------------------------------------------------------------
// Sessions: resume, dedupe, restart, bad tokens, several tabs, cancel, streaming

/** `localStorage` for Deno tests. */
class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** Messages a socket receives, read in order. */
function inbox(socket: WebSocket) {
  const got: unknown[] = [];
  const waiters: ((v: unknown) => void)[] = [];
  socket.addEventListener("message", (e) => {
    const value = JSON.parse(String(e.data));
    const w = waiters.shift();
    if (w) w(value);
    else got.push(value);
  });
  return {
    next(): Promise<unknown> {
      if (got.length) return Promise.resolve(got.shift());
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

const session = (seq: number, sessionId: string, extra: Record<string, unknown> = {}) =>
  frame(seq, "session", { sessionId, clientId: "tab", resumed: false, ...extra });
const question = (seq: number, id: string, text = `${id}?`) =>
  frame(seq, "question", { question: text, id, agent: "clarifier", round: 1 });

Deno.test("sessionUrls builds the http(s) URLs of a session with its token", () => {
  assert.deepEqual(sessionUrls("ws://h:8000", "s 1", "t/k"), {
    sessionUrl: "http://h:8000/sessions/s%201?token=t%2Fk",
    briefUrl: "http://h:8000/sessions/s%201/brief.md?token=t%2Fk",
  });
  assert.equal(
    sessionUrls("wss://h/base/", "s", "t").sessionUrl,
    "https://h/base/sessions/s?token=t",
  );
});

Deno.test("ConversationClient resumes after a drop with the last seq it applied, ignoring duplicates", async () => {
  const urls: string[] = [];
  const resumes: unknown[] = [];
  await using server = await fakeServer((socket, n, url) => {
    urls.push(url.pathname + url.search);
    if (n === 1) {
      socket.onopen = () => {
        socket.send(session(1, "s1", { token: "secret-1" }));
        socket.send(frame(2, "status", { message: "Clarifier", stage: "clarifier" }));
        socket.send(question(3, "q1"));
        socket.send(question(3, "q1")); // a duplicate on the same socket
        socket.close(1011, "Dropped");
      };
      return;
    }
    const from = inbox(socket);
    from.next().then((resume) => {
      resumes.push(resume);
      // Replays from seq 3 although lastSeq is 3: the client must ignore the overlap.
      socket.send(question(3, "q1"));
      socket.send(frame(4, "progress", { message: "Still on it", agent: "clarifier" }));
      socket.send(session(5, "s1", { resumed: true, lastSeq: 3, pending: "q1" }));
    });
  });
  const storage = new MemoryStorage();
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    storage,
    reconnect: { initialDelayMs: 5, jitter: 0 },
  });
  const resets: unknown[] = [];
  client.addEventListener("reset", (e) => resets.push((e as CustomEvent).detail));
  const sessions: Record<string, unknown>[] = [];
  client.addEventListener("session", (e) => sessions.push((e as CustomEvent).detail));
  const resumed = nextEvent<{ resumed: boolean }>(client, "session", (d) => d.resumed);
  client.connect();
  await resumed;
  assert.deepEqual(urls, ["/ws/tab", "/ws/tab?resume=1"]);
  assert.deepEqual(resumes, [{ type: "resume", token: "secret-1", lastSeq: 3 }]);
  assert.deepEqual(client.messages.map((f) => f.seq), [1, 2, 3, 4, 5]);
  assert.deepEqual(client.transcript.map((e) => e.id), ["q1"]);
  assert.equal(client.currentQuestion?.id, "q1");
  assert.deepEqual(resets, []);
  assert.equal(client.sessionId, "s1");
  assert.deepEqual(JSON.parse(storage.getItem(sessionStorageKey("tab")) ?? ""), {
    sessionId: "s1",
    token: "secret-1",
  });
  assert.equal(
    client.sessionUrl,
    `${server.url.replace("ws:", "http:")}/sessions/s1?token=secret-1`,
  );
  assert.equal(sessions[0]?.token, undefined, "events never carry the token");
  assert.equal(sessions[0]?.sessionUrl, client.sessionUrl);
  client.disconnect();
});

Deno.test("ConversationClient after a page load resumes the stored session from lastSeq 0", async () => {
  const resumes: unknown[] = [];
  await using server = await fakeServer((socket, _n, url) => {
    assert.equal(url.search, "?resume=1");
    inbox(socket).next().then((resume) => {
      resumes.push(resume);
      socket.send(session(1, "s1", { token: "secret-1" }));
      socket.send(question(2, "q1"));
      socket.send(frame(3, "answered", { questionId: "q1", answer: "Tools" }));
      socket.send(question(4, "q2"));
      socket.send(session(5, "s1", { resumed: true, lastSeq: 0, pending: "q2" }));
    });
  });
  const storage = new MemoryStorage();
  storage.setItem(sessionStorageKey("tab"), JSON.stringify({ sessionId: "s1", token: "secret-1" }));
  const client = new ConversationClient({ server: server.url, clientId: "tab", storage });
  assert.equal(client.sessionId, "s1", "known before connecting");
  const resumed = nextEvent<{ resumed: boolean }>(client, "session", (d) => d.resumed);
  client.connect();
  await resumed;
  assert.deepEqual(resumes, [{ type: "resume", token: "secret-1", lastSeq: 0 }]);
  assert.deepEqual(
    client.transcript.map((e) => [e.id, e.answer]),
    [["q1", "Tools"], ["q2", null]],
  );
  assert.equal(client.currentQuestion?.id, "q2");
  client.disconnect();
});

Deno.test("ConversationClient.restart resets on the new session and stores its token", async () => {
  const received: unknown[] = [];
  await using server = await fakeServer((socket) => {
    socket.onopen = () => {
      socket.send(session(1, "s1", { token: "secret-1" }));
      socket.send(question(2, "q1"));
    };
    socket.onmessage = (e) => {
      received.push(JSON.parse(e.data));
      socket.send(frame(3, "cancelled", { message: "Started over" }));
      socket.send(session(1, "s2", { token: "secret-2" }));
      socket.send(question(2, "q9", "New idea?"));
    };
  });
  const storage = new MemoryStorage();
  const client = new ConversationClient({ server: server.url, clientId: "tab", storage });
  const resets: unknown[] = [];
  client.addEventListener("reset", (e) => resets.push((e as CustomEvent).detail));
  const first = nextEvent(client, "question");
  client.connect();
  await first;
  const second = nextEvent<{ id: string }>(client, "question", (q) => q.id === "q9");
  client.restart();
  await second;
  assert.deepEqual(received, [{ type: "restart" }]);
  assert.deepEqual(resets, [{ dropped: 0 }]);
  assert.equal(client.sessionId, "s2");
  assert.equal(client.cancelled, false, "the new conversation is not cancelled");
  assert.deepEqual(client.messages.map((f) => [f.type, f.seq]), [["session", 1], ["question", 2]]);
  assert.deepEqual(client.transcript.map((e) => e.id), ["q9"]);
  assert.equal(JSON.parse(storage.getItem(sessionStorageKey("tab")) ?? "").token, "secret-2");
  client.disconnect();
});

Deno.test("ConversationClient forgets a refused token and connects afresh once", async () => {
  const urls: string[] = [];
  await using server = await fakeServer((socket, n, url) => {
    urls.push(url.search);
    if (n === 1) {
      inbox(socket).next().then(() => {
        socket.send(frame(1, "error", { message: "Unknown or expired token", code: "bad_token" }));
        socket.close(4401, "Bad token");
      });
      return;
    }
    socket.onopen = () => {
      socket.send(session(1, "s-new", { token: "secret-new" }));
      socket.send(frame(2, "status", { message: "Fresh", stage: "clarifier" }));
    };
  });
  const storage = new MemoryStorage();
  storage.setItem(sessionStorageKey("tab"), JSON.stringify({ sessionId: "old", token: "stale" }));
  const errors: string[] = [];
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    storage,
    onError: (_m, e) => errors.push(`${e.source}:${e.code}`),
  });
  const states: string[] = [];
  client.addEventListener("connection", (e) => states.push((e as CustomEvent).detail.state));
  const fresh = nextEvent(client, "status");
  client.connect();
  await fresh;
  assert.deepEqual(urls, ["?resume=1", ""]);
  assert.deepEqual(errors, ["connection:bad_token"]);
  assert.deepEqual(states, ["connecting", "live", "connecting", "live"], "no backoff, no loop");
  assert.equal(client.sessionId, "s-new");
  assert.deepEqual(JSON.parse(storage.getItem(sessionStorageKey("tab")) ?? ""), {
    sessionId: "s-new",
    token: "secret-new",
  });
  assert.deepEqual(client.messages.map((f) => f.seq), [1, 2]);
  client.disconnect();
});

Deno.test("ConversationClient applies answered frames from another tab and first-answer-wins", async () => {
  const sockets: WebSocket[] = [];
  const { promise: bothIn, resolve } = Promise.withResolvers<void>();
  await using server = await fakeServer((socket) => {
    sockets.push(socket);
    socket.onopen = () => {
      socket.send(session(1, "s1", { token: "secret-1" }));
      socket.send(question(2, "q1"));
      if (sockets.length === 2) resolve();
    };
    socket.onmessage = (e) => {
      const { questionId, answer } = JSON.parse(e.data);
      // The first answer wins; every tab hears it.
      for (const s of sockets) s.send(frame(3, "answered", { questionId, answer }));
    };
  });
  const tabA = new ConversationClient({ server: server.url, clientId: "tab" });
  const tabB = new ConversationClient({ server: server.url, clientId: "tab" });
  const asked = Promise.all([nextEvent(tabA, "question"), nextEvent(tabB, "question")]);
  tabA.connect();
  tabB.connect();
  await Promise.all([asked, bothIn]);
  const answeredA = nextEvent<{ byThisClient: boolean }>(tabA, "answered");
  const answeredB = nextEvent<{ byThisClient: boolean }>(tabB, "answered");
  tabA.sendAnswer("Tools");
  assert.deepEqual(await answeredA, { questionId: "q1", answer: "Tools", byThisClient: true });
  assert.deepEqual(await answeredB, { questionId: "q1", answer: "Tools", byThisClient: false });
  for (const tab of [tabA, tabB]) {
    assert.equal(tab.currentQuestion, null);
    assert.deepEqual(tab.transcript.map((e) => [e.id, e.answer]), [["q1", "Tools"]]);
  }
  tabA.disconnect();
  tabB.disconnect();
});

Deno.test("ConversationClient.cancel sends cancel, shows cancelled and does not reconnect", async () => {
  const received: unknown[] = [];
  let connections = 0;
  await using server = await fakeServer((socket) => {
    connections++;
    socket.onopen = () => {
      socket.send(session(1, "s1", { token: "secret-1" }));
      socket.send(frame(2, "status", { message: "Product", stage: "product" }));
      socket.send(frame(3, "delta", { agent: "product", id: "product-1", partial: { goals: [] } }));
    };
    socket.onmessage = (e) => {
      received.push(JSON.parse(e.data));
      socket.send(frame(4, "cancelled", { message: "Stopped by the person" }));
      socket.close(1000, "Cancelled");
    };
  });
  const client = new ConversationClient({ server: server.url, clientId: "tab" });
  const delta = nextEvent(client, "delta");
  client.connect();
  await delta;
  assert.deepEqual(Object.keys(client.streams), ["product"]);
  const cancelled = nextEvent<{ message: string }>(client, "cancelled");
  const closed = nextEvent<{ state: string }>(client, "connection", (d) => d.state === "closed");
  assert.equal(client.cancel(), true);
  assert.deepEqual(await cancelled, { message: "Stopped by the person" });
  await closed;
  assert.deepEqual(received, [{ type: "cancel" }]);
  assert.equal(client.cancelled, true);
  assert.equal(client.cancelMessage, "Stopped by the person");
  assert.deepEqual(client.streams, {});
  assert.equal(client.stages.product, "pending");
  assert.equal(connections, 1);
});

Deno.test("ConversationClient keeps one stream per agent from delta frames until its result", async () => {
  await using server = await fakeServer((socket) => {
    socket.onopen = () => {
      const d = (seq: number, data: unknown) => socket.send(frame(seq, "delta", data));
      d(1, { agent: "summary", id: "summary-1", text: "# Bri" });
      d(2, { agent: "product", id: "product-1", partial: { vision: "A" } });
      d(3, { agent: "summary", id: "summary-1", text: "ef\n" });
      d(4, { agent: "product", id: "product-2", partial: { vision: "B" } }); // a retry
      d(5, { agent: "product", id: "product-2", partial: { vision: "B", goals: ["G"] } });
      socket.send(frame(6, "status", { message: "mark" }));
      socket.send(frame(7, "result", { agent: "product", data: { vision: "B", goals: ["G"] } }));
      socket.send(frame(8, "status", { message: "end" }));
    };
  });
  const client = new ConversationClient({ server: server.url, clientId: "tab" });
  const mark = nextEvent<{ message: string }>(client, "status");
  const end = nextEvent<{ message: string }>(client, "status", (d) => d.message === "end");
  client.connect();
  await mark;
  assert.deepEqual(client.streams, {
    summary: { agent: "summary", id: "summary-1", text: "# Brief\n", partial: undefined, seq: 3 },
    product: {
      agent: "product",
      id: "product-2",
      text: "",
      partial: { vision: "B", goals: ["G"] },
      seq: 5,
    },
  });
  await end;
  assert.deepEqual(Object.keys(client.streams), ["summary"], "the result closed product's stream");
  assert.deepEqual(client.messages.map((f) => f.type), ["status", "result", "status"]);
  client.disconnect();
});

// ---------------------------------------------------------------------------------------
// Issue 10 / issue 9: pending answers, lost sessions, frames without seq, typed events

Deno.test("ConversationClient re-sends an unconfirmed answer after a resume and shows it pending", async () => {
  const seen: unknown[][] = [];
  await using server = await fakeServer((socket, n) => {
    const from = inbox(socket);
    seen.push([]);
    const log = seen[n - 1]!;
    if (n === 1) {
      socket.onopen = () => {
        socket.send(session(1, "s1", { token: "secret-1" }));
        socket.send(question(2, "q1"));
      };
      // The answer arrives, but the connection drops before it is confirmed.
      from.next().then((answer) => {
        log.push(answer);
        socket.close(1011, "Dropped");
      });
      return;
    }
    from.next().then(async (resume) => {
      log.push(resume);
      log.push(await from.next());
      socket.send(session(3, "s1", { resumed: true, lastSeq: 2, pending: "q1" }));
      socket.send(frame(4, "answered", { questionId: "q1", answer: "Tools" }));
    });
  });
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    reconnect: { initialDelayMs: 5, jitter: 0 },
  });
  const asked = nextEvent(client, "question");
  client.connect();
  await asked;
  const dropped = nextEvent<{ state: string }>(client, "connection", (d) => d.state !== "live");
  assert.equal(client.sendAnswer("Tools"), true);
  assert.deepEqual(client.getSnapshot().pending, [
    { questionId: "q1", answer: "Tools", state: "sending" },
  ]);
  assert.equal((await dropped).state, "reconnecting");
  assert.equal(client.getSnapshot().pending.length, 1, "still unconfirmed while away");
  assert.equal(typeof client.getSnapshot().retryAt, "number");
  const answered = nextEvent<{ byThisClient: boolean }>(client, "answered");
  assert.equal((await answered).byThisClient, true);
  const answer = { type: "answer", questionId: "q1", answer: "Tools" };
  assert.deepEqual(seen, [[answer], [{ type: "resume", token: "secret-1", lastSeq: 2 }, answer]]);
  const snap = client.getSnapshot();
  assert.deepEqual(snap.pending, []);
  assert.equal(snap.state, "live");
  assert.equal(snap.retryAt, null);
  assert.equal(snap.idea, "Tools");
  assert.deepEqual(snap.progress, { number: 1, about: undefined, round: 1, rounds: undefined });
  client.disconnect();
});

Deno.test("ConversationClient: a lost session keeps the transcript, stops, and restart starts anew", async () => {
  await using server = await fakeServer((socket, n, url) => {
    if (n === 1) {
      socket.onopen = () => {
        socket.send(session(1, "s1", { token: "secret-1" }));
        socket.send(question(2, "q1"));
        socket.send(frame(3, "answered", { questionId: "q1", answer: "A recipe app" }));
        socket.send(question(4, "q2"));
        socket.close(1011, "Server restarted");
      };
      return;
    }
    if (url.search === "?resume=1") {
      inbox(socket).next().then(() => {
        socket.send(frame(1, "error", { message: "Unknown token", code: "bad_token" }));
        socket.close(4401, "bad_token");
      });
      return;
    }
    socket.onopen = () => socket.send(session(1, "s2", { token: "secret-2" }));
  });
  const storage = new MemoryStorage();
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    storage,
    reconnect: { initialDelayMs: 5, jitter: 0 },
  });
  const closed = nextEvent<{ state: string }>(client, "connection", (d) => d.state === "closed");
  client.connect();
  await closed;
  const snap = client.getSnapshot();
  assert.equal(snap.sessionLost, true);
  assert.equal(snap.state, "closed", "no new conversation behind the person's back");
  assert.deepEqual(snap.transcript.map((e) => [e.id, e.answer]), [
    ["q1", "A recipe app"],
    ["q2", null],
  ]);
  assert.equal(snap.idea, "A recipe app");
  assert.equal(snap.currentQuestion, null, "nothing can be answered any more");
  assert.equal(snap.lastError?.code, "bad_token");
  assert.equal(storage.getItem(sessionStorageKey("tab")), null, "the dead token is forgotten");
  const fresh = nextEvent<{ sessionId: string }>(client, "session");
  client.restart();
  assert.equal((await fresh).sessionId, "s2");
  assert.equal(client.sessionLost, false);
  assert.deepEqual(client.transcript, []);
  client.disconnect();
});

Deno.test("ConversationClient applies frames without seq: pongs silently, input errors as errors", async () => {
  await using server = await fakeServer((socket) => {
    socket.onopen = () => {
      socket.send(session(1, "s1", { token: "secret-1" }));
      socket.send(JSON.stringify({ type: "pong", data: { id: "7" }, ts: Date.now() }));
      socket.send(JSON.stringify({
        type: "error",
        data: { message: "No question is waiting", code: "no_question" },
        ts: Date.now(),
      }));
      socket.send(question(2, "q1"));
    };
  });
  const frames: string[] = [];
  const errors: string[] = [];
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    onMessage: (f) => frames.push(`${f.type}:${f.seq}`),
  });
  client.addEventListener("error", (e) => errors.push(`${e.detail.source}:${e.detail.code}`));
  // The event map types the detail: `e.detail.id` is a string here.
  const asked = new Promise<string>((resolve) => {
    client.addEventListener("question", (e) => resolve(e.detail.id), { once: true });
  });
  client.connect();
  assert.equal(await asked, "q1");
  assert.deepEqual(frames, ["session:1", "error:undefined", "question:2"]);
  assert.deepEqual(errors, ["server:no_question"]);
  assert.equal(client.currentQuestion?.id, "q1", "seq 2 applied after the seq-less error");
  client.disconnect();
});

Deno.test("ConversationClient heartbeat: a server that stops answering is left and resumed", async () => {
  const resumes: unknown[] = [];
  await using server = await fakeServer((socket, n) => {
    if (n === 1) {
      // Sends the conversation, then goes silent (a half-open connection).
      socket.onopen = () => {
        socket.send(session(1, "s1", { token: "secret-1" }));
        socket.send(question(2, "q1"));
      };
      return;
    }
    inbox(socket).next().then((resume) => {
      resumes.push(resume);
      socket.send(session(3, "s1", { resumed: true, lastSeq: 2, pending: "q1" }));
    });
  });
  const client = new ConversationClient({
    server: server.url,
    clientId: "tab",
    reconnect: { initialDelayMs: 1, jitter: 0 },
    heartbeat: { intervalMs: 5, timeoutMs: 20 },
  });
  const lost = nextEvent<{ code: string }>(client, "error", (e) => e.code === "heartbeat_timeout");
  const resumed = nextEvent<{ resumed: boolean }>(client, "session", (d) => d.resumed);
  client.connect();
  await lost;
  await resumed;
  assert.deepEqual(resumes, [{ type: "resume", token: "secret-1", lastSeq: 2 }]);
  assert.equal(client.currentQuestion?.id, "q1");
  client.disconnect();
});
