/**
 * `PARLEY_PROCESSES`: one `main.ts` that listens and starts copies of itself on the same
 * port (`reusePort`), with Redis as their shared store. A conversation whose every
 * reconnect may land on any of them finishes; a copy that is SIGKILLed is started again;
 * SIGTERM stops them all; a supervisor that is SIGKILLed leaves no copy behind. And the
 * refusals: no Redis, or no `--unstable-net`, is one line and exit 2 before listening.
 */
import assert from "node:assert/strict";
import { skipWithoutRedis, startRedis } from "./_redis.ts";
import { assertTabsAgree, FAST, Node, nthQuestion, Tab, until } from "./_cluster.ts";

const ROOT = new URL("..", import.meta.url);

/** Whether process `pid` is running (exists and is not a zombie). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(Deno.readTextFileSync(`/proc/${pid}/stat`));
  } catch {
    return false;
  }
}

/** The pids of the copies started so far, by the supervisor's "process started" lines. */
const copies = (node: Node) =>
  node.logged("process started").map((l) => ({ index: Number(l.process), pid: Number(l.pid) }));

/** How many processes have logged "listening" (the supervisor and each copy start). */
const listening = (node: Node) => node.logged("listening").length;

Deno.test({
  name:
    "PARLEY_PROCESSES=3: one port, any process; a killed copy is started again; SIGTERM stops all",
  ignore: await skipWithoutRedis(),
  async fn() {
    await using redis = await startRedis();
    await using node = await Node.start("p", {
      PARLEY_REDIS_URL: redis.url,
      PARLEY_PROCESSES: "3",
      ...FAST,
    }, ["--unstable-net"]);
    await until(() => listening(node) === 3, "the two copies to listen");
    const urls = new Set(node.logged("listening").map((l) => l.url));
    assert.equal(urls.size, 1, "all three listen on the same port");
    const ids = node.logged("process started").map((l) => l.process);
    assert.deepEqual(ids, [1, 2]);

    // Every answer on a new connection: the kernel picks the process each time.
    await using a = new Tab("a", true);
    await a.start(node);
    await a.read(nthQuestion(1));
    const killed = copies(node)[0]!;
    Deno.kill(killed.pid, "SIGKILL");
    // Until it is reaped, the kernel may still hand its listener connections, which then
    // fail (a browser would reconnect; this tab does not). Its main thread is a zombie in
    // /proc before its other threads have closed its files, so wait for the supervisor.
    await until(
      () => node.logged("process exited; starting it again").length === 1,
      "the supervisor to see the killed copy exit",
    );
    for (;;) {
      await a.join(node);
      const f = await a.read((f) => f.type === "question");
      if (f.type === "complete") break;
      a.answer(String(f.data.id));
    }
    assertTabsAgree([a]);
    // The kernel spread the reconnections: more than one process served a resume (all on
    // one of three would be a chance of about 1 in 3^(resumes − 1)).
    const servedBy = node.logged("resumed").map((l) => String(l.nodeId));
    assert.ok(servedBy.length >= 5, `resumes: ${servedBy.length}`);
    assert.ok(new Set(servedBy).size >= 2, `every resume on one process: ${servedBy.join(", ")}`);

    await until(() => copies(node).length === 3, "the killed copy to start again");
    const restarted = copies(node)[2]!;
    assert.equal(restarted.index, killed.index);
    const exited = node.logged("process exited; starting it again")[0]!;
    assert.equal(exited.pid, killed.pid);
    assert.equal(exited.signal, "SIGKILL");

    const pids = [node.pid, ...copies(node).slice(1).map((c) => c.pid)];
    assert.equal(await node.terminate(), 0);
    for (const pid of pids) {
      await until(() => !running(pid), `process ${pid} to exit after SIGTERM`);
    }
  },
});

Deno.test({
  name: "PARLEY_PROCESSES=2: the copy stops by itself when its supervisor is SIGKILLed",
  ignore: await skipWithoutRedis(),
  async fn() {
    await using redis = await startRedis();
    await using node = await Node.start("p", {
      PARLEY_REDIS_URL: redis.url,
      PARLEY_PROCESSES: "2",
      ...FAST,
    }, ["--unstable-net"]);
    await until(() => listening(node) === 2, "the copy to listen");
    const copy = copies(node)[0]!;
    await node.kill();
    await until(() => !running(copy.pid), "the copy to exit once its supervisor is gone");
  },
});

/** Runs `main.ts` with `env` and `flags`, returning its exit code and stderr. */
async function refused(env: Record<string, string>, flags: string[] = []) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...flags, "main.ts", "--port", "0"],
    cwd: ROOT,
    env: { PARLEY_DB: ":memory:", ...env },
    stdin: "null",
    stdout: "null",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr).trim() };
}

Deno.test("PARLEY_PROCESSES > 1 without PARLEY_REDIS_URL: one line naming SQLite's lock, exit 2", async () => {
  const { code, stderr } = await refused({ PARLEY_PROCESSES: "2" }, ["--unstable-net"]);
  assert.equal(code, 2);
  assert.match(stderr, /^parley: Invalid PARLEY_PROCESSES: 2 processes need PARLEY_REDIS_URL/);
  assert.equal(stderr.split("\n").length, 1);
});

Deno.test("PARLEY_PROCESSES > 1 without --unstable-net: one line naming the task, exit 2 (not 70)", async () => {
  const { code, stderr } = await refused({
    PARLEY_PROCESSES: "2",
    PARLEY_REDIS_URL: "redis://127.0.0.1:1",
  });
  assert.equal(code, 2);
  assert.match(stderr, /^parley: PARLEY_PROCESSES needs --unstable-net.*deno task start:cluster/);
});
