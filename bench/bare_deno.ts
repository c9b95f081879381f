/**
 * The bare Deno comparator of `deno task bench`: a `Deno.serve` WebSocket server with no
 * agents, no store and no validation that plays a recorded script (bench/_script.ts) on
 * the seed's endpoint `/ws/{client_id}`: the first segment on connect, the next after each
 * `{"answer": ...}`. Each frame is serialised when sent, as the seed's `send_json` does.
 *
 * `deno run -A bench/bare_deno.ts --script script.json --port 8001`
 *
 * @module
 */
import { parseArgs } from "node:util";
import type { Script } from "./_script.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { script: { type: "string" }, port: { type: "string", default: "0" } },
});
if (!values.script) throw new TypeError("Missing --script: the path of a recorded script");
const { segments } = JSON.parse(Deno.readTextFileSync(values.script)) as Script;

Deno.serve({ hostname: "127.0.0.1", port: Number(values.port), onListen: () => {} }, (req) => {
  if (!/^\/ws\/[^/]+$/.test(new URL(req.url).pathname)) {
    return new Response("Not found\n", { status: 404 });
  }
  const { socket, response } = Deno.upgradeWebSocket(req);
  let next = 0;
  const play = () => {
    for (const frame of segments[next++] ?? []) socket.send(JSON.stringify(frame));
  };
  socket.onopen = play;
  socket.onmessage = (e) => {
    let answer: unknown;
    try {
      answer = (JSON.parse(String(e.data)) as { answer?: unknown }).answer;
    } catch {
      return; // the seed ignores what it cannot read; so does the comparator
    }
    if (typeof answer === "string" && next < segments.length) play();
  };
  return response;
});
