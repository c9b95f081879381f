/**
 * Several Parley processes on one machine and one port (`PARLEY_PROCESSES`). The first
 * process listens, then starts N − 1 copies of itself with the same command line and
 * environment, each listening on the same port with `reusePort` (the kernel spreads new
 * connections over them). With Redis (`PARLEY_REDIS_URL`) they form one cluster, so it does
 * not matter which process a connection lands on. The first process supervises: a copy that
 * dies is logged and started again after a short, growing pause; SIGTERM/SIGINT stops them
 * all. A copy whose supervisor dies (even by SIGKILL) sees its parent change and stops too,
 * so none is left running on its own.
 *
 * Deno 2.9.6 needs `--unstable-net` for `reusePort` (without it, the process exits with code
 * 70 on listen, which no `catch` sees), and `--allow-run` to start the copies; both are
 * checked before anything listens. The copies are started as `Deno.execPath()` with the
 * arguments of this process's own command line ({@link readCmdline}), which holds the
 * runtime's flags and the script (`deno run --unstable-net … main.ts --port 8000`) and, in a
 * `deno compile`d binary, only the arguments the user typed (those baked in at compile time
 * the binary adds again by itself, so `Deno.args`, which includes them, would repeat them).
 *
 * @module
 */
import type { Logger } from "./log.ts";

/** Most processes `PARLEY_PROCESSES` may ask for. */
export const MAX_PROCESSES = 64;

/** The environment variable that marks a copy, with its index (1 … N − 1). */
export const PROCESS_INDEX_ENV = "PARLEY_PROCESS_INDEX";
/** The environment variable that tells a copy its supervisor's pid. */
export const SUPERVISOR_PID_ENV = "PARLEY_SUPERVISOR_PID";

/** How this process takes part: alone, as the supervisor of N processes, or as copy `index`. */
export type ProcessRole =
  | { kind: "single" }
  | { kind: "supervisor"; processes: number }
  | { kind: "copy"; index: number; supervisorPid: number };

/**
 * Reads `PARLEY_PROCESSES` (default 1) and `PARLEY_PROCESS_INDEX` and says what this process
 * is. Throws a `RangeError` for a bad count, or for N > 1 without `PARLEY_REDIS_URL`: the
 * SQLite store takes an exclusive lock on its file, so only one process can use it.
 *
 * @example
 * ```ts
 * import { processRole } from "./supervisor.ts";
 * const env = { PARLEY_PROCESSES: "3", PARLEY_REDIS_URL: "redis://127.0.0.1:6379" };
 * processRole((k) => env[k as keyof typeof env]); // { kind: "supervisor", processes: 3 }
 * ```
 */
export function processRole(env: (name: string) => string | undefined): ProcessRole {
  const index = env(PROCESS_INDEX_ENV);
  if (index !== undefined && index !== "") {
    const n = Number(index);
    if (!Number.isInteger(n) || n < 1 || n >= MAX_PROCESSES) {
      throw new RangeError(
        `Invalid ${PROCESS_INDEX_ENV}: "${index}" is not a whole number from 1 to ${
          MAX_PROCESSES - 1
        } (it is set by the supervisor; unset it)`,
      );
    }
    const pid = Number(env(SUPERVISOR_PID_ENV));
    if (!Number.isInteger(pid) || pid < 1) {
      throw new RangeError(
        `Invalid ${SUPERVISOR_PID_ENV}: "${
          env(SUPERVISOR_PID_ENV) ?? ""
        }" is not a pid (both are set by the supervisor; unset ${PROCESS_INDEX_ENV})`,
      );
    }
    return { kind: "copy", index: n, supervisorPid: pid };
  }
  const raw = env("PARLEY_PROCESSES");
  if (raw === undefined || raw === "") return { kind: "single" };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROCESSES) {
    throw new RangeError(
      `Invalid PARLEY_PROCESSES: "${raw}" is not a whole number from 1 to ${MAX_PROCESSES}`,
    );
  }
  if (n === 1) return { kind: "single" };
  if (!env("PARLEY_REDIS_URL")) {
    throw new RangeError(
      `Invalid PARLEY_PROCESSES: ${n} processes need PARLEY_REDIS_URL: the SQLite store ` +
        `(PARLEY_DB) locks its file for one process; set PARLEY_REDIS_URL=redis://HOST:6379 ` +
        `or PARLEY_PROCESSES=1`,
    );
  }
  return { kind: "supervisor", processes: n };
}

