/**
 * Starts a real `redis-server` on a free loopback port for a test, and stops it by its PID
 * when the test's `await using` scope ends. Without `redis-server` on the machine the
 * tests that need it are skipped with a message, except under `CI=true`, where a missing
 * Redis fails them (`.ci/run` installs Debian's `redis-server`).
 *
 * @module
 */

/** A `redis-server` started for one test. */
export interface TestRedis extends AsyncDisposable {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The server's PID: tests may SIGKILL or SIGSTOP it. */
  readonly pid: number;
  /** Its working directory (the AOF lives here). */
  dir: string;
  /** Kills the server (SIGKILL) and waits until it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (after {@link TestRedis.kill}). */
  restart(): Promise<void>;
  /** Runs `redis-cli` against it and returns its output, trimmed. */
  cli(...args: string[]): Promise<string>;
}

/** Where Debian installs the server. */
const BINARY = "redis-server";

let available: boolean | undefined;

/** Whether `redis-server` can run here (looked up once). */
export async function redisAvailable(): Promise<boolean> {
  if (available !== undefined) return available;
  try {
    const out = await new Deno.Command(BINARY, {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    available = out.success;
  } catch {
    available = false;
  }
  return available;
}

/**
 * Whether a test that needs Redis should be ignored: true (with a message on stderr) when
 * `redis-server` is missing and `CI` is not `true`. Use as `ignore: await skipWithoutRedis()`.
 * Under CI a missing Redis is not ignored: the test runs and fails, as it should.
 */
export async function skipWithoutRedis(): Promise<boolean> {
  if (await redisAvailable()) return false;
  if (Deno.env.get("CI") === "true") return false;
  // deno-lint-ignore no-console
  console.error(
    "redis-server is not installed: the Redis tests are skipped (apt-get install redis-server)",
  );
  return true;
}

/** A free loopback TCP port. */
export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/**
 * Starts `redis-server` on a free port with AOF on (`appendfsync always` unless
 * `extraArgs` says otherwise) and no RDB snapshots, in a fresh temporary directory.
 */
export async function startRedis(extraArgs: string[] = []): Promise<TestRedis> {
  const port = freePort();
  const dir = await Deno.makeTempDir({ prefix: "parley-redis-" });
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "yes",
    "--appendfsync",
    "always",
    "--maxmemory-policy",
    "noeviction",
    "--loglevel",
    "warning",
    ...extraArgs,
  ];
  let child: Deno.ChildProcess | undefined;
  const spawn = async () => {
    child = new Deno.Command(BINARY, { args, stdout: "null", stderr: "piped" }).spawn();
    await waitReady(port, child);
  };
  const cli = async (...a: string[]) => {
    const out = await new Deno.Command("redis-cli", { args: ["-p", String(port), ...a] }).output();
    return new TextDecoder().decode(out.stdout).trim();
  };
  await spawn();
  const kill = async () => {
    const c = child;
    if (!c) return;
    child = undefined;
    try {
      c.kill("SIGKILL");
    } catch { /* already gone */ }
    await c.status;
    await c.stderr.cancel().catch(() => {});
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get pid() {
      if (!child) throw new Error("redis-server is not running");
      return child.pid;
    },
    kill,
    restart: spawn,
    cli,
    async [Symbol.asyncDispose]() {
      await kill();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Waits until the server accepts connections (up to 10 s), or fails with its stderr. */
async function waitReady(port: number, child: Deno.ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  let exited = false;
  child.status.then(() => exited = true);
  while (Date.now() < deadline) {
    if (exited) {
      const err = await new Response(child.stderr).text();
      throw new Error(`redis-server exited at start: ${err.trim()}`);
    }
    try {
      const conn = await Deno.connect({ hostname: "127.0.0.1", port });
      await conn.write(new TextEncoder().encode("PING\r\n"));
      const buf = new Uint8Array(64);
      const n = await conn.read(buf);
      conn.close();
      // Loading the AOF answers -LOADING: wait for +PONG.
      if (n && new TextDecoder().decode(buf.subarray(0, n)).startsWith("+PONG")) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`redis-server did not start on port ${port} within 10 s`);
}
