import assert from "node:assert/strict";
import { defaultNodeId, DEFAULTS, loadConfig, parseOrigins } from "./config.ts";

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

Deno.test("loadConfig reads the model settings and their limits", () => {
  const c = loadConfig(
    [],
    env({
      PARLEY_MODEL: "openai-compatible:qwen2.5",
      PARLEY_BASE_URL: "http://localhost:1234/v1/",
      PARLEY_API_KEY: "k1",
      PARLEY_MODEL_TIMEOUT_MS: "5000",
      PARLEY_MODEL_RETRIES: "0",
      PARLEY_MODEL_CONCURRENCY: "2",
      PARLEY_STRUCTURED_OUTPUTS: "on",
    }),
  );
  assert.deepEqual(
    [c.model, c.baseUrl, c.apiKey, c.modelTimeoutMs, c.modelRetries, c.modelConcurrency],
    ["openai-compatible:qwen2.5", "http://localhost:1234/v1", "k1", 5000, 0, 2],
  );
  assert.equal(c.modelStructuredOutputs, true);
  assert.throws(() => loadConfig([], env({ PARLEY_BASE_URL: "localhost:11434" })), {
    name: "RangeError",
    message: /^Invalid PARLEY_BASE_URL: "localhost:11434" is not an http\(s\) URL/,
  });
  assert.throws(() => loadConfig([], env({ PARLEY_MODEL_CONCURRENCY: "0" })), RangeError);
});

Deno.test("loadConfig takes a provider's own key variable only for that provider", () => {
  const keys = { OPENAI_API_KEY: "sk-o", ANTHROPIC_API_KEY: "sk-a" };
  assert.equal(loadConfig([], env({ ...keys, PARLEY_MODEL: "openai:gpt-4o-mini" })).apiKey, "sk-o");
  assert.equal(loadConfig([], env({ ...keys, PARLEY_MODEL: "anthropic:claude-x" })).apiKey, "sk-a");
  // A third-party server never receives OpenAI's or Anthropic's key.
  assert.equal(
    loadConfig([], env({ ...keys, PARLEY_MODEL: "openai-compatible:m" })).apiKey,
    undefined,
  );
  assert.equal(
    loadConfig([], env({ ...keys, PARLEY_API_KEY: "sk-p", PARLEY_MODEL: "openai:m" })).apiKey,
    "sk-p",
  );
});

Deno.test("loadConfig: allowed hosts default to the loopback names on loopback, any host otherwise", () => {
  const env = (vars: Record<string, string>) => (k: string) => vars[k];
  assert.deepEqual(loadConfig([], env({})).allowedHosts, ["localhost", "127.0.0.1", "[::1]"]);
  assert.equal(loadConfig(["--host", "0.0.0.0"], env({})).allowedHosts, "*");
  assert.deepEqual(
    loadConfig(["--host", "0.0.0.0"], env({ PARLEY_ALLOWED_HOSTS: "Parley.Example.com, [::1]" }))
      .allowedHosts,
    ["parley.example.com", "[::1]"],
  );
  assert.throws(
    () => loadConfig([], env({ PARLEY_ALLOWED_HOSTS: "http://x" })),
    /Invalid PARLEY_ALLOWED_HOSTS entry: "http:\/\/x"/,
  );
});

Deno.test("loadConfig reads the connection, heartbeat and bad-frame settings", () => {
  const c = loadConfig([], (k) =>
    ({
      PARLEY_MAX_CONNECTIONS: "500",
      PARLEY_MAX_CONNECTIONS_PER_ADDRESS: "8",
      PARLEY_SESSIONS_PER_MINUTE_PER_ADDRESS: "12",
      PARLEY_LIMIT_LOOPBACK: "on",
      PARLEY_HEARTBEAT_MS: "15000",
      PARLEY_RESUME_TIMEOUT_MS: "5000",
      PARLEY_MAX_BAD_FRAMES_PER_SECOND: "50",
      PARLEY_SLOW_CLIENT_MS: "10000",
    })[k]);
  assert.deepEqual(
    [
      c.maxConnections,
      c.maxConnectionsPerAddress,
      c.maxSessionsPerMinutePerAddress,
      c.limitLoopback,
      c.heartbeatMs,
      c.resumeTimeoutMs,
      c.maxBadFramesPerSecond,
      c.slowClientMs,
    ],
    [500, 8, 12, true, 15000, 5000, 50, 10000],
  );
  assert.throws(
    () => loadConfig([], (k) => k === "PARLEY_HEARTBEAT_MS" ? "10" : undefined),
    /1000/,
  );
  assert.throws(() => loadConfig([], (k) => k === "PARLEY_LIMIT_LOOPBACK" ? "maybe" : undefined));
});

Deno.test("loadConfig reads PARLEY_METRICS and PARLEY_NODE_ID, and names a bad one", () => {
  const c = loadConfig([], env({ PARLEY_METRICS: "off", PARLEY_NODE_ID: "web-1.eu:a_b" }));
  assert.equal(c.metrics, false);
  assert.equal(c.nodeId, "web-1.eu:a_b");
  assert.equal(loadConfig([], env({})).nodeId, undefined);
  assert.throws(() => loadConfig([], env({ PARLEY_METRICS: "maybe" })), /PARLEY_METRICS/);
  assert.throws(
    () => loadConfig([], env({ PARLEY_NODE_ID: "has space" })),
    /Invalid PARLEY_NODE_ID: "has space"/,
  );
  assert.throws(() => loadConfig([], env({ PARLEY_NODE_ID: "x".repeat(129) })), /PARLEY_NODE_ID/);
});

Deno.test("defaultNodeId is hostname-pid-hex, and safe without the hostname", () => {
  assert.match(defaultNodeId(() => "web 1"), new RegExp(`^web_1-${Deno.pid}-[0-9a-f]{4}$`));
  const denied = defaultNodeId(() => {
    throw new Deno.errors.NotCapable("no --allow-sys");
  });
  assert.match(denied, new RegExp(`^parley-${Deno.pid}-[0-9a-f]{4}$`));
});