/** What {@link checkCanSupervise} needs to know about the running process. */
export interface Runtime {
  /** Whether `--unstable-net` is on (Deno defines `Deno.listenDatagram` only then). */
  unstableNet: boolean;
  /** Whether this process may run `Deno.execPath()`. */
  canRun: boolean;
  /** This process's command line ({@link readCmdline}), or `undefined` where it cannot be read. */
  cmdline: readonly string[] | undefined;
}

/**
 * This process's command line, from `/proc/<pid>/cmdline` (NUL-separated). Deno lets only
 * `--allow-all` read it, so without that it is read by `deno eval` (which runs with every
 * permission) started with `Deno.execPath()`, which a supervisor may run anyway. In a
 * compiled binary without `--allow-all` there is no `eval`: `Deno.args` stands in, which
 * repeats any arguments baked in by `deno compile` (harmless for Parley's flags, where the
 * last wins).
 */
export async function readCmdline(): Promise<string[] | undefined> {
  const path = `/proc/${Deno.pid}/cmdline`;
  const split = (text: string) => text.split("\0").slice(0, -1); // a trailing NUL
  try {
    return split(await Deno.readTextFile(path));
  } catch { /* not --allow-all, or not Linux */ }
  if (Deno.build.standalone) return [Deno.execPath(), ...Deno.args];
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        "--no-config",
        "--no-lock",
        `Deno.stdout.writeSync(Deno.readFileSync(${JSON.stringify(path)}))`,
      ],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    return out.success && text ? split(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads {@link Runtime} from this process. */
export async function currentRuntime(): Promise<Runtime> {
  const canRun = Deno.permissions.querySync({ name: "run", command: Deno.execPath() }).state ===
    "granted";
  return {
    unstableNet: typeof (Deno as { listenDatagram?: unknown }).listenDatagram === "function",
    canRun,
    cmdline: canRun ? await readCmdline() : undefined,
  };
}

/**
 * Says why this process cannot start copies of itself, or `undefined` when it can. The
 * message names the fix, e.g. `deno task start:cluster`.
 */
export function checkCanSupervise(runtime: Runtime): string | undefined {
  const fix = "run `deno task start:cluster`, or add the flag to your `deno run`/`deno compile`";
  if (!runtime.unstableNet) {
    return `PARLEY_PROCESSES needs --unstable-net (Deno.serve's reusePort is unstable in Deno 2.9): ${fix}`;
  }
  if (!runtime.canRun) {
    return `PARLEY_PROCESSES needs --allow-run to start the other processes: ${fix}`;
  }
  if (!runtime.cmdline || runtime.cmdline.length === 0) {
    return "PARLEY_PROCESSES needs /proc/PID/cmdline (Linux) to start copies of this process: " +
      "elsewhere, start one process per core yourself, with the same PORT and PARLEY_REDIS_URL";
  }
  return undefined;
}

/**
 * The arguments a copy is started with: this process's own (without the executable), then
 * `--port` with the port the first process got, so a copy of a `--port 0` server listens on
 * the same port (the last `--port` wins).
 *
 * @example
 * ```ts
 * import { copyArgs } from "./supervisor.ts";
 * copyArgs(["deno", "run", "-A", "--unstable-net", "main.ts", "--port", "0"], 41234);
 * // ["run", "-A", "--unstable-net", "main.ts", "--port", "0", "--port", "41234"]
 * ```
 */
export function copyArgs(cmdline: readonly string[], port: number): string[] {
  return [...cmdline.slice(1), "--port", String(port)];
}

/**
 * The environment of copy `index`, started for the `spawn`th time by supervisor
 * `supervisorPid`: this process's, marked with {@link PROCESS_INDEX_ENV} and
 * {@link SUPERVISOR_PID_ENV}. A `PARLEY_NODE_ID` the operator set is made unique per
 * copy and per start (`<id>-<index>.<spawn>`), because a restarted copy is a new node: were
 * it to renew the dead one's lease, nobody would take over that node's sessions.
 */
export function copyEnv(
  env: Readonly<Record<string, string>>,
  index: number,
  spawn: number,
  supervisorPid: number,
): Record<string, string> {
  const out: Record<string, string> = {
    ...env,
    [PROCESS_INDEX_ENV]: String(index),
    [SUPERVISOR_PID_ENV]: String(supervisorPid),
  };
  if (env.PARLEY_NODE_ID) out.PARLEY_NODE_ID = `${env.PARLEY_NODE_ID}-${index}.${spawn}`;
  return out;
}

/** Restart pauses: the first `baseMs`, doubling for each quick death in a row, up to `maxMs`. */
export interface RestartPolicy {
  /** The first pause, in ms. */
  baseMs: number;
  /** The longest pause, in ms. */
  maxMs: number;
  /** A copy that ran at least this long before dying starts again after `baseMs`. */
  healthyMs: number;
}

/** The default {@link RestartPolicy}: 500 ms, doubling to 10 s; 30 s of life resets it. */
export const RESTART_POLICY: RestartPolicy = { baseMs: 500, maxMs: 10_000, healthyMs: 30_000 };

/**
 * How long to wait before starting a copy again that died after `ranMs`, having died quickly
 * `quickDeaths` times in a row before. Returns the pause and the new count of quick deaths.
 */
export function restartDelay(
  ranMs: number,
  quickDeaths: number,
  policy: RestartPolicy = RESTART_POLICY,
): { delayMs: number; quickDeaths: number } {
  const quick = ranMs < policy.healthyMs ? quickDeaths + 1 : 0;
  const delayMs = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, quick - 1));
  return { delayMs, quickDeaths: quick };
}

