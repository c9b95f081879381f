import assert from "node:assert/strict";
import { ProtocolOrderError, ProtocolVerifier } from "./verify.js";

const f = (seq: number, type: string, data: Record<string, unknown> = {}) => ({ type, data, seq });

Deno.test("ProtocolVerifier accepts a well-ordered conversation", () => {
  const v = new ProtocolVerifier();
  v.server(f(1, "status", { stage: "clarifier" }));
  v.server(f(2, "question", { id: "q1" }));
  v.answer("q1");
  v.server(f(3, "result", { agent: "clarifier" }));
  v.server(f(4, "status", { stage: "product" }));
  v.server(f(5, "result", { agent: "product" }));
  v.server(f(6, "complete", { brief: { resultSeqs: { product: 5 } } }));
  assert.equal(v.complete, true);
});

Deno.test("ProtocolVerifier rejects each broken rule with a message that says what to do", () => {
  const cases: [() => void, RegExp][] = [
    [() => new ProtocolVerifier().server(f(2, "status")), /expected seq 1, got 2; .*resume/],
    [() => {
      const v = new ProtocolVerifier();
      v.server(f(1, "complete"));
      v.server(f(2, "error"));
      v.server(f(3, "status"));
    }, /Frame after the end/],
    [
      () => new ProtocolVerifier().server(f(1, "result", { agent: "risk" })),
      /before its stage started/,
    ],
    [() => new ProtocolVerifier().answer("q9"), /Answer with no question pending \(it names q9\)/],
    [() => {
      const v = new ProtocolVerifier();
      v.server(f(1, "question", { id: "q1" }));
      v.server(f(2, "question", { id: "q2" }));
    }, /asked while q1 is unanswered/],
    [() => {
      const v = new ProtocolVerifier();
      v.server(f(1, "question", { id: "q1" }));
      v.answer("q1");
      v.server(f(2, "question", { id: "q1" }));
    }, /used twice/],
    [() => {
      const v = new ProtocolVerifier();
      v.server(f(1, "question", { id: "q1" }));
      v.answer("q2");
    }, /names question q2 but q1 is pending/],
    [() => {
      const v = new ProtocolVerifier();
      v.server(f(1, "status", { stage: "product" }));
      v.server(f(2, "result", { agent: "product" }));
      v.server(f(3, "complete", { brief: { resultSeqs: { product: 2, risk: 2 } } }));
    }, /Brief names seq 2 as the result of "risk", but no result of "risk" came with that seq/],
  ];
  for (const [run, message] of cases) {
    assert.throws(run, (e) => e instanceof ProtocolOrderError && message.test(e.message));
  }
});

Deno.test("ProtocolVerifier starts over at a new session frame", () => {
  const v = new ProtocolVerifier();
  v.server(f(1, "session"));
  v.server(f(2, "cancelled"));
  v.server(f(1, "session"));
  v.server(f(2, "status"));
  assert.equal(v.lastSeq, 2);
});

Deno.test("ProtocolVerifier takes the server's answered frame as the answer", () => {
  const v = new ProtocolVerifier();
  v.server(f(1, "question", { id: "q1" }));
  v.server(f(2, "answered", { questionId: "q1" }));
  v.server(f(3, "question", { id: "q2" }));
  assert.equal(v.pending, "q2");
  assert.throws(() => v.server(f(4, "answered", { questionId: "q9" })), /q9 was never asked/);
});
