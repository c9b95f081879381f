/**
 * `deno task bench`: the whole stack against its comparators, in one run, one table.
 *
 * 1. Records one real Parley conversation (memory store) as the fixed script the
 *    comparators play (bench/_script.ts), so they send the same rounds, frames and bytes.
 * 2. For 200 concurrent seed clients (bench/load.ts) doing whole conversations back to back:
 *    a bare Deno server playing the script (bench/bare_deno.ts), the seed's FastAPI stack
 *    playing it (bench/seed_fastapi/app.py, one uvicorn worker), Parley on the memory store,
 *    Parley on SQLite (as shipped), Parley on Redis (one process) — all on core 0 with the
 *    load generator on core 1 — then Parley on Redis with two processes sharing the port and
 *    the seed's `-w 4` (four uvicorn workers), both on cores 0–1 with the load generator
 *    unpinned, since two server processes need both cores.
 * 3. Ratios against each comparator present, Redis CPU per conversation.
 * 4. Server RSS per idle connected session; bench/pipeline.ts and bench/resume.ts.
 *
 * A comparator that is not installed is skipped with the command that installs it; the
 * Redis rows run only when `main.ts` honours `PARLEY_REDIS_URL` (cluster mode), checked by
 * looking for the session's keys in the bench's own `redis-server`.
 *
 * Flags: `--clients 200 --seconds 10 --idle 5000 --skip-idle --skip-sqlite --skip-resume
 * --skip-bare --skip-fastapi --skip-redis --redis-fsync everysec
 * --repeat 1` (`--repeat 3` runs the rows three times in
 * turn and reports each row's median, for a machine that is not quiet).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { PINNED, spawn, treeUsage } from "./_procs.ts";
import { describeScript, recordScript } from "./_script.ts";
import {
  fastapiLoop,
  findFastapiPython,
  measure,
  type Measured,
  type Running,
  startBareDeno,
  startFastapi,
  startParley,
} from "./_servers.ts";
import { median, num, ratio, table } from "./_stats.ts";
import { startRedis, type TestRedis } from "../tests/_redis.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    idle: { type: "string", default: "5000" },
    "skip-idle": { type: "boolean", default: false },
    "skip-sqlite": { type: "boolean", default: false },
    "skip-resume": { type: "boolean", default: false },
    "skip-bare": { type: "boolean", default: false },
    "skip-fastapi": { type: "boolean", default: false },
    "skip-redis": { type: "boolean", default: false },
    "redis-fsync": { type: "string", default: "everysec" },
    repeat: { type: "string", default: "1" },
  },
});
const root = join(import.meta.dirname!, "..");
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const repeat = Math.max(1, Number(values.repeat));

// deno-lint-ignore no-console
const say = (line: string) => console.log(line);
const ONE = PINNED ? "0" : undefined;
const LOAD = PINNED ? "1" : undefined;
const BOTH = PINNED ? "0,1" : undefined;
const tmp = await Deno.makeTempDir({ prefix: "parley-bench-" });

say(
  `Parley benchmark (${
    new Date().toISOString()
  }), deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores, load average ${
    Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ")
  }, ${PINNED ? "pinned with taskset" : "NOT pinned (taskset missing)"}`,
);

/** One row of the table: a server, where it ran, and its figures (or why it has none). */
interface Row {
  label: string;
  cores: string;
  m?: Measured;
  redisCpuMsPerConversation?: number;
  skipped?: string;
}
let rows: Row[] = [];

async function row(
  label: string,
  cores: string,
  start: () => Promise<Running>,
  opts: { loadCores?: string | undefined; redis?: TestRedis; thinkMs?: number } = {},
): Promise<Row> {
  const r: Row = { label, cores };
  rows.push(r);
  let server: Running;
  try {
    server = await start();
  } catch (err) {
    r.skipped = err instanceof Error ? err.message : String(err);
    say(`  ${label}: skipped: ${r.skipped}`);
    return r;
  }
  try {
    const redisBefore = opts.redis ? treeUsage(opts.redis.pid).cpu : 0;
    r.m = await measure(server, {
      clients,
      seconds,
      loadCores: opts.loadCores,
      ...(opts.thinkMs ? { thinkMs: opts.thinkMs } : {}),
    });
    if (opts.redis) {
      r.redisCpuMsPerConversation = ((treeUsage(opts.redis.pid).cpu - redisBefore) * 1000) /
        Math.max(1, r.m.conversations);
    }
    say(
      `  ${label}: ${num(r.m.conversationsPerSecond)} conv/s, p99 ${
        num(r.m.answerToNextFrameMs.p99, 1)
      } ms`,
    );
  } finally {
    await server.stop();
  }
  return r;
}

