/**
 * Worst-case memory of oversized messages (not a test; `deno run -A bench/big_frames.ts
 * [connections] [MiB]`): starts `main.ts` in a subprocess, opens N WebSockets that each send
 * one text frame of M MiB at once, and prints the server's peak RSS (VmHWM) before and
 * after. Deno 2.9 buffers a whole message before our 64 KiB check can refuse it, so the
 * peak grows with N × M; the connection caps bound N (docs/websocket-limits.md).
 *
 * @module
 */
const n = Number(Deno.args[0] ?? 10);
const mib = Number(Deno.args[1] ?? 60);
const main = new URL("../main.ts", import.meta.url).pathname;
const child = new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", main, "--port", "0"],
  env: { PARLEY_DB: ":memory:", LOG_LEVEL: "info" },
  stdout: "null",
  stderr: "piped",
}).spawn();
const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
let log = "";
let port = 0;
while (!port) {
  log += (await reader.read()).value ?? "";
  const m = /"listening","url":"http:\/\/[^:]+:(\d+)"/.exec(log);
  if (m) port = Number(m[1]);
}
const status = (key: string) => {
  const text = Deno.readTextFileSync(`/proc/${child.pid}/status`);
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024;
};
const before = status("VmRSS");
const big = "x".repeat(mib * 1024 * 1024);
const sockets = await Promise.all(
  Array.from({ length: n }, (_, i) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/big-${i}`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error("connect failed"));
    })),
);
const replies = sockets.map((ws) =>
  new Promise<string>((resolve) => {
    ws.onmessage = (e) => {
      const f = JSON.parse(e.data);
      if (f.type === "error") resolve(String(f.data.code));
    };
    ws.onclose = (e) => resolve(`closed ${e.code}`);
  })
);
for (const ws of sockets) ws.send(big);
const codes = await Promise.all(replies);
const peak = status("VmHWM");
const after = status("VmRSS");
const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
// deno-lint-ignore no-console
console.log(JSON.stringify({
  connections: n,
  frameMiB: mib,
  rssBeforeMiB: Math.round(before),
  peakRssMiB: Math.round(peak),
  rssAfterMiB: Math.round(after),
  replies: [...new Set(codes)],
  healthz: health.status,
}));
for (const ws of sockets) ws.close();
child.kill("SIGTERM");
await child.status;
await reader.cancel();
