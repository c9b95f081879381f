/**
 * How long a session stalls when its owner dies: real `main.ts` nodes on a test
 * `redis-server`, with the default cluster timings (`PARLEY_NODE_LEASE_MS=3000`,
 * `PARLEY_CLUSTER_CHECK_MS=1000`) unless the environment sets them. Each run starts a fresh
 * owner, opens a session on it with a question pending and a tab following on another node,
 * SIGKILLs the owner at a random moment, and at once answers on the follower's tab. It reports, from the kill:
 * when Redis names a new owner (`claim`), and when the tab gets the `answered` frame (`first
 * frame`: the conversation moves again).
 *
 * `SIGNAL=SIGTERM` stops the owner cleanly instead (it deletes its lease: expect a claim
 * within one check period).
 *
 * Run: `deno task bench:takeover` (`RUNS=10` by default). Expect claims between
 * lease − lease/3 (the key was renewed lease/3 before the kill) and lease + check.
 *
 * @module
 */
import { createClient } from "@redis/client";
import { Node, nthQuestion, Tab, until } from "../tests/_cluster.ts";
import { startRedis } from "../tests/_redis.ts";

const RUNS = Number(Deno.env.get("RUNS") ?? 10);
/** `SIGKILL` (default: a crash) or `SIGTERM` (a clean stop, which deletes the node's lease). */
const SIGNAL = Deno.env.get("SIGNAL") === "SIGTERM" ? "SIGTERM" : "SIGKILL";
const timings = {
  PARLEY_NODE_LEASE_MS: Deno.env.get("PARLEY_NODE_LEASE_MS") ?? "3000",
  PARLEY_CLUSTER_CHECK_MS: Deno.env.get("PARLEY_CLUSTER_CHECK_MS") ?? "1000",
};

await using redis = await startRedis();
const client = createClient({ url: redis.url });
await client.connect();
const env = { PARLEY_REDIS_URL: redis.url, ...timings };
await using follower = await Node.start("follower", env);
const claims: number[] = [];
const firsts: number[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    await using owner = await Node.start(`owner${run}`, env);
    await using a = new Tab("a", true);
    await using b = new Tab("b");
    await a.start(owner);
    await a.read(nthQuestion(2));
    await b.join(follower, a);
    await b.read((f) => f.seq === a.lastSeq);
    const meta = `parley:{${a.sessionId}}:meta`;
    // Killed at a random moment of the lease's renewal period and of the follower's check
    // period: otherwise each run kills at the same phase of both timers and the spread of
    // takeover times (between lease − renewal and lease + check) is not seen.
    await new Promise((r) => setTimeout(r, Math.random() * Number(timings.PARLEY_NODE_LEASE_MS)));
    const t0 = performance.now();
    owner.child.kill(SIGNAL);
    b.answering = true;
    b.answer(b.pending!);
    const claimed = (async () => {
      await until(
        async () => (await client.hGet(meta, "owner")) !== owner.id,
        "another node to claim the session",
        60_000,
      );
      return performance.now() - t0;
    })();
    await b.read((f) => f.type === "answered");
    const first = performance.now() - t0;
    const claim = await claimed;
    claims.push(claim);
    firsts.push(first);
    // deno-lint-ignore no-console
    console.log(`run ${run}: claim ${claim.toFixed(0)} ms, first frame ${first.toFixed(0)} ms`);
  }
} finally {
  client.destroy();
}

const sorted = (xs: number[]) => xs.toSorted((x, y) => x - y);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const line = (name: string, xs: number[]) =>
  `${name}: median ${median(xs).toFixed(0)} ms, min ${sorted(xs)[0]!.toFixed(0)} ms, max ${
    sorted(xs).at(-1)!.toFixed(0)
  } ms`;
// deno-lint-ignore no-console
console.log(
  `takeover after ${SIGNAL}, lease ${timings.PARLEY_NODE_LEASE_MS} ms, check ${timings.PARLEY_CLUSTER_CHECK_MS} ms, ${RUNS} runs`,
);
// deno-lint-ignore no-console
console.log(line("claim", claims));
// deno-lint-ignore no-console
console.log(line("first frame", firsts));
