/**
 * `deno task soak [--minutes 10] [--kill-every 30] [--conversations 16]`: mixed traffic
 * against ONE server subprocess on loopback for a fixed time, while the server is killed
 * with SIGKILL and started again on the same SQLite file at intervals. Not a test: it
 * prints figures. Traffic:
 * - whole conversations (seed-style answers by question id), each resuming with its token
 *   after every kill, and now and then reloading on purpose (close, resume from lastSeq);
 * - slow readers: conversations that wait a second before each answer;
 * - bad-frame floods: a socket that sends garbage frames, then closes;
 * - churn: connect, read the first frame, close.
 * Every loop is bounded by the deadline and every wait by a timeout, so it stops by itself.
 * It prints conversations completed, frames lost and duplicated (both must be 0: checked
 * per session against the store's own count), errors by kind, and the server's RSS.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { AnsweringClient, FrameSocket, type SeedFrame } from "../tests/_seed_client.ts";

/** Prints one line of the report. */
// deno-lint-ignore no-console
const print = (line: string) => console.log(line);

const { values } = parseArgs({
  args: Deno.args,
  options: {
    minutes: { type: "string", default: "10" },
    "kill-every": { type: "string", default: "30" },
    conversations: { type: "string", default: "16" },
  },
});
const MINUTES = Number(values.minutes);
const KILL_EVERY_MS = Number(values["kill-every"]) * 1000;
const CONVERSATIONS = Number(values.conversations);
if (!(MINUTES > 0 && KILL_EVERY_MS >= 1000 && CONVERSATIONS >= 1)) {
  throw new RangeError("Usage: soak.ts [--minutes N>0] [--kill-every S>=1] [--conversations N>=1]");
}
const ROOT = new URL("..", import.meta.url);
const DEADLINE = Date.now() + MINUTES * 60_000;
const FRAME_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const left = () => DEADLINE - Date.now();

// --- the server, killed and restarted -------------------------------------------------

const dir = await Deno.makeTempDir({ prefix: "parley-soak-" });
const db = `${dir}/parley.db`;
const port = (() => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const p = (l.addr as Deno.NetAddr).port;
  l.close();
  return p;
})();
const base = `127.0.0.1:${port}`;
let server: Deno.ChildProcess | undefined;
let up: Promise<void> = Promise.resolve();
let restarts = 0;

function start(): Promise<void> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts", "--port", String(port)],
    cwd: ROOT,
    env: { PARLEY_DB: db, LOG_LEVEL: "warn", CORS_ORIGINS: "*", PARLEY_GRACE_MS: "60000" },
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  server = child;
  return (async () => {
    for (let i = 0; i < 200; i++) {
      try {
        const res = await fetch(`http://${base}/healthz`);
        await res.body?.cancel();
        if (res.ok) return;
      } catch { /* not yet */ }
      await sleep(50);
    }
    throw new Error("The server did not come up within 10 s");
  })();
}

const rss: { atS: number; mib: number }[] = [];
function sampleRss(t0: number) {
  try {
    const status = Deno.readTextFileSync(`/proc/${server!.pid}/status`);
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    if (kb === 0) return; // the process is gone: a restart is under way
    rss.push({ atS: Math.round((Date.now() - t0) / 1000), mib: Math.round(kb / 1024) });
  } catch { /* restarting */ }
}

// --- tallies --------------------------------------------------------------------------

const tally = {
  completed: 0,
  verified: 0,
  lost: 0,
  duplicated: 0,
  resumes: 0,
  resumesAfterDrop: 0,
  reloads: 0,
  abandoned: 0,
};
const errors = new Map<string, number>();
const count = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);

/** Reads the next frame, or undefined if the socket closed or it took too long. */
async function read(sock: FrameSocket): Promise<SeedFrame | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      sock.next(),
      new Promise<undefined>((r) => timer = setTimeout(() => r(undefined), FRAME_TIMEOUT_MS)),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function connect(path: string): Promise<FrameSocket | undefined> {
  await up.catch(() => {});
  const sock = new FrameSocket(`ws://${base}${path}`);
  try {
    await sock.opened;
    return sock;
  } catch {
    count("connect_failed (server down)");
    await sock.close().catch(() => {});
    await sleep(200);
    return undefined;
  }
}

