/**
 * Storage faults, real where the machine allows: a 2 MiB tmpfs that fills up in the middle
 * of a conversation and is freed again, a file system remounted read-only at run time, a
 * database with a page overwritten, a missing folder, and a second Parley process on the
 * same file. The server never crashes, never sends a frame it did not store, and carries
 * on by itself with gapless seqs once the fault clears. Mounting needs root (CI is root).
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { ProtocolVerifier } from "../protocol/verify.js";
import { SqliteStore } from "../server/sqlite_store.ts";
import { CAN_MOUNT, corruptPage, mountTmpfs } from "./_faults.ts";
import { AnsweringClient, FrameSocket, type SeedFrame } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";
import { within as waitWithin } from "./_wait.ts";

const ROOT = new URL("..", import.meta.url);
const WAIT_MS = 20_000;
if (!CAN_MOUNT) {
  // deno-lint-ignore no-console
  console.warn("storage_faults_test: not root, so the tmpfs tests are skipped (CI runs as root)");
}

/** Rejects after `ms` (default {@link WAIT_MS}) unless `promise` settles first. */
const within = <T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> =>
  waitWithin(promise, what, ms);

/** The frames of a session's log (those with a seq), checked gapless and in order. */
function verifyLog(frames: readonly SeedFrame[]): SeedFrame[] {
  const logged = frames.filter((f) => typeof f.seq === "number");
  const v = new ProtocolVerifier();
  for (const f of logged) v.server(f as SeedFrame & { seq: number });
  assert.deepEqual(logged.map((f) => f.seq), logged.map((_, i) => i + 1), "gapless seqs");
  return logged;
}

/** Reads frames until `pred` holds for one, returning it. */
async function until(sock: FrameSocket, pred: (f: SeedFrame) => boolean, what: string) {
  return await within(
    (async () => {
      for (;;) {
        const f = await sock.next();
        if (pred(f)) return f;
      }
    })(),
    what,
  );
}

/** The seqs the store holds for a session. */
function storedSeqs(store: SqliteStore, sessionId: string): number[] {
  return store.frames(sessionId).map((f) => f.seq);
}

async function healthz(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
}

/** Opens a new session and returns its first frame and how the socket closed. */
async function tryNewSession(wsUrl: string): Promise<{ first: SeedFrame; code?: number }> {
  await using sock = new FrameSocket(wsUrl);
  const first = await within(sock.next(), "a first frame");
  if (first.type === "error") return { first, code: (await sock.closed).code };
  return { first };
}

Deno.test({
  name:
    "A disk that fills up mid-conversation pauses it, sends nothing unstored, and it completes gapless once space is freed",
  ignore: !CAN_MOUNT,
  async fn() {
    await using fs = await mountTmpfs("2m");
    const errors: string[] = [];
    const store = new SqliteStore(`${fs.dir}/parley.db`, (e) => errors.push(String(e)));
    await using server = await startTestServer({}, { store });
    await using sock = new FrameSocket(server.wsUrl("full-disk"));
    const client = new AnsweringClient();
    // Answer the first question; stop at the second.
    let questions = 0;
    await within(client.run(sock, (f) => f.type === "question" && ++questions === 2), "q2");
    const pending = String(client.seen.at(-1)!.data.id);
    const sentBefore = client.lastSeq;

    await fs.fill();
    client.answer(sock, pending);
    const notice = await until(sock, (f) => f.type === "error", "the storage notice");
    assert.equal(notice.data.code, "storage_unavailable");
    assert.equal(notice.seq, undefined, "a notice that cannot be stored carries no seq");
    assert.ok(store.failure, "the store reports the fault");
    assert.equal(client.lastSeq, sentBefore, "nothing unstored was sent");
    assert.deepEqual(storedSeqs(store, client.sessionId).at(-1), sentBefore);

    const health = await healthz(server.url);
    assert.equal(health.status, 503);
    assert.equal(health.body.ok, false);
    assert.equal(health.body.store, "sqlite");
    assert.equal(health.body.storeReachable, false);

    const refused = await tryNewSession(server.wsUrl("newcomer"));
    assert.equal(refused.first.data.code, "server_busy");
    assert.match(String(refused.first.data.message), /Storage is failing/);
    assert.equal(refused.code, 1013);

    // Space comes back: the session carries on by itself and the client finishes.
    await fs.free();
    assert.equal(await within(client.run(sock), "the conversation to complete"), "complete");
    const logged = verifyLog(client.seen);
    assert.deepEqual(
      storedSeqs(store, client.sessionId),
      logged.map((f) => f.seq),
      "every frame sent is stored, every stored frame was sent, once",
    );
    assert.equal(store.failure, undefined);
    assert.equal((await healthz(server.url)).status, 200);
    assert.ok(errors.some((e) => /full/i.test(e)), `the fault was logged: ${errors.join("; ")}`);
  },
});