/** A row's figures over several rounds: the median of each, errors and failures summed. */
function medianRow(same: Row[]): Row {
  const ms = same.flatMap((r) => (r.m ? [r.m] : []));
  const first = same[0]!;
  if (ms.length === 0) return first;
  const med = (f: (m: Measured) => number) => median(ms.map(f));
  const redis = same.flatMap((r) =>
    r.redisCpuMsPerConversation === undefined ? [] : [r.redisCpuMsPerConversation]
  );
  return {
    ...first,
    m: {
      ...ms[0]!,
      conversations: ms.reduce((s, m) => s + m.conversations, 0),
      conversationsPerSecond: med((m) => m.conversationsPerSecond),
      framesPerSecond: med((m) => m.framesPerSecond),
      answerToNextFrameMs: {
        p50: med((m) => m.answerToNextFrameMs.p50),
        p99: med((m) => m.answerToNextFrameMs.p99),
        n: ms.reduce((s, m) => s + m.answerToNextFrameMs.n, 0),
      },
      serverCpuMsPerConversation: med((m) => m.serverCpuMsPerConversation),
      loadCores: med((m) => m.loadCores),
      serverRssMiB: med((m) => m.serverRssMiB),
      errorFrames: ms.reduce((s, m) => s + m.errorFrames, 0),
      failedConversations: ms.reduce((s, m) => s + m.failedConversations, 0),
    },
    ...(redis.length ? { redisCpuMsPerConversation: median(redis) } : {}),
  };
}

// 1. The script, from a real conversation.
const scriptPath = join(tmp, "script.json");
{
  const parley = await startParley({ PARLEY_DB: ":memory:" }, { cores: ONE });
  try {
    const script = await recordScript(`ws://127.0.0.1:${parley.port}`);
    await Deno.writeTextFile(scriptPath, JSON.stringify(script));
    const d = describeScript(script);
    say(
      `Script (one Parley conversation, recorded now): ${d.frames} frames, ${
        num(d.bytes)
      } bytes of JSON, ${d.answers} answers`,
    );
  } finally {
    await parley.stop();
  }
}
say(`\n${clients} concurrent seed clients, ${seconds} s per row:`);

