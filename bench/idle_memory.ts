/**
 * What one idle session holds in the server: `--sessions` connections (default 2,000),
 * each waiting at its first question, held by `bench/load.ts --idle` in a child process
 * against a server in this process (`--mode parley`: the shipped handler, memory store,
 * offline engine, logs off; `--mode bare`: `Deno.serve` that only upgrades and sends one
 * frame). Prints, per session, the growth of RSS, V8 heap and external memory (after a
 * full GC); with `--snapshot`, the heap growth by constructor from two V8 heap snapshots
 * (before the sessions and with them), largest first, instead of the RSS (writing a
 * snapshot grows it): the breakdown behind the "Idle sessions" section of
 * docs/performance.md. `--owners` (implies `--snapshot`) splits each name by the first
 * object that holds it.
 *
 * Run: `deno run -A --v8-flags=--expose-gc bench/idle_memory.ts --mode parley --sessions 2000
 * [--snapshot|--owners] [--top 24]`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { DEFAULTS } from "../server/config.ts";
import { createParley } from "../server/mod.ts";
import { createLogger } from "../server/log.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    mode: { type: "string", default: "parley" },
    sessions: { type: "string", default: "2000" },
    top: { type: "string", default: "24" },
    snapshot: { type: "boolean", default: false },
    owners: { type: "boolean", default: false },
  },
});
const n = Number(values.sessions);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --v8-flags=--expose-gc");
// deno-lint-ignore no-console
const say = (line: string) => console.log(line);

function handlerOf(mode: string): (req: Request) => Response | Promise<Response> {
  if (mode === "bare") {
    return (req) => {
      const { socket, response } = Deno.upgradeWebSocket(req);
      socket.onopen = () =>
        socket.send(JSON.stringify({ type: "question", data: { question: "?" }, seq: 1 }));
      return response;
    };
  }
  const config = { ...DEFAULTS, port: 0, db: ":memory:", logLevel: "error" as const };
  return createParley(config, { log: createLogger("error", () => {}) }).handler;
}

const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen: resolve },
  handlerOf(values.mode!),
);
const { port } = await listening;

/**
 * Self size by node name of one snapshot ("Session", "Map", "(closure) name", "(array)",
 * …); with `owners`, by name and the first object that holds it ("(array) <- Session.log"),
 * which tells whose arrays, objects and strings they are.
 */
function heapByName(owners: boolean): Map<string, { bytes: number; count: number }> {
  gc!();
  gc!();
  const file = Deno.makeTempFileSync({ suffix: ".heapsnapshot" });
  v8.writeHeapSnapshot(file);
  const snap = JSON.parse(Deno.readTextFileSync(file));
  Deno.removeSync(file);
  const meta = snap.snapshot.meta;
  const fields: string[] = meta.node_fields;
  const types: string[] = meta.node_types[0];
  const edgeFields: string[] = meta.edge_fields;
  const edgeTypes: string[] = meta.edge_types[0];
  const width = fields.length;
  const eWidth = edgeFields.length;
  const [iType, iName, iSize, iEdges] = ["type", "name", "self_size", "edge_count"].map((f) =>
    fields.indexOf(f)
  );
  const [eType, eName, eTo] = ["type", "name_or_index", "to_node"].map((f) =>
    edgeFields.indexOf(f)
  );
  const nodes: number[] = snap.nodes;
  const edges: number[] = snap.edges;
  const strings: string[] = snap.strings;
  const keyOf = (i: number) => {
    const type = types[nodes[i + iType!]!]!;
    const name = strings[nodes[i + iName!]!]!;
    return type === "object" || type === "native"
      ? name
      : type === "closure"
      ? `(closure) ${name || "anonymous"}`
      : `(${type})`;
  };
  const owner = new Map<number, string>();
  if (owners) {
    let e = 0;
    for (let i = 0; i < nodes.length; i += width) {
      const count = nodes[i + iEdges!]!;
      const parent = keyOf(i);
      for (let k = 0; k < count; k++, e += eWidth) {
        const to = edges[e + eTo!]!;
        const et = edgeTypes[edges[e + eType!]!]!;
        if (et === "weak" || owner.has(to)) continue;
        const en = edges[e + eName!]!;
        const label = et === "element" || et === "hidden" ? `[${et}]` : strings[en] ?? "";
        owner.set(to, `${parent}.${label}`);
      }
    }
  }
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < nodes.length; i += width) {
    const key = owners ? `${keyOf(i)}  <- ${owner.get(i) ?? "?"}` : keyOf(i);
    const e = out.get(key) ?? { bytes: 0, count: 0 };
    e.bytes += nodes[i + iSize!]!;
    e.count++;
    out.set(key, e);
  }
  return out;
}

function usage() {
  gc!();
  gc!();
  return Deno.memoryUsage();
}

await new Promise((r) => setTimeout(r, 300));
// Writing a snapshot grows the RSS by more than the sessions do: RSS is read without them.
const snapshots = values.snapshot! || values.owners!;
const before = usage();
const heapBefore = snapshots ? heapByName(values.owners!) : new Map();
const child = new Deno.Command(Deno.execPath(), {
  args: [
    "run",
    "-A",
    fileURLToPath(new URL("./load.ts", import.meta.url)),
    "--url",
    `ws://127.0.0.1:${port}`,
    "--idle",
    String(n),
  ],
  stdin: "piped",
  stdout: "piped",
}).spawn();
const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
let buf = "";
while (!buf.includes("\n")) {
  const { done, value } = await lines.read();
  if (done) throw new Error("the load generator ended before its sessions were up");
  buf += value;
}
await new Promise((r) => setTimeout(r, 1000));
const after = usage();
const heapAfter = snapshots ? heapByName(values.owners!) : new Map();
const per = (a: number, b: number) => ((b - a) / n / 1024).toFixed(2);
say(`${values.mode}: ${n} idle sessions, per session in KiB`);
say(
  `  rss ${snapshots ? "(not read with --snapshot)" : per(before.rss, after.rss)}  heap ${
    per(before.heapUsed, after.heapUsed)
  }  external ${per(before.external, after.external)}`,
);
const rows = [...heapAfter].map(([name, a]) => {
  const b = heapBefore.get(name) ?? { bytes: 0, count: 0 };
  return { name, bytes: (a.bytes - b.bytes) / n, count: (a.count - b.count) / n };
}).sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((s, r) => s + r.bytes, 0);
if (snapshots) say(`  heap snapshot growth ${(total / 1024).toFixed(2)} KiB per session; largest:`);
for (const r of snapshots ? rows.slice(0, Number(values.top)) : []) {
  say(`    ${r.bytes.toFixed(0).padStart(6)} B  ${r.count.toFixed(2).padStart(6)} ×  ${r.name}`);
}
const w = child.stdin.getWriter();
await w.write(new TextEncoder().encode("stop\n"));
await w.close();
await child.status;
await server.shutdown();
Deno.exit(0);