Deno.test("A frame whose write a second writer refused (UNIQUE) is never sent; the session is closed and resumes from the store", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-unique-" });
  try {
    const db = `${dir}/parley.db`;
    // Two writers on one file need SQLite's normal locking: a second Parley is refused at
    // start (see below), so this is the only way two writers meet.
    const store = new SqliteStore(db, () => {}, { exclusive: false });
    await using server = await startTestServer({}, { store });
    await using sock = new FrameSocket(server.wsUrl("unique"));
    const client = new AnsweringClient();
    await within(client.run(sock, (f) => f.type === "question"), "q1");
    const next = client.lastSeq + 1;
    const other = new DatabaseSync(db);
    other.prepare("insert into frames (session_id, seq, origin, body) values (?, ?, ?, ?)").run(
      client.sessionId,
      next,
      "session",
      JSON.stringify({ type: "status", data: { message: "the other writer" }, seq: next, ts: 0 }),
    );
    other.close();
    client.answer(sock, String(client.seen.at(-1)!.data.id));
    const notice = await until(sock, (f) => f.type === "error", "the storage notice");
    assert.equal(notice.data.code, "storage_unavailable");
    assert.equal(notice.seq, undefined);
    const closed = await within(sock.closed, "the socket to close");
    assert.equal(closed.code, 1013);
    assert.ok(
      !sock.frames.some((f) => f.seq === next && f.type === "answered"),
      "the refused frame was never sent",
    );
    assert.equal(store.failure, undefined, "one session's refusal is not a store fault");
    // The client resumes from what the store holds (the other writer's frame included).
    await using again = new FrameSocket(`${server.wsUrl("unique")}?resume=1`);
    await again.opened;
    again.send({ type: "resume", token: client.token, lastSeq: client.lastSeq });
    assert.equal(await within(client.run(again), "the resumed conversation"), "complete");
    const logged = verifyLog(client.seen);
    assert.deepEqual(storedSeqs(store, client.sessionId), logged.map((f) => f.seq));
    // The server is unharmed: a new conversation runs to the end.
    await using fresh = new FrameSocket(server.wsUrl("after"));
    assert.equal(await within(new AnsweringClient().run(fresh), "a new conversation"), "complete");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name:
    "The sweep survives a full disk (deletes nothing, throws nothing) and deletes in batches that yield once space is back",
  ignore: !CAN_MOUNT,
  async fn() {
    await using fs = await mountTmpfs("4m");
    const errors: string[] = [];
    const store = new SqliteStore(`${fs.dir}/parley.db`, (e, w) => errors.push(`${w}: ${e}`), {
      sweepBatch: 50,
    });
    try {
      const old = Date.now() - 60_000;
      for (let i = 0; i < 120; i++) {
        const id = `s${String(i).padStart(3, "0")}`;
        store.create({
          id,
          clientId: "c",
          tokenHash: "00",
          createdAt: old,
          updatedAt: old,
          state: "complete",
        });
        for (let seq = 1; seq <= 5; seq++) {
          store.appendFrame(id, { seq, origin: "pipeline", text: "x".repeat(500) });
        }
      }
      await new Promise<void>((r) => store.whenDurable(r));
      // Committed frames set updated_at to now: the sweeps below cut at a second from now.
      await fs.fill();
      assert.equal(await store.sweep(Date.now() + 1_000), 0, "nothing deleted on a full disk");
      assert.ok(errors.some((e) => e.startsWith("sweep:")), errors.join("; "));
      await fs.free();
      let ticked = false;
      setTimeout(() => ticked = true, 0);
      assert.equal(await store.sweep(Date.now() + 1_000), 120);
      assert.ok(ticked, "the sweep yielded to the event loop between batches");
      assert.deepEqual(store.frames("s000"), []);
    } finally {
      store.close();
    }
  },
});