// 2. The rows, `--repeat` times in turn (each row's median is reported).
const python = values["skip-fastapi"] ? undefined : await findFastapiPython();
const loop = python ? await fastapiLoop(python) : "";
if (!values["skip-fastapi"] && !python) {
  say(
    "  FastAPI rows: skipped: FastAPI is not installed " +
      "(apt-get install -y python3-fastapi python3-uvicorn python3-websockets)",
  );
}
const rounds: Row[][] = [];
for (let round = 0; round < repeat; round++) {
  if (repeat > 1) say(`round ${round + 1} of ${repeat}:`);
  rows = [];
  if (!values["skip-bare"]) {
    await row("bare Deno, script", "0", () => startBareDeno(scriptPath, ONE), { loadCores: LOAD });
  }
  if (python) {
    await row(
      `FastAPI script, 1 uvicorn worker (${loop})`,
      "0",
      () => startFastapi(python, scriptPath, { workers: 1, cores: ONE }),
      { loadCores: LOAD },
    );
  }
  await row(
    "Parley, memory store",
    "0",
    () => startParley({ PARLEY_DB: ":memory:" }, { cores: ONE }),
    {
      loadCores: LOAD,
    },
  );
  await row(
    "Parley stack, engine outputs fixed (SQLite)",
    "0",
    () =>
      startParley({ PARLEY_DB: join(tmp, `fixed-${Date.now()}.db`) }, {
        cores: ONE,
        entry: "bench/parley_fixed_engine.ts",
      }),
    { loadCores: LOAD },
  );
  if (!values["skip-sqlite"]) {
    await row(
      "Parley, SQLite (as shipped)",
      "0",
      () => startParley({ PARLEY_DB: join(tmp, `parley-${Date.now()}.db`) }, { cores: ONE }),
      { loadCores: LOAD },
    );
    // The same clients as people: about a second (0.5–1.5 s) before each answer, so the
    // server is not saturated and the latency is the server's, not the queue's.
    await row(
      "Parley, SQLite, clients thinking ~1 s per answer",
      "0",
      () => startParley({ PARLEY_DB: join(tmp, `think-${Date.now()}.db`) }, { cores: ONE }),
      { loadCores: LOAD, thinkMs: 1000 },
    );
  }

  let redis: TestRedis | undefined;
  if (!values["skip-redis"]) {
    try {
      redis = await startRedis(["--appendfsync", values["redis-fsync"]]);
    } catch (err) {
      say(
        `  Redis rows: skipped: ${
          err instanceof Error ? err.message : err
        } (apt-get install -y redis-server)`,
      );
    }
  }
  if (redis) {
    const r = redis;
    // Redis shares core 1 with the load generator in the one-process row, so the server keeps
    // core 0 to itself as in the rows above.
    if (PINNED) {
      await new Deno.Command("taskset", { args: ["-pc", "1", String(r.pid)], stdout: "null" })
        .output();
    }
    const env = { PARLEY_REDIS_URL: r.url, PARLEY_DB: join(tmp, "not-redis.db") };
    const supported = await (async () => {
      const probe = await startParley(env, { cores: ONE });
      try {
        await recordScript(`ws://127.0.0.1:${probe.port}`, "bench-redis-probe");
      } finally {
        await probe.stop();
      }
      return Number(await r.cli("DBSIZE")) > 0;
    })();
    if (!supported) {
      say(
        "  Redis rows: skipped: main.ts ignores PARLEY_REDIS_URL here (no session keys in Redis " +
          "after a conversation): cluster mode is not in this tree (branch i12-core)",
      );
      const skipped = "main.ts has no cluster mode (PARLEY_REDIS_URL ignored)";
      rows.push({ label: "Parley, Redis, 1 process", cores: "0", skipped });
      rows.push({ label: "Parley, Redis, 2 processes", cores: "0–1", skipped });
    } else {
      await r.cli("FLUSHALL");
      await row(
        "Parley, Redis, 1 process",
        "0 (Redis on 1)",
        () => startParley(env, { cores: ONE }),
        {
          loadCores: LOAD,
          redis: r,
        },
      );
      await r.cli("FLUSHALL");
      if (PINNED) {
        await new Deno.Command("taskset", { args: ["-pc", "0,1", String(r.pid)], stdout: "null" })
          .output();
      }
      const two = await row(
        "Parley, Redis, 2 processes (PARLEY_PROCESSES=2, reusePort)",
        "0–1, load and Redis unpinned",
        () => startParley(env, { cores: BOTH, processes: 2 }),
        { redis: r },
      );
      if (two.skipped) {
        // If the supervisor cannot start: the same two processes on a port each, the
        // clients spread over them as the kernel would.
        await r.cli("FLUSHALL");
        await row(
          "Parley, Redis, 2 processes (a port each, clients split)",
          "0–1, load and Redis unpinned",
          () => startParley(env, { cores: BOTH, processes: 2, ownPorts: true }),
          { redis: r },
        );
      }
    }
    await redis[Symbol.asyncDispose]();
  }
  if (python) {
    await row(
      `FastAPI script, 4 uvicorn workers (seed's -w 4)`,
      "0–1, load unpinned",
      () => startFastapi(python, scriptPath, { workers: 4, cores: BOTH }),
    );
  }

  rounds.push(rows);
}
rows = rounds[0]!.map((r) =>
  medianRow(rounds.map((rs) => rs.find((x) => x.label === r.label) ?? r))
);

// 3. One table, ratios.
const notes = [...new Set(rows.flatMap((r) => (r.skipped ? [r.skipped] : [])))];
say("");
say(table(
  [
    "server",
    "cores",
    "conv/s",
    "frames/s",
    "p50 ms",
    "p99 ms",
    "server CPU ms/conv",
    "load gen cores",
    "RSS MiB",
    "errors/failed",
  ],
  rows.map((r) =>
    r.m
      ? [
        r.label,
        r.cores,
        num(r.m.conversationsPerSecond),
        num(r.m.framesPerSecond),
        num(r.m.answerToNextFrameMs.p50, 1),
        num(r.m.answerToNextFrameMs.p99, 1),
        num(r.m.serverCpuMsPerConversation, 2),
        num(r.m.loadCores, 2),
        num(r.m.serverRssMiB, 0),
        `${r.m.errorFrames}/${r.m.failedConversations}`,
      ]
      : [r.label, r.cores, `skipped (${notes.indexOf(r.skipped!) + 1})`]
  ),
));
notes.forEach((n, i) => say(`(${i + 1}) ${n}`));
const cps = (prefix: string) =>
  rows.find((r) => r.m && r.label.startsWith(prefix))?.m?.conversationsPerSecond;
