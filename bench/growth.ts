/**
 * `deno task bench:growth`: how Parley's costs grow with the load, in two tables.
 *
 * 1. Conversations: for 50, 200, 500, 1,000 and 2,000 concurrent seed clients (each a
 *    fresh server, SQLite as shipped unless `--store memory`, on core 0; the load generator
 *    on core 1): conversations/s, p50/p99 answer → next frame, server CPU per conversation,
 *    server RSS after the run, and how much of its core the load generator used (near 1.0
 *    it, not the server, is the bottleneck).
 * 2. Idle sessions: 1,000, 5,000, 10,000 and 20,000 connected sessions waiting on their
 *    first question (memory store, as `deno task bench` measures it): RSS per session.
 *    The load is split over processes of at most 9,000 sockets each; a step that needs
 *    more open files than this machine's hard limit is cut to fit, and says so.
 *
 * A step is flagged when a cost (CPU per conversation, p99, RSS, RSS per idle session)
 * grows more than 1.25 times faster than the work (clients or sessions) from the step
 * before.
 *
 * Flags: `--clients 50,200,500,1000,2000 --seconds 8 --idle 1000,5000,10000,20000
 * --store sqlite|memory --skip-conversations --skip-idle`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { NOFILE, PINNED, spawn, treeUsage } from "./_procs.ts";
import { measure, startParley } from "./_servers.ts";
import { growsFaster, num, table } from "./_stats.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    clients: { type: "string", default: "50,200,500,1000,2000" },
    seconds: { type: "string", default: "8" },
    idle: { type: "string", default: "1000,5000,10000,20000" },
    store: { type: "string", default: "sqlite" },
    "skip-conversations": { type: "boolean", default: false },
    "skip-idle": { type: "boolean", default: false },
  },
});
// deno-lint-ignore no-console
const say = (line: string) => console.log(line);
const root = join(import.meta.dirname!, "..");
const list = (s: string) => s.split(",").map(Number).filter((n) => n > 0);
const ONE = PINNED ? "0" : undefined;
const LOAD = PINNED ? "1" : undefined;
const tmp = await Deno.makeTempDir({ prefix: "parley-growth-" });
const flag = (grows: boolean) => (grows ? " ⚠" : "");

say(
  `Parley growth (${
    new Date().toISOString()
  }), deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores, load average ${
    Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).join(" ")
  }, ${PINNED ? "server on core 0, load on core 1" : "NOT pinned"}, open files ${num(NOFILE)}`,
);

if (!values["skip-conversations"]) {
  const store = values.store === "memory" ? ":memory:" : undefined;
  const rows: string[][] = [];
  let prev: { clients: number; cpu: number; p99: number; rss: number } | undefined;
  for (const clients of list(values.clients)) {
    const server = await startParley({ PARLEY_DB: store ?? join(tmp, `growth-${clients}.db`) }, {
      cores: ONE,
    });
    try {
      const m = await measure(server, {
        clients,
        seconds: Number(values.seconds),
        loadCores: LOAD,
      });
      const cur = {
        clients,
        cpu: m.serverCpuMsPerConversation,
        p99: m.answerToNextFrameMs.p99,
        rss: m.serverRssMiB,
      };
      const g = (k: "cpu" | "p99" | "rss") =>
        prev ? flag(growsFaster(prev[k], cur[k], prev.clients, clients)) : "";
      rows.push([
        num(clients),
        num(m.conversationsPerSecond),
        num(m.answerToNextFrameMs.p50, 1),
        num(m.answerToNextFrameMs.p99, 1) + g("p99"),
        num(m.serverCpuMsPerConversation, 2) + g("cpu"),
        num(m.serverRssMiB, 0) + g("rss"),
        num(m.loadCores, 2),
        `${m.errorFrames}/${m.failedConversations}`,
      ]);
      say(`  ${clients} clients: ${num(m.conversationsPerSecond)} conv/s`);
      prev = cur;
    } finally {
      await server.stop();
    }
  }
  say(
    `\nConversations, Parley on ${
      store ? "the memory store" : "SQLite"
    }, ${values.seconds} s per step:`,
  );
  say(table(
    [
      "clients",
      "conv/s",
      "p50 ms",
      "p99 ms",
      "server CPU ms/conv",
      "server RSS MiB",
      "load gen cores",
      "errors/failed",
    ],
    rows,
  ));
}

/** Opens `n` idle sessions from processes of at most `per` sockets; resolves when all are up. */
async function openIdle(port: number, n: number, per = 9_000) {
  const gens: Deno.ChildProcess[] = [];
  for (let i = 0, left = n; left > 0; i++, left -= per) {
    gens.push(spawn([
      Deno.execPath(),
      "run",
      "-A",
      join(root, "bench/load.ts"),
      "--url",
      `ws://127.0.0.1:${port}`,
      "--idle",
      String(Math.min(per, left)),
      "--prefix",
      `idle${i}-${Date.now().toString(36)}`,
    ], { cores: LOAD, stdout: "piped", stdin: "piped" }));
  }
  // Each prints one line once its sessions are up, then holds them until its stdin says stop.
  await Promise.all(gens.map(async (g) => {
    const reader = g.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    while (!buf.includes("\n")) {
      const { done, value } = await reader.read();
      if (done) throw new Error("An idle load generator ended before its sessions were up");
      buf += value;
    }
    reader.releaseLock();
  }));
  return async () => {
    for (const g of gens) {
      const w = g.stdin.getWriter();
      await w.write(new TextEncoder().encode("stop\n")).catch(() => {});
      await w.close().catch(() => {});
    }
    await Promise.all(gens.map((g) => g.status));
  };
}

if (!values["skip-idle"]) {
  const rows: string[][] = [];
  const notes: string[] = [];
  let prev: { n: number; per: number } | undefined;
  for (const asked of list(values.idle)) {
    // The server holds one descriptor per socket, plus its own few dozen.
    const n = Math.min(asked, NOFILE - 256);
    if (n < asked) {
      notes.push(
        `${num(asked)} idle sessions need more than this machine's ${
          num(NOFILE)
        } open files per process (hard limit; raising it needs CAP_SYS_RESOURCE): measured ${
          num(n)
        }`,
      );
    }
    const server = await startParley({ PARLEY_DB: ":memory:" }, { cores: ONE });
    try {
      await new Promise((r) => setTimeout(r, 500));
      const before = treeUsage(server.pids[0]!).rssKiB;
      const close = await openIdle(server.port, n);
      await new Promise((r) => setTimeout(r, 1000));
      const after = treeUsage(server.pids[0]!).rssKiB;
      await close();
      const per = (after - before) / n;
      const g = prev ? flag(growsFaster(prev.per * prev.n, per * n, prev.n, n)) : "";
      rows.push([num(n), num(before / 1024, 1), num(after / 1024, 1), num(per, 1) + g]);
      say(`  ${n} idle: ${num(per, 1)} KiB each`);
      prev = { n, per };
    } finally {
      await server.stop();
    }
  }
  say("\nIdle sessions (memory store), each waiting on its first question; target < 32 KiB each:");
  say(table(["idle sessions", "RSS before MiB", "RSS after MiB", "KiB per session"], rows));
  for (const n of notes) say(`  note: ${n}`);
}
say("\n⚠ marks a step where the cost grew more than 1.25 times faster than the work.");
await Deno.remove(tmp, { recursive: true });
