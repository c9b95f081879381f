import assert from "node:assert/strict";
import { AddressLimits, connectionCap, isLoopback, readFdLimit } from "./limits.ts";

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 524288               files
`;

Deno.test("readFdLimit reads the soft open-files limit, and undefined when it cannot", () => {
  assert.equal(readFdLimit(() => LIMITS), 1024);
  assert.equal(readFdLimit(() => LIMITS.replace("1024 ", "unlimited ")), undefined);
  assert.equal(
    readFdLimit(() => {
      throw new Deno.errors.NotFound("no /proc");
    }),
    undefined,
  );
  // This process: a real number on Linux.
  assert.ok((readFdLimit() ?? 1) > 0);
});

Deno.test("connectionCap stays 64 below the descriptor limit", () => {
  assert.equal(connectionCap(0, 1024), 960);
  assert.equal(connectionCap(5000, 1024), 960);
  assert.equal(connectionCap(100, 1024), 100);
  assert.equal(connectionCap(0, undefined), 20_000);
  assert.equal(connectionCap(0, 10), 1);
});

Deno.test("isLoopback knows 127/8, ::1 and IPv4-mapped loopback", () => {
  assert.deepEqual(
    ["127.0.0.1", "127.9.9.9", "::1", "[::1]", "::ffff:127.0.0.1", "10.0.0.1", "::ffff:10.0.0.1"]
      .map(isLoopback),
    [true, true, true, true, true, false, false],
  );
});

Deno.test("AddressLimits caps open connections and new sessions a minute per address", () => {
  let now = 0;
  const limits = new AddressLimits({
    maxConnections: 2,
    maxSessionsPerMinute: 3,
    limitLoopback: false,
    now: () => now,
  });
  assert.equal(limits.open("10.0.0.1"), undefined);
  assert.equal(limits.open("10.0.0.1"), undefined);
  assert.match(limits.open("10.0.0.1") ?? "", /limit is 2/);
  assert.equal(limits.open("10.0.0.2"), undefined, "another address is not affected");
  assert.equal(limits.open("127.0.0.1"), undefined);
  assert.equal(limits.open("127.0.0.1"), undefined);
  assert.equal(limits.open("127.0.0.1"), undefined, "loopback is exempt by default");
  limits.close("10.0.0.1");
  assert.equal(limits.open("10.0.0.1"), undefined, "a closed connection frees its slot");
  for (let i = 0; i < 3; i++) assert.equal(limits.newSession("10.0.0.3"), undefined);
  assert.match(limits.newSession("10.0.0.3") ?? "", /limit is 3 a minute/);
  now += 60_000;
  assert.equal(limits.newSession("10.0.0.3"), undefined, "a new minute, a new allowance");
  limits.close("10.0.0.2");
  assert.equal(limits.size, 2, "idle addresses are forgotten");
});
