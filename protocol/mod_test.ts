import assert from "node:assert/strict";
import {
  ADDED_FRAME_TYPES,
  MAX_ANSWER_CHARS,
  parseClientFrame,
  parseServerFrame,
  protocolJsonSchema,
  SEED_FRAME_TYPES,
  ServerFrame,
} from "./mod.js";

Deno.test("parseClientFrame accepts the seed's answer and the typed answer", () => {
  assert.deepEqual(parseClientFrame('{"answer":"A todo app"}'), {
    success: true,
    value: { answer: "A todo app" },
  });
  assert.deepEqual(
    parseClientFrame('{"type":"answer","questionId":"clarifier-r1-q1","answer":"x"}'),
    { success: true, value: { type: "answer", questionId: "clarifier-r1-q1", answer: "x" } },
  );
});

Deno.test("parseClientFrame explains each kind of bad frame", () => {
  const cases: [string, RegExp][] = [
    ["hello", /^Frame is not JSON/],
    ["[1,2]", /^Frame is not a JSON object/],
    ["null", /^Frame is not a JSON object/],
    ['{"answer": 42}', /^Frame has the wrong shape at "answer"/],
    [
      '{"type":"dance"}',
      /^Unknown frame type "dance": expected one of answer, review, edit, cancel, finish, restart, resume/,
    ],
    ['{"type":"answer","answer":"x"}', /wrong shape at "questionId"/],
    [JSON.stringify({ answer: "x".repeat(MAX_ANSWER_CHARS + 1) }), /Answer is too long/],
    [
      JSON.stringify({ answer: "é".repeat(40_000) }),
      /^Frame is too large: 80013 bytes, the limit is 65536/,
    ],
  ];
  for (const [text, error] of cases) {
    const r = parseClientFrame(text);
    assert.equal(r.success, false, text.slice(0, 40));
    if (!r.success) assert.match(r.error, error);
  }
});

Deno.test("parseClientFrame honours a smaller size limit", () => {
  const r = parseClientFrame(JSON.stringify({ answer: "x".repeat(300) }), 256);
  assert.equal(r.success, false);
});

Deno.test("ServerFrame keeps the seed's data shapes and tolerates added fields", () => {
  const frames = [
    { type: "status", data: { message: "Starting" }, seq: 1, ts: 1 },
    { type: "progress", data: { message: "Clarifier (Round 1): …" }, seq: 2, ts: 1 },
    { type: "question", data: { question: "Why?", id: "q1", future: true }, seq: 3, ts: 1 },
    {
      type: "result",
      data: { agent: "clarifier", data: { done: false, resp: [] } },
      seq: 4,
      ts: 1,
    },
    { type: "complete", data: { summary: "# Brief" }, seq: 5, ts: 1 },
    { type: "error", data: { message: "Oops" }, seq: 6, ts: 1 },
  ];
  for (const f of frames) assert.equal(ServerFrame.safeParse(f).success, true, f.type);
  const q = parseServerFrame(frames[2]);
  assert.ok(q.success && q.value.type === "question");
  assert.equal((q.value.data as Record<string, unknown>).future, true);
  assert.equal(parseServerFrame({ type: "delta", data: {}, seq: 7, ts: 1 }).success, false);
  assert.equal(parseServerFrame({ type: "shiny", data: {}, seq: 7, ts: 1 }).success, false);
  assert.equal(
    parseServerFrame({
      type: "delta",
      data: { agent: "risk", id: "risk-1", text: "R" },
      seq: 7,
      ts: 1,
    })
      .success,
    true,
  );
  assert.equal(
    parseServerFrame({ type: "question", data: { question: "no id" }, seq: 1, ts: 1 }).success,
    false,
  );
});

Deno.test("protocolJsonSchema describes both directions", () => {
  const schema = protocolJsonSchema() as {
    $defs: Record<string, { oneOf?: unknown[]; anyOf?: unknown[] }>;
  };
  const server = JSON.stringify(schema.$defs.ServerFrame);
  for (const t of ["status", "progress", "question", "result", "complete", "error"]) {
    assert.ok(server.includes(`"const":"${t}"`), t);
  }
  assert.ok(JSON.stringify(schema.$defs.ClientFrame).includes('"answer"'));
});

Deno.test("SEED_FRAME_TYPES and ADDED_FRAME_TYPES list exactly the ServerFrame types", () => {
  const types = ServerFrame.options.map((o) => o.shape.type.value).sort();
  assert.deepEqual([...SEED_FRAME_TYPES, ...ADDED_FRAME_TYPES].sort(), types);
});
