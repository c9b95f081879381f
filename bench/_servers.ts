/**
 * The servers `deno task bench` compares, each started as its own process on a free port
 * and pinned where it is told: Parley (`main.ts`) on a given store, one process or several
 * sharing a port, the bare Deno script player and the seed's FastAPI script player. Also
 * the run of the load generator against one of them.
 *
 * @module
 */
import { join } from "node:path";
import { freePort, spawn, stop, treeUsage, waitListening } from "./_procs.ts";

const root = join(import.meta.dirname!, "..");
const deno = Deno.execPath();

/** A server under test: its processes (for CPU and RSS), its port, how to stop it. */
export interface Running {
  port: number;
  /** Every port it serves on, when its processes listen on one each (else just `port`). */
  ports?: number[];
  /** The top-level PIDs; their descendants count too (uvicorn's workers). */
  pids: number[];
  stop(): Promise<void>;
}

async function started(children: Deno.ChildProcess[], port: number, what: string) {
  try {
    for (const c of children) await waitListening(port, c, what);
  } catch (err) {
    await Promise.all(children.map(stop));
    throw err;
  }
  return {
    port,
    pids: children.map((c) => c.pid),
    stop: () => Promise.all(children.map(stop)).then(() => {}),
  };
}

/** Environment every Parley under test gets: no limits the load would hit, quiet logs. */
const PARLEY_ENV = {
  LOG_LEVEL: "warn",
  PARLEY_MAX_SESSIONS: "1000000",
  CORS_ORIGINS: "*",
};

/**
 * Starts Parley (`main.ts`) with `env` added (the store: `PARLEY_DB`, `PARLEY_REDIS_URL`).
 * With `processes` > 1 it is started as the operator would: one process with
 * `PARLEY_PROCESSES=N` and `--unstable-net`, which listens with `reusePort` and starts the
 * other N − 1 copies itself (`server/supervisor.ts`); their pids are read from `/proc` so
 * that CPU and RSS count every process. With `ownPorts` the processes are started
 * separately on a port each instead, and the load generator spreads its clients over them.
 */
export async function startParley(
  env: Record<string, string>,
  opts: {
    cores?: string | undefined;
    processes?: number;
    ownPorts?: boolean;
    /** The server's entry point, relative to the project (default `main.ts`). */
    entry?: string;
  } = {},
): Promise<Running> {
  const n = opts.processes ?? 1;
  const shared = freePort();
  const sharing = n > 1 && !opts.ownPorts;
  if (sharing) {
    const child = spawn([
      deno,
      "run",
      "-A",
      "--unstable-net",
      join(root, "main.ts"),
      "--port",
      String(shared),
    ], { cores: opts.cores, env: { ...PARLEY_ENV, PARLEY_PROCESSES: String(n), ...env } });
    await waitListening(shared, child, "Parley supervisor");
    const copies = await waitChildren(child.pid, n - 1);
    return {
      port: shared,
      pids: [child.pid, ...copies],
      stop: () => stop(child),
    };
  }
  const ports: number[] = [];
  const children: Deno.ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const port = i === 0 ? shared : freePort();
    ports.push(port);
    const entry = join(root, opts.entry ?? "main.ts");
    const child = spawn([deno, "run", "-A", entry, "--port", String(port)], {
      cores: opts.cores,
      env: { ...PARLEY_ENV, ...env },
    });
    children.push(child);
    try {
      await waitListening(port, child, `Parley process ${i + 1}`);
    } catch (err) {
      await Promise.all(children.map(stop));
      throw err;
    }
  }
  return {
    port: shared,
    ...(n === 1 ? {} : { ports }),
    pids: children.map((c) => c.pid),
    stop: () => Promise.all(children.map(stop)).then(() => {}),
  };
}

