/**
 * Processes of the benchmark scripts: spawning a command pinned to cores with `taskset`
 * and a raised open-files limit, waiting until it listens, reading its RSS and CPU time
 * from `/proc`. Linux only, like the bench.
 *
 * @module
 */
import { cpuSecondsFromStat } from "./_stats.ts";

/** Whether `taskset` works here (looked up once). */
export const PINNED = await new Deno.Command("taskset", { args: ["-c", "0", "true"] }).output()
  .then((o) => o.success).catch(() => false);

/**
 * Open files allowed to every process the bench starts: this process's hard limit (raising
 * it needs CAP_SYS_RESOURCE, which a container may not have), or 65,536 where unreadable.
 */
export const NOFILE = (() => {
  try {
    const line = Deno.readTextFileSync("/proc/self/limits").split("\n")
      .find((l) => l.startsWith("Max open files"));
    const hard = line?.trim().split(/\s+/)[4];
    return hard === undefined || hard === "unlimited" ? 1_048_576 : Number(hard);
  } catch {
    return 65_536;
  }
})();

/** Whether `prlimit` works here, to raise the soft open-files limit of a child to the hard. */
const PRLIMIT = await new Deno.Command("prlimit", {
  args: [`--nofile=${NOFILE}:${NOFILE}`, "true"],
})
  .output().then((o) => o.success).catch(() => false);

/**
 * The command line that runs `argv` on `cores` (e.g. `"0"`, `"0,1"`; undefined: unpinned)
 * with {@link NOFILE} open files. `taskset` and `prlimit` exec the command, so the PID of
 * the spawned child is the PID of the program itself.
 */
export function wrap(argv: readonly string[], cores?: string): string[] {
  let out = [...argv];
  if (cores !== undefined && PINNED) out = ["taskset", "-c", cores, ...out];
  if (PRLIMIT) out = ["prlimit", `--nofile=${NOFILE}:${NOFILE}`, "--", ...out];
  return out;
}

/** Spawns `argv` (wrapped by {@link wrap}) with `env` added to this process's environment. */
export function spawn(
  argv: readonly string[],
  opts: {
    cores?: string | undefined;
    env?: Record<string, string>;
    stdout?: "piped" | "null";
    stdin?: "piped" | "null";
  } = {},
): Deno.ChildProcess {
  const [cmd, ...args] = wrap(argv, opts.cores);
  return new Deno.Command(cmd!, {
    args,
    env: opts.env ?? {},
    stdin: opts.stdin ?? "null",
    stdout: opts.stdout ?? "null",
    stderr: "inherit",
  }).spawn();
}

/** A free loopback TCP port (closed again at once; the child binds it next). */
export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/**
 * Whether process `pid` itself holds a listening TCP socket on `port` (from its
 * descriptors and `/proc/net/tcp`): with several processes on one port, a connect that
 * succeeds says nothing about which of them listens.
 */
export function listensOn(pid: number, port: number): boolean {
  const inodes = new Set<string>();
  try {
    for (const fd of Deno.readDirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(Deno.readLinkSync(`/proc/${pid}/fd/${fd.name}`));
        if (m) inodes.add(m[1]!);
      } catch { /* closed meanwhile */ }
    }
    for (const line of Deno.readTextFileSync("/proc/net/tcp").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (
        cols[3] === "0A" && inodes.has(cols[9] ?? "") &&
        parseInt(cols[1]?.split(":")[1] ?? "", 16) === port
      ) return true;
    }
  } catch { /* not up yet, or gone */ }
  return false;
}

/** Waits until `child` listens on `port` itself, or exits (then throws). */
export async function waitListening(
  port: number,
  child: Deno.ChildProcess,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  let exited = false;
  child.status.then(() => exited = true);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited before listening on port ${port}`);
    if (listensOn(child.pid, port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs / 1000} s`);
}

/** Resident memory of a process, in KiB (NaN once it has gone). */
export function rssKiB(pid: number): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) a process has used so far, its own threads included. */
export function cpuSeconds(pid: number): number {
  try {
    return cpuSecondsFromStat(Deno.readTextFileSync(`/proc/${pid}/stat`));
  } catch {
    return NaN;
  }
}

/** Stops a child with SIGTERM (SIGKILL after 5 s) and waits for it. */
export async function stop(child: Deno.ChildProcess): Promise<void> {
  try {
    child.kill("SIGTERM");
  } catch { /* already gone */ }
  const t = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* gone */ }
  }, 5_000);
  await child.status;
  clearTimeout(t);
}

/** `pid` and all its descendants (from `/proc/<pid>/task/<tid>/children`). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of Deno.readDirSync(`/proc/${out[i]}/task`)) {
        const text = Deno.readTextFileSync(`/proc/${out[i]}/task/${task.name}/children`);
        for (const c of text.trim().split(/\s+/)) if (c) out.push(Number(c));
      }
    } catch { /* gone */ }
  }
  return out;
}

/** CPU seconds of `pid` and its descendants, and their total RSS in KiB. */
export function treeUsage(pid: number): { cpu: number; rssKiB: number } {
  let cpu = 0;
  let rss = 0;
  for (const p of processTree(pid)) {
    const c = cpuSeconds(p);
    const r = rssKiB(p);
    if (Number.isFinite(c)) cpu += c;
    if (Number.isFinite(r)) rss += r;
  }
  return { cpu, rssKiB: rss };
}