/** One whole conversation, resuming across kills and reloads; checks its frames at the end. */
async function conversation(worker: number, n: number, slow: boolean) {
  const client = new AnsweringClient();
  const seqs = new Map<number, number>();
  let complete = false;
  let reloaded = false;
  for (let attempt = 0; attempt < 50 && !complete && left() > 0; attempt++) {
    const resume = client.token !== "";
    const sock = await connect(`/ws/soak-${worker}${resume ? "?resume=1" : ""}`);
    if (!sock) continue;
    if (resume) {
      if (reloaded) tally.resumes++;
      else tally.resumesAfterDrop++;
      reloaded = false;
      sock.send({ type: "resume", token: client.token, lastSeq: client.lastSeq });
    }
    // A reload on purpose after a few frames, now and then.
    const reloadAt = Math.random() < 0.2 ? 3 + Math.floor(Math.random() * 10) : Infinity;
    let got = 0;
    for (;;) {
      const f = await read(sock);
      if (!f) break;
      if (typeof f.seq === "number") {
        seqs.set(f.seq, (seqs.get(f.seq) ?? 0) + 1);
        client.seen.push(f);
      }
      if (f.type === "session" && f.data.token) {
        client.token = String(f.data.token);
        client.sessionId = String(f.data.sessionId);
      }
      if (f.type === "error") count(`error frame: ${f.data.code}`);
      if (f.type === "complete") {
        complete = true;
        break;
      }
      const pending = f.type === "question"
        ? String(f.data.id)
        : f.type === "session" && f.data.pending
        ? String(f.data.pending)
        : undefined;
      if (pending) {
        if (slow) await sleep(1_000);
        try {
          client.answer(sock, pending);
        } catch { /* closed */ }
      }
      if (++got === reloadAt) {
        tally.reloads++;
        reloaded = true;
        break;
      }
    }
    if (sock.ws.readyState === WebSocket.CLOSED) {
      const { code } = await sock.closed;
      count(
        code === 1006 || code === 0
          ? "socket dropped (server killed)"
          : `closed by server: ${code}`,
      );
    }
    await sock.close().catch(() => {});
    if (!client.token) break; // refused before a session began
  }
  if (!complete) {
    tally.abandoned++;
    return;
  }
  tally.completed++;
  let stored = -1;
  // The server may be down for a restart just now: wait for it, a few times at most.
  for (let i = 0; i < 5 && stored < 0; i++) {
    await up.catch(() => {});
    try {
      const res = await fetch(
        `http://${base}/sessions/${client.sessionId}?token=${encodeURIComponent(client.token)}`,
      );
      stored = Number((await res.json()).frames);
    } catch {
      await sleep(200);
    }
  }
  if (stored < 0) {
    count("session read failed");
    return;
  }
  tally.verified++;
  // Frames up to `complete` (resume `session` frames may follow it in the store).
  const last = Math.max(...seqs.keys());
  for (let seq = 1; seq <= last; seq++) if (!seqs.has(seq)) tally.lost++;
  for (const c of seqs.values()) if (c > 1) tally.duplicated += c - 1;
  if (stored < last) tally.lost += last - stored;
  void n;
}

async function conversations(worker: number, slow: boolean) {
  for (let n = 0; n < 100_000 && left() > 5_000; n++) await conversation(worker, n, slow);
}

async function flood(worker: number) {
  for (let n = 0; n < 100_000 && left() > 0; n++) {
    const sock = await connect(`/ws/flood-${worker}`);
    if (!sock) continue;
    for (let i = 0; i < 100; i++) {
      try {
        sock.send(i % 2 ? "{not json" : { answer: 42 });
      } catch {
        break;
      }
    }
    await sleep(200);
    for (const f of sock.frames) if (f.type === "error") count(`flood: ${f.data.code}`);
    await sock.close().catch(() => {});
  }
}

async function churn(worker: number) {
  for (let n = 0; n < 1_000_000 && left() > 0; n++) {
    const sock = await connect(`/ws/churn-${worker}`);
    if (!sock) continue;
    const f = await read(sock);
    if (f?.type === "error") count(`churn: ${f.data.code}`);
    await sock.close().catch(() => {});
  }
}

// --- run ------------------------------------------------------------------------------

const t0 = Date.now();
up = start();
await up;
const rssTimer = setInterval(() => sampleRss(t0), 10_000);
sampleRss(t0);
const killer = (async () => {
  while (left() > KILL_EVERY_MS) {
    await sleep(KILL_EVERY_MS);
    server!.kill("SIGKILL");
    await server!.status;
    restarts++;
    up = start();
    await up.catch((err) => count(`restart failed: ${err.message}`));
  }
})();

await Promise.all([
  ...Array.from({ length: CONVERSATIONS }, (_, i) => conversations(i, false)),
  conversations(CONVERSATIONS, true),
  conversations(CONVERSATIONS + 1, true),
  flood(0),
  flood(1),
  churn(0),
  churn(1),
  killer,
]);
clearInterval(rssTimer);
sampleRss(t0);
server!.kill("SIGTERM");
await server!.status;
const dbMiB = (await Deno.stat(db)).size / 1048576;
await Deno.remove(dir, { recursive: true });

const line = (k: string, v: unknown) => print(`${k.padEnd(40)} ${v}`);
print(
  `soak: ${MINUTES} min, SIGKILL every ${
    KILL_EVERY_MS / 1000
  } s, ${CONVERSATIONS} + 2 slow conversation workers, 2 flooders, 2 churners`,
);
line("conversations completed", tally.completed);
line("conversations checked frame by frame", tally.verified);
line("frames lost", tally.lost);
line("frames duplicated", tally.duplicated);
line("server restarts (SIGKILL)", restarts);
line("resumes after a reload", tally.resumes);
line("resumes after a dropped socket (kill)", tally.resumesAfterDrop);
line("reloads on purpose", tally.reloads);
line("conversations cut by the deadline", tally.abandoned);
line("database size at the end (MiB)", dbMiB.toFixed(0));
print("errors by kind:");
for (const [k, v] of [...errors].sort((a, b) => b[1] - a[1])) line(`  ${k}`, v);
print("server RSS (MiB) over time:");
print("  " + rss.map((r) => `${r.atS}s:${r.mib}`).join("  "));
if (tally.lost || tally.duplicated) Deno.exit(1);