/** The pids of `pid`'s child processes once there are `count` of them (up to 30 s). */
async function waitChildren(pid: number, count: number): Promise<number[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found: number[] = [];
    for await (const t of Deno.readDir(`/proc/${pid}/task`)) {
      const text = await Deno.readTextFile(`/proc/${pid}/task/${t.name}/children`).catch(() => "");
      for (const c of text.trim().split(/\s+/)) if (c) found.push(Number(c));
    }
    // The supervisor may run a short `deno eval` to read its command line: only copies last.
    const copies = [];
    for (const c of found) {
      const cmd = await Deno.readTextFile(`/proc/${c}/cmdline`).catch(() => "");
      if (cmd.includes("main.ts")) copies.push(c);
    }
    if (copies.length >= count) return copies;
    if (Date.now() > deadline) {
      throw new Error(`The Parley supervisor started ${copies.length} of ${count} copies in 30 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the bare Deno script player (bench/bare_deno.ts) on `cores`. */
export function startBareDeno(scriptPath: string, cores?: string): Promise<Running> {
  const port = freePort();
  const child = spawn([
    deno,
    "run",
    "-A",
    join(root, "bench/bare_deno.ts"),
    "--script",
    scriptPath,
    "--port",
    String(port),
  ], { cores });
  return started([child], port, "The bare Deno server");
}

/** The Python that has FastAPI, uvicorn and websockets (Debian's first), or undefined. */
export async function findFastapiPython(): Promise<string | undefined> {
  for (const py of ["/usr/bin/python3", "python3"]) {
    const ok = await new Deno.Command(py, {
      args: ["-c", "import fastapi, uvicorn, websockets"],
      stdout: "null",
      stderr: "null",
    }).output().then((o) => o.success).catch(() => false);
    if (ok) return py;
  }
  return undefined;
}

/** What uvicorn runs on with `--loop auto`: `uvloop` when Debian's python3-uvloop is there. */
export async function fastapiLoop(python: string): Promise<string> {
  const ok = await new Deno.Command(python, {
    args: ["-c", "import uvloop"],
    stdout: "null",
    stderr: "null",
  }).output().then((o) => o.success).catch(() => false);
  return ok ? "uvloop" : "asyncio";
}

/** Starts the seed's FastAPI script player (bench/seed_fastapi/app.py) under uvicorn. */
export function startFastapi(
  python: string,
  scriptPath: string,
  opts: { workers?: number; cores?: string | undefined } = {},
): Promise<Running> {
  const port = freePort();
  const child = spawn([
    python,
    "-m",
    "uvicorn",
    "app:app",
    "--app-dir",
    join(root, "bench/seed_fastapi"),
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--log-level",
    "warning",
    "--ws",
    "websockets",
    "--workers",
    String(opts.workers ?? 1),
  ], { cores: opts.cores, env: { PARLEY_BENCH_SCRIPT: scriptPath } });
  return started([child], port, "uvicorn");
}

/** What bench/load.ts prints for a conversation run. */
export interface LoadResult {
  clients: number;
  seconds: number;
  conversations: number;
  conversationsPerSecond: number;
  framesPerSecond: number;
  answerToNextFrameMs: { p50: number; p99: number; n: number };
  errorFrames: number;
  failedConversations: number;
  /** CPU seconds the load generator used during the run (from its own /proc/self/stat). */
  cpuSeconds: number;
}

/** A load run's figures with the CPU the server and the load generator used meanwhile. */
export interface Measured extends LoadResult {
  /** Server CPU (all its processes) per conversation, in ms. */
  serverCpuMsPerConversation: number;
  /** Share of one core the load generator used (1 = one whole core). */
  loadCores: number;
  /** Server RSS (all its processes) after the run, in MiB. */
  serverRssMiB: number;
}

/**
 * Runs bench/load.ts (`clients` seed clients doing whole conversations for `seconds`)
 * against `server` with the load generator on `loadCores` (undefined: unpinned).
 */
export async function measure(
  server: Running,
  opts: {
    clients: number;
    seconds: number;
    loadCores?: string | undefined;
    prefix?: string;
    /** Think time before each answer, in ms (see bench/load.ts `--think`). */
    thinkMs?: number;
  },
): Promise<Measured> {
  const before = server.pids.reduce((s, p) => s + treeUsage(p).cpu, 0);
  const gen = spawn([
    deno,
    "run",
    "-A",
    join(root, "bench/load.ts"),
    "--url",
    (server.ports ?? [server.port]).map((p) => `ws://127.0.0.1:${p}`).join(","),
    "--clients",
    String(opts.clients),
    "--seconds",
    String(opts.seconds),
    "--prefix",
    opts.prefix ?? `bench-${Date.now().toString(36)}`,
    "--think",
    String(opts.thinkMs ?? 0),
  ], { cores: opts.loadCores, stdout: "piped" });
  const out = await gen.output();
  const after = server.pids.reduce((s, p) => s + treeUsage(p).cpu, 0);
  const rss = server.pids.reduce((s, p) => s + treeUsage(p).rssKiB, 0);
  if (!out.success) throw new Error("The load generator failed");
  const r = JSON.parse(new TextDecoder().decode(out.stdout)) as LoadResult;
  return {
    ...r,
    serverCpuMsPerConversation: ((after - before) * 1000) / Math.max(1, r.conversations),
    loadCores: r.cpuSeconds / r.seconds,
    serverRssMiB: rss / 1024,
  };
}