Deno.test({
  name:
    "A server process started on a full disk survives its first connection, reports 503, and serves it once space is freed",
  ignore: !CAN_MOUNT,
  async fn() {
    await using fs = await mountTmpfs("2m");
    const db = `${fs.dir}/parley.db`;
    new SqliteStore(db).close();
    await fs.fill();
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "main.ts", "--port", "0"],
      cwd: ROOT,
      env: { PARLEY_DB: db, LOG_LEVEL: "info", CORS_ORIGINS: "*" },
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const lines: string[] = [];
    const listening = Promise.withResolvers<string>();
    const drained = (async () => {
      let rest = "";
      for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop()!;
        for (const line of parts) {
          lines.push(line);
          const url = /"msg":"listening".*"url":"([^"]+)"/.exec(line)?.[1];
          if (url) listening.resolve(url);
        }
      }
      listening.reject(new Error(`The server exited:\n${lines.join("\n")}`));
    })();
    try {
      const url = await within(listening.promise, "the server to listen");
      const wsUrl = `${url.replace(/^http/, "ws")}/ws/on-full-disk`;
      await using sock = new FrameSocket(wsUrl);
      const notice = await until(sock, (f) => f.type === "error", "the storage notice");
      assert.equal(notice.data.code, "storage_unavailable");
      assert.equal(sock.frames.filter((f) => typeof f.seq === "number").length, 0);
      const health = await healthz(url);
      assert.equal(health.status, 503, JSON.stringify(health.body));
      assert.equal(health.body.store, "sqlite");
      assert.equal(health.body.storeReachable, false);
      await fs.free();
      const client = new AnsweringClient();
      assert.equal(await within(client.run(sock), "the conversation to complete"), "complete");
      verifyLog(client.seen);
      assert.equal((await healthz(url)).status, 200);
      assert.ok(lines.some((l) => /store failing/.test(l)), lines.join("\n"));
      assert.ok(lines.some((l) => /store recovered/.test(l)), lines.join("\n"));
    } finally {
      try {
        child.kill("SIGKILL");
      } catch { /* exited */ }
      await child.status;
      await drained;
    }
  },
});

Deno.test("A page corrupted under a running server: a resume that reads it is refused with server_busy, writes pause, the process stays up", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-corrupt-live-" });
  try {
    const db = `${dir}/parley.db`;
    // Session A is written first, so its rows sit in the file's first pages.
    const a = new AnsweringClient();
    {
      await using server = await startTestServer({}, { store: new SqliteStore(db) });
      await using sock = new FrameSocket(server.wsUrl("early"));
      await within(a.run(sock, (f) => f.type === "question"), "A's first question");
    }
    // 8 MiB of later sessions: more than SQLite's page cache, which quick_check leaves
    // holding the file's last pages.
    const filler = new SqliteStore(db);
    for (let i = 0; i < 400; i++) {
      const id = `filler-${i}`;
      filler.create({
        id,
        clientId: "f",
        tokenHash: "00",
        createdAt: 1,
        updatedAt: 1,
        state: "complete",
      });
      for (let seq = 1; seq <= 10; seq++) {
        filler.appendFrame(id, { seq, origin: "pipeline", text: "z".repeat(2_000) });
      }
      if (i % 50 === 49) await new Promise<void>((r) => filler.whenDurable(r));
    }
    filler.close();
    const raw = new DatabaseSync(db);
    raw.exec("pragma wal_checkpoint(truncate)");
    raw.close();

    const store = new SqliteStore(db); // passes quick_check: nothing is corrupt yet
    await using server = await startTestServer({}, { store });
    for (let page = 1; page <= 6; page++) await corruptPage(db, page);

    await using again = new FrameSocket(`${server.wsUrl("early")}?resume=1`);
    await again.opened;
    again.send({ type: "resume", token: a.token, lastSeq: a.lastSeq });
    const refused = await within(again.next(), "the refusal");
    assert.equal(refused.data.code, "server_busy");
    assert.match(String(refused.data.message), /Storage cannot be read just now/);
    assert.equal((await again.closed).code, 1013);

    // A new session's writes hit the corrupt pages: it pauses with the notice, 503.
    await using fresh = new FrameSocket(server.wsUrl("fresh"));
    const notice = await until(fresh, (f) => f.type === "error", "the storage notice");
    assert.equal(notice.data.code, "storage_unavailable");
    assert.match(String(store.failure), /malformed|corrupt/i);
    assert.equal((await healthz(server.url)).status, 503);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

// --- Start-up: one line, exit code 1, no stack trace --------------------------------------

/** Runs `main.ts` on `db` and returns its exit code and stderr (it must not start). */
async function startFails(db: string): Promise<{ code: number; stderr: string }> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts", "--port", "0"],
    cwd: ROOT,
    env: { PARLEY_DB: db, LOG_LEVEL: "info" },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), WAIT_MS);
  const out = await child.output();
  clearTimeout(timer);
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

