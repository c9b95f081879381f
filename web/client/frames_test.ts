/** The client's trust boundary, with the real protocol module. */
import assert from "node:assert/strict";
import * as protocol from "../../protocol/mod.js";
import { parseFrame } from "./frames.js";

const parse = (raw: unknown, max = 1000) => parseFrame(raw, protocol, max);

Deno.test("parseFrame refuses what is not a frame, saying why", () => {
  const errors = [
    parse(new Uint8Array([1, 2])),
    parse(`{"type":"status","data":{"message":"${"x".repeat(2000)}"},"seq":1,"ts":0}`),
    parse("not json"),
    parse('{"data":{}}'),
    parse('{"type":"question","data":{"nope":true},"seq":1,"ts":0}'),
  ].map((r) => r.success ? "accepted" : r.error);
  assert.deepEqual(errors.map((e) => e.replace(/:.*/s, "")), [
    "Server sent a binary frame",
    "Server frame is too large",
    "Server sent a frame that is not JSON",
    "Server sent a frame without a type",
    "Server sent a malformed question frame",
  ]);
});

Deno.test("parseFrame validates known types, keeps unknown ones, and takes frames without seq", () => {
  const status = parse('{"type":"status","data":{"message":"Hi","extra":1},"seq":3,"ts":5}');
  assert.deepEqual(status, {
    success: true,
    known: true,
    frame: { type: "status", data: { message: "Hi", extra: 1 }, seq: 3, ts: 5 },
  });
  const future = parse('{"type":"future","data":{"x":1},"seq":4,"ts":5}');
  assert.deepEqual(future, {
    success: true,
    known: false,
    frame: { type: "future", data: { x: 1 }, seq: 4, ts: 5 },
  });
  const pong = parse('{"type":"pong","data":{"id":"3"},"ts":5}');
  assert.equal(pong.success && pong.frame.type, "pong");
  const input = parse('{"type":"error","data":{"message":"Bad","code":"bad_frame"},"ts":5}');
  assert.deepEqual(input, {
    success: true,
    known: true,
    frame: { type: "error", data: { message: "Bad", code: "bad_frame" }, ts: 5 },
  });
  const broken = parse('{"type":"error","data":{"code":"bad_frame"},"ts":5}');
  assert.equal(broken.success, false, "an error without a message is malformed");
});
