import assert from "node:assert/strict";
import { DEFAULTS } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { createParley, originAllowed } from "../server/mod.ts";
import { ScriptedEngine } from "../agents/testing.ts";

const parley = () =>
  createParley({ ...DEFAULTS, db: ":memory:" }, {
    log: createLogger("silent"),
    engine: new ScriptedEngine(),
  });
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  parley().handler(new Request(`http://localhost:8000${path}`, { method, headers }));

Deno.test("handler serves /healthz as JSON", async () => {
  const res = await get("/healthz");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
  assert.deepEqual(await res.json(), {
    status: "ok",
    ok: true,
    sessions: 0,
    engine: "scripted",
    store: "memory",
    storeReachable: true,
  });
});

Deno.test("handler serves the protocol's JSON Schema at /protocol.json", async () => {
  const res = await get("/protocol.json");
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.title, "Parley wire protocol");
  assert.deepEqual(Object.keys(body.$defs), ["ServerFrame", "ClientFrame"]);
});

Deno.test("handler sends CORS headers only to allowed origins", async () => {
  const ok = await get("/protocol.json", { origin: "http://localhost:3000" });
  assert.equal(ok.headers.get("access-control-allow-origin"), "http://localhost:3000");
  assert.equal(ok.headers.get("vary"), "Origin");
  const evil = await get("/protocol.json", { origin: "https://evil.example" });
  assert.equal(evil.headers.get("access-control-allow-origin"), null);
  const pre = await get("/protocol.json", { origin: "http://localhost:3001" }, "OPTIONS");
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), "http://localhost:3001");
  assert.match(pre.headers.get("access-control-allow-methods") ?? "", /GET/);
});

Deno.test("handler refuses a WebSocket upgrade from an origin not in CORS_ORIGINS", async () => {
  const res = await get("/ws/abc", { upgrade: "websocket", origin: "https://evil.example" });
  assert.equal(res.status, 403);
  assert.match(
    await res.text(),
    /Origin not allowed: https:\/\/evil.example; add it to CORS_ORIGINS/,
  );
});

Deno.test("handler explains a plain GET on the WebSocket path and a bad client id", async () => {
  const plain = await get("/ws/abc");
  assert.equal(plain.status, 426);
  assert.match(await plain.text(), /WebSocket endpoint/);
  const bad = await get("/ws/" + encodeURIComponent("a b<script>"), { upgrade: "websocket" });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Invalid client id/);
  const long = await get("/ws/" + "x".repeat(129), { upgrade: "websocket" });
  assert.equal(long.status, 400);
});

Deno.test("handler answers 404 for unknown paths and 405 for other methods", async () => {
  assert.equal((await get("/nope")).status, 404);
  assert.equal((await get("/healthz", {}, "POST")).status, 405);
});

Deno.test("originAllowed allows no origin, listed origins, the same host, and * for all", () => {
  const list = ["http://localhost:3000"];
  assert.equal(originAllowed(null, "x", list), true);
  assert.equal(originAllowed("http://localhost:3000", "127.0.0.1:8000", list), true);
  assert.equal(originAllowed("http://127.0.0.1:8000", "127.0.0.1:8000", list), true);
  assert.equal(originAllowed("http://evil:8000", "127.0.0.1:8000", list), false);
  assert.equal(originAllowed("not a url", "127.0.0.1:8000", list), false);
  assert.equal(originAllowed("http://evil:8000", "127.0.0.1:8000", "*"), true);
});