function assertOneLine(result: { code: number; stderr: string }, db: string, what: RegExp) {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line, no stack trace:\n${result.stderr}`);
  assert.ok(lines[0]!.startsWith(`parley: ${db}: `), lines[0]);
  assert.match(lines[0]!, what);
  assert.match(lines[0]!, / — /, "says what to do");
}

Deno.test("Start-up refuses a missing folder with one line and exit code 1", async () => {
  const db = `/nonexistent-${crypto.randomUUID()}/parley.db`;
  assertOneLine(await startFails(db), db, /folder .* does not exist/);
});

Deno.test("Start-up refuses a database with a corrupted page (quick_check) with one line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-corrupt-" });
  try {
    const db = `${dir}/parley.db`;
    const store = new SqliteStore(db);
    for (let i = 0; i < 40; i++) {
      const id = `s${i}`;
      store.create({
        id,
        clientId: "c",
        tokenHash: "00",
        createdAt: 1,
        updatedAt: 1,
        state: "live",
      });
      store.appendFrame(id, { seq: 1, origin: "pipeline", text: "y".repeat(2_000) });
    }
    store.close();
    // Fold the WAL into the file, then overwrite a page in the middle of the frames table.
    const raw = new DatabaseSync(db);
    raw.exec("pragma wal_checkpoint(truncate)");
    raw.close();
    const pages = Math.floor((await Deno.stat(db)).size / 16_384);
    assert.ok(pages >= 4, `enough pages to corrupt one: ${pages}`);
    await corruptPage(db, pages - 2);
    assertOneLine(await startFails(db), db, /corrupted/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("Start-up refuses a file that is not a database with one line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-notdb-" });
  try {
    const db = `${dir}/parley.db`;
    await Deno.writeTextFile(db, "this is not SQLite\n".repeat(1_000));
    assertOneLine(await startFails(db), db, /corrupted \(file is not a database\)/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "Start-up refuses a read-only database with one line",
  ignore: !CAN_MOUNT,
  async fn() {
    await using fs = await mountTmpfs("4m");
    const db = `${fs.dir}/parley.db`;
    new SqliteStore(db).close();
    await fs.remount(true);
    assertOneLine(await startFails(db), db, /read-only/);
  },
});

Deno.test("Start-up refuses a database another Parley process holds, and the first one keeps serving", async () => {
  const dir = await Deno.makeTempDir({ prefix: "parley-locked-" });
  const db = `${dir}/parley.db`;
  const first = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts", "--port", "0"],
    cwd: ROOT,
    env: { PARLEY_DB: db, LOG_LEVEL: "info" },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  try {
    const reader = first.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    let url = "";
    await within(
      (async () => {
        while (!url) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`The first server exited: ${seen}`);
          seen += value;
          url = /"url":"([^"]+)"/.exec(seen)?.[1] ?? "";
        }
      })(),
      "the first server to listen",
    );
    assertOneLine(await startFails(db), db, /in use by another process/);
    const res = await fetch(`${url}/healthz`);
    assert.equal(res.status, 200, "the first server is unharmed");
    await res.body?.cancel();
    first.kill("SIGKILL");
    reader.releaseLock();
    await first.stderr.cancel().catch(() => {});
    await first.status;
  } finally {
    try {
      first.kill("SIGKILL");
    } catch { /* gone */ }
    await first.status;
    await Deno.remove(dir, { recursive: true });
  }
});
