/**
 * `deno task bench`: starts the server pinned to core 0 and the load generator pinned to
 * core 1, then prints conversations/s, frames/s, p50/p99 from an answer to the next frame,
 * and server RSS per idle connected session.
 *
 * Flags: `--clients 200 --seconds 10 --idle 5000`. Needs `taskset` (util-linux) for pinning;
 * without it the processes run unpinned and the output says so.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    idle: { type: "string", default: "5000" },
    "skip-idle": { type: "boolean", default: false },
    "skip-sqlite": { type: "boolean", default: false },
    "skip-resume": { type: "boolean", default: false },
  },
});
const root = join(import.meta.dirname!, "..");
const deno = Deno.execPath();
const pinned = await new Deno.Command("taskset", { args: ["-c", "0", "true"] }).output()
  .then((o) => o.success).catch(() => false);
const onCore = (core: number, args: string[]) =>
  pinned ? { cmd: "taskset", args: ["-c", String(core), deno, ...args] } : { cmd: deno, args };

// deno-lint-ignore no-console
const say = (line: string) => console.log(line);

function rssKiB(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

async function startServer(db = ":memory:") {
  const { cmd, args } = onCore(0, ["run", "-A", join(root, "main.ts"), "--port", "0"]);
  const child = new Deno.Command(cmd, {
    args,
    env: { LOG_LEVEL: "warn", PARLEY_MAX_SESSIONS: "100000", CORS_ORIGINS: "*", PARLEY_DB: db },
    stderr: "piped",
    stdout: "null",
  }).spawn();
  // The server logs its URL at info; at warn it logs nothing, so find the port by asking
  // the kernel which port the child listens on.
  const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      Deno.stderr.writeSync(new TextEncoder().encode(value));
    }
  })();
  for (let i = 0; i < 200; i++) {
    const port = listeningPort(child.pid);
    if (port) return { child, port };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("Server did not start listening within 5 s");
}

/** Finds the TCP port a process listens on, from /proc (no extra tools needed). */
function listeningPort(pid: number): number | undefined {
  const inodes = new Set<string>();
  try {
    for (const fd of Deno.readDirSync(`/proc/${pid}/fd`)) {
      try {
        const link = Deno.readLinkSync(`/proc/${pid}/fd/${fd.name}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m) inodes.add(m[1]!);
      } catch { /* fd closed meanwhile */ }
    }
    for (const line of Deno.readTextFileSync("/proc/net/tcp").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "0A" && inodes.has(cols[9] ?? "")) {
        return parseInt(cols[1]!.split(":")[1]!, 16);
      }
    }
  } catch { /* not up yet */ }
  return undefined;
}

function load(port: number, extra: string[]) {
  const { cmd, args } = onCore(1, [
    "run",
    "-A",
    join(root, "bench/load.ts"),
    "--url",
    `ws://127.0.0.1:${port}`,
    ...extra,
  ]);
  return new Deno.Command(cmd, { args, stdout: "piped", stdin: "piped" }).spawn();
}

say(
  `Parley benchmark (${
    new Date().toISOString()
  }), deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores, ${
    pinned ? "server on core 0, load on core 1" : "NOT pinned (taskset missing)"
  }`,
);

/** Runs the conversation load against a fresh server on `db`; prints and returns figures. */
async function conversations(label: string, db: string) {
  const { child, port } = await startServer(db);
  const gen = load(port, ["--clients", values.clients, "--seconds", values.seconds]);
  gen.stdin.close();
  const out = await gen.output();
  const r = JSON.parse(new TextDecoder().decode(out.stdout));
  say(
    `\nConversations, ${label}: ${r.clients} concurrent seed clients for ${r.seconds.toFixed(1)} s`,
  );
  say(`  conversations/s          ${r.conversationsPerSecond.toFixed(0)}   (target ≥ 1000)`);
  say(`  frames/s                 ${r.framesPerSecond.toFixed(0)}`);
  say(`  answer → next frame p50  ${r.answerToNextFrameMs.p50.toFixed(2)} ms`);
  say(`  answer → next frame p99  ${r.answerToNextFrameMs.p99.toFixed(2)} ms   (target < 50 ms)`);
  say(`  error frames ${r.errorFrames}, failed conversations ${r.failedConversations}`);
  say(`  server RSS after run     ${(rssKiB(child.pid) / 1024).toFixed(1)} MiB`);
  child.kill("SIGTERM");
  await child.status;
  return r.conversationsPerSecond as number;
}

const memory = await conversations("memory store", ":memory:");
if (!values["skip-sqlite"]) {
  const dir = await Deno.makeTempDir({ prefix: "parley-bench-" });
  const sqlite = await conversations("SQLite store", join(dir, "parley.db"));
  say(`\n  SQLite / memory           ${(sqlite / memory).toFixed(2)}   (target ≥ 0.8)`);
  await Deno.remove(dir, { recursive: true });
}

if (!values["skip-idle"]) {
  const n = Number(values.idle);
  const { child, port } = await startServer(":memory:");
  await new Promise((r) => setTimeout(r, 500));
  const before = rssKiB(child.pid);
  const gen = load(port, ["--idle", String(n)]);
  const lines = gen.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  while (!buf.includes("\n")) {
    const { done, value } = await lines.read();
    if (done) throw new Error("Load generator ended before its sessions were up");
    buf += value;
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssKiB(child.pid);
  const per = (after - before) / n;
  say(`\nIdle sessions: ${n} connected, each waiting on its first question`);
  say(
    `  server RSS before ${(before / 1024).toFixed(1)} MiB, after ${(after / 1024).toFixed(1)} MiB`,
  );
  say(`  RSS per idle session     ${per.toFixed(1)} KiB   (target < 64 KiB)`);
  const w = gen.stdin.getWriter();
  await w.write(new TextEncoder().encode("stop\n"));
  await w.close();
  await gen.status;
  lines.cancel();
  child.kill("SIGTERM");
  await child.status;
}

for (const script of ["bench/pipeline.ts", "bench/resume.ts"]) {
  if (values["skip-resume"] && script === "bench/resume.ts") continue;
  const { cmd, args } = onCore(0, ["run", "-A", join(root, script)]);
  const out = await new Deno.Command(cmd, { args, stdout: "piped" }).output();
  say("\n" + new TextDecoder().decode(out.stdout).trimEnd());
}