const p99 = (prefix: string) =>
  rows.find((r) => r.m && r.label.startsWith(prefix))?.m?.answerToNextFrameMs.p99;
const ratios: [string, string, string, string][] = [
  ["SQLite / memory", "Parley, SQLite", "Parley, memory", "≥ 0.8"],
  ["shipped (SQLite) / FastAPI, 1 worker", "Parley, SQLite", "FastAPI script, 1", "≥ 1.0"],
  ["memory / FastAPI, 1 worker", "Parley, memory", "FastAPI script, 1", ""],
  ["stack, engine fixed / FastAPI, 1 worker", "Parley stack, engine", "FastAPI script, 1", ""],
  ["shipped (SQLite) / bare Deno", "Parley, SQLite", "bare Deno", ""],
  ["FastAPI, 1 worker / bare Deno", "FastAPI script, 1", "bare Deno", ""],
  ["Redis, 1 process / SQLite", "Parley, Redis, 1", "Parley, SQLite", ""],
  ["Redis, 2 processes / FastAPI, 1 worker", "Parley, Redis, 2", "FastAPI script, 1", "≥ 1.6"],
  ["Redis, 2 processes / FastAPI, 4 workers", "Parley, Redis, 2", "FastAPI script, 4", ""],
  ["Redis, 2 processes / 1 process", "Parley, Redis, 2", "Parley, Redis, 1", ""],
];
say("");
// Conversations per CPU-second of the server: less swayed than conv/s by other work on a
// shared machine (it is the inverse of the CPU column's ratio).
const cpu = (prefix: string) =>
  rows.find((r) => r.m && r.label.startsWith(prefix))?.m?.serverCpuMsPerConversation;
say(table(
  ["ratio", "conv/s", "conv per server CPU-second", "target (conv/s)"],
  ratios.map((
    [name, a, b, target],
  ) => [name, ratio(cps(a), cps(b)), ratio(cpu(b), cpu(a)), target]),
));
say(`\nshipped p99 answer → next frame: ${num(p99("Parley, SQLite"), 1)} ms (target < 50 ms)`);
say(
  `shipped p99 with clients thinking ~1 s: ${
    num(p99("Parley, SQLite, clients thinking"), 1)
  } ms (target < 50 ms)`,
);
for (const r of rows) {
  if (r.redisCpuMsPerConversation !== undefined) {
    say(`Redis CPU per conversation, ${r.label}: ${num(r.redisCpuMsPerConversation * 1000, 0)} µs`);
  }
}

// 4. Idle sessions.
if (!values["skip-idle"]) {
  const n = Number(values.idle);
  const server = await startParley({ PARLEY_DB: ":memory:" }, { cores: ONE });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const before = treeUsage(server.pids[0]!).rssKiB;
    const gen = spawn([
      Deno.execPath(),
      "run",
      "-A",
      join(root, "bench/load.ts"),
      "--url",
      `ws://127.0.0.1:${server.port}`,
      "--idle",
      String(n),
    ], { cores: LOAD, stdout: "piped", stdin: "piped" });
    const lines = gen.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    while (!buf.includes("\n")) {
      const { done, value } = await lines.read();
      if (done) throw new Error("Load generator ended before its sessions were up");
      buf += value;
    }
    await new Promise((r) => setTimeout(r, 1000));
    const after = treeUsage(server.pids[0]!).rssKiB;
    say(`\nIdle sessions: ${num(n)} connected, each waiting on its first question (memory store)`);
    say(`  server RSS before ${num(before / 1024, 1)} MiB, after ${num(after / 1024, 1)} MiB`);
    say(`  RSS per idle session     ${num((after - before) / n, 1)} KiB   (target < 32 KiB)`);
    const w = gen.stdin.getWriter();
    await w.write(new TextEncoder().encode("stop\n"));
    await w.close();
    await gen.status;
    await lines.cancel();
  } finally {
    await server.stop();
  }
}

for (const script of ["bench/pipeline.ts", "bench/resume.ts"]) {
  if (values["skip-resume"] && script === "bench/resume.ts") continue;
  const child = spawn([Deno.execPath(), "run", "-A", join(root, script)], {
    cores: ONE,
    stdout: "piped",
  });
  const out = await child.output();
  say("\n" + new TextDecoder().decode(out.stdout).trimEnd());
}
await Deno.remove(tmp, { recursive: true });