/** Options of {@link Supervisor}. */
export interface SupervisorOptions {
  /** How many copies to run (N − 1: the supervisor serves too). */
  copies: number;
  /** The executable (`Deno.execPath()`). */
  command: string;
  /** Arguments of every copy ({@link copyArgs}). */
  args: readonly string[];
  /** The environment copy `index` gets on its `spawn`th start ({@link copyEnv}). */
  env: (index: number, spawn: number) => Record<string, string>;
  /** Where starts, deaths and restarts are logged. */
  log: Logger;
  /** The restart pauses (default {@link RESTART_POLICY}). */
  policy?: RestartPolicy;
  /** How long a copy may take to stop after SIGTERM before it is killed, in ms (default 15 s). */
  stopTimeoutMs?: number;
}

interface Copy {
  index: number;
  spawns: number;
  quickDeaths: number;
  child: Deno.ChildProcess | undefined;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Runs and restarts the copies. Each copy's stdout and stderr are this process's (its log
 * lines carry its own node id); a copy watches its parent ({@link stopWhenSupervisorGone})
 * and stops when the supervisor is gone.
 */
export class Supervisor {
  readonly #opts: SupervisorOptions;
  readonly #copies: Copy[] = [];
  #stopping = false;

  /** A supervisor of `opts.copies` copies, none started before {@link Supervisor.start}. */
  constructor(opts: SupervisorOptions) {
    this.#opts = opts;
  }

  /** Starts every copy. */
  start(): void {
    for (let i = 1; i <= this.#opts.copies; i++) {
      const copy: Copy = {
        index: i,
        spawns: 0,
        quickDeaths: 0,
        startedAt: 0,
        child: undefined,
        timer: undefined,
      };
      this.#copies.push(copy);
      this.#spawn(copy);
    }
  }

  /** The PIDs of the copies running now, by index (1-based): tests kill them. */
  get pids(): (number | undefined)[] {
    return this.#copies.map((c) => c.child?.pid);
  }

