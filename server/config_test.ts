import assert from "node:assert/strict";
import { DEFAULTS, loadConfig, parseOrigins } from "./config.ts";

const env = (vars: Record<string, string>) => (k: string) => vars[k];

Deno.test("loadConfig uses the documented defaults", () => {
  assert.deepEqual(loadConfig([], env({})), DEFAULTS);
  assert.deepEqual(DEFAULTS.corsOrigins, [
    "http://localhost:3000",
    "http://localhost:3001",
    "http://localhost:8000",
  ]);
});

Deno.test("loadConfig takes flags over the environment", () => {
  const c = loadConfig(
    ["--port", "9001", "--host", "0.0.0.0"],
    env({ PORT: "7000", LOG_LEVEL: "WARN" }),
  );
  assert.equal(c.port, 9001);
  assert.equal(c.host, "0.0.0.0");
  assert.equal(c.logLevel, "warn");
});

Deno.test("loadConfig reads limits and origins from the environment", () => {
  const c = loadConfig(
    [],
    env({
      CORS_ORIGINS: "https://app.example.com, https://www.example.com/",
      PARLEY_MAX_FRAME_BYTES: "1024",
      PARLEY_MAX_SESSIONS: "5",
      PARLEY_CLARIFIER_ROUNDS: "2",
    }),
  );
  assert.deepEqual(c.corsOrigins, ["https://app.example.com", "https://www.example.com"]);
  assert.equal(c.maxFrameBytes, 1024);
  assert.equal(c.maxSessions, 5);
  assert.equal(c.maxRounds, 2);
  assert.equal(parseOrigins("*, http://a"), "*");
});

Deno.test("loadConfig names the bad setting", () => {
  assert.throws(() => loadConfig([], env({ PORT: "eighty" })), /Invalid PORT: "eighty"/);
  assert.throws(() => loadConfig([], env({ LOG_LEVEL: "loud" })), /Invalid LOG_LEVEL: "loud"/);
  assert.throws(
    () => loadConfig([], env({ CORS_ORIGINS: "localhost" })),
    /Invalid CORS_ORIGINS entry/,
  );
  assert.throws(
    () => loadConfig([], env({ PARLEY_CLARIFIER_ROUNDS: "0" })),
    /PARLEY_CLARIFIER_ROUNDS/,
  );
  assert.throws(() => loadConfig(["--nope"], env({})), /nope/);
});