  #spawn(copy: Copy): void {
    if (this.#stopping) return;
    copy.spawns++;
    copy.startedAt = Date.now();
    let child: Deno.ChildProcess;
    try {
      child = new Deno.Command(this.#opts.command, {
        args: [...this.#opts.args],
        env: this.#opts.env(copy.index, copy.spawns),
        clearEnv: true,
        // A copy learns that its supervisor is gone from its parent pid, not from a pipe.
        stdin: "null",
        stdout: "inherit",
        stderr: "inherit",
      }).spawn();
    } catch (err) {
      this.#opts.log.error("process start failed", {
        process: copy.index,
        detail: err instanceof Error ? err.message : String(err),
      });
      this.#scheduleRestart(copy);
      return;
    }
    copy.child = child;
    this.#opts.log.info("process started", { process: copy.index, pid: child.pid });
    child.status.then((status) => {
      copy.child = undefined;
      if (this.#stopping) return;
      this.#opts.log.error("process exited; starting it again", {
        process: copy.index,
        pid: child.pid,
        code: status.code,
        signal: status.signal,
        ranMs: Date.now() - copy.startedAt,
      });
      this.#scheduleRestart(copy);
    });
  }

  #scheduleRestart(copy: Copy): void {
    const next = restartDelay(Date.now() - copy.startedAt, copy.quickDeaths, this.#opts.policy);
    copy.quickDeaths = next.quickDeaths;
    copy.timer = setTimeout(() => {
      copy.timer = undefined;
      this.#spawn(copy);
    }, next.delayMs);
  }

  /**
   * Stops every copy: SIGTERM (each shuts down cleanly, as one process does), then SIGKILL
   * for any still running after `stopTimeoutMs`. Resolves when all have exited.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    const running: Deno.ChildProcess[] = [];
    for (const copy of this.#copies) {
      clearTimeout(copy.timer);
      if (copy.child) running.push(copy.child);
    }
    for (const child of running) {
      try {
        child.kill("SIGTERM");
      } catch { /* exited meanwhile */ }
    }
    const timeout = this.#opts.stopTimeoutMs ?? 15_000;
    await Promise.all(running.map(async (child) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          this.#opts.log.warn("process did not stop; killing it", { pid: child.pid });
          try {
            child.kill("SIGKILL");
          } catch { /* exited meanwhile */ }
          resolve();
        }, timeout);
      });
      await Promise.race([child.status, killed]);
      await child.status;
      clearTimeout(timer);
    }));
  }
}

/**
 * For a copy: calls `stop` once this process's parent is no longer `supervisorPid`, which
 * happens when the supervisor exits, however it exits (the kernel gives an orphan a new
 * parent). Checks every `everyMs`, with a timer that does not keep the process alive.
 * Returns a function that stops watching.
 */
export function stopWhenSupervisorGone(
  supervisorPid: number,
  stop: (why: string) => void,
  everyMs = 500,
): () => void {
  const check = () => {
    if (Deno.ppid === supervisorPid) return;
    clearInterval(timer);
    stop(`supervisor gone: pid ${supervisorPid} is no longer the parent`);
  };
  const timer = setInterval(check, everyMs);
  Deno.unrefTimer(timer);
  check();
  return () => clearInterval(timer);
}

/** What `main.ts` does for `PARLEY_PROCESSES`, whichever role this process has. */
export interface Processes {
  /** This process's role. */
  readonly role: ProcessRole;
  /** Whether to listen with `reusePort` (every process of N > 1). */
  readonly reusePort: boolean;
  /**
   * Called once this process listens on `port`: the supervisor starts its copies there; a
   * copy starts watching its parent and calls `stopSelf` when the supervisor is gone.
   */
  listening(port: number, log: Logger, stopSelf: (why: string) => void): void;
  /** Stops the copies (the supervisor) and resolves when they have exited; else nothing. */
  stop(): Promise<void>;
}

/**
 * Reads `PARLEY_PROCESSES` and checks that this process can do what it asks. Throws a
 * `RangeError` whose message says what to change (main.ts prints it and exits 2).
 *
 * @example
 * ```ts
 * import { prepareProcesses } from "./supervisor.ts";
 * const processes = await prepareProcesses((k) => Deno.env.get(k));
 * processes.reusePort; // false unless PARLEY_PROCESSES > 1
 * ```
 */
export async function prepareProcesses(
  env: (name: string) => string | undefined,
  runtime: () => Promise<Runtime> = currentRuntime,
): Promise<Processes> {
  const role = processRole(env);
  if (role.kind === "single") {
    return { role, reusePort: false, listening() {}, stop: () => Promise.resolve() };
  }
  if (role.kind === "copy") {
    let unwatch = () => {};
    return {
      role,
      reusePort: true,
      listening(_port, _log, stopSelf) {
        unwatch = stopWhenSupervisorGone(role.supervisorPid, stopSelf);
      },
      stop() {
        unwatch();
        return Promise.resolve();
      },
    };
  }
  const rt = await runtime();
  const why = checkCanSupervise(rt);
  if (why) throw new RangeError(why);
  let supervisor: Supervisor | undefined;
  return {
    role,
    reusePort: true,
    listening(port, log) {
      const base = Deno.env.toObject();
      supervisor = new Supervisor({
        copies: role.processes - 1,
        command: Deno.execPath(),
        args: copyArgs(rt.cmdline!, port),
        env: (index, spawn) => copyEnv(base, index, spawn, Deno.pid),
        log,
      });
      supervisor.start();
    },
    stop: () => supervisor?.stop() ?? Promise.resolve(),
  };
}
