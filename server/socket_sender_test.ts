import assert from "node:assert/strict";
import { parseExposition } from "../tests/_prometheus.ts";
import { createMetrics } from "./metrics.ts";
import { describeSendMetrics, type SendTarget, SocketSender } from "./socket_sender.ts";

/** A socket whose buffer drains only when the test says so (a reader that reads). */
class FakeSocket implements SendTarget {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  send(text: string) {
    this.sent.push(text);
    this.bufferedAmount += text.length;
  }
  read() {
    this.bufferedAmount = 0;
  }
}

Deno.test("SocketSender queues past the high-water mark and sends in order once drained", async () => {
  const socket = new FakeSocket();
  const slow: number[] = [];
  const sender = new SocketSender(socket, {
    highWaterBytes: 10,
    slowMs: 60_000,
    pollMs: 1,
    onSlow: (waited) => slow.push(waited),
  });
  for (const t of ["aaaaaa", "bbbbbb", "cccccc", "dddddd"]) sender.send(t);
  assert.deepEqual(socket.sent, ["aaaaaa", "bbbbbb"]);
  assert.equal(sender.queued, 2);
  socket.read();
  while (sender.queued > 0) await new Promise((r) => setTimeout(r, 2));
  assert.deepEqual(socket.sent, ["aaaaaa", "bbbbbb", "cccccc", "dddddd"]);
  assert.deepEqual(slow, []);
  sender.close();
});

Deno.test("SocketSender gives up on a reader that reads nothing for slowMs", async () => {
  const socket = new FakeSocket();
  const { promise, resolve } = Promise.withResolvers<[number, number]>();
  const sender = new SocketSender(socket, {
    highWaterBytes: 4,
    slowMs: 20,
    pollMs: 1,
    onSlow: (waited, queued) => resolve([waited, queued]),
  });
  sender.send("12345");
  sender.send("678");
  sender.send("9");
  const [waited, queued] = await promise;
  assert.ok(waited > 20);
  assert.equal(queued, 2);
  sender.send("more");
  assert.deepEqual(socket.sent, ["12345"], "nothing is sent after giving up");
});

Deno.test("SocketSender drops nothing when the reader is slow but reading", async () => {
  const socket = new FakeSocket();
  let slow = false;
  const sender = new SocketSender(socket, {
    highWaterBytes: 3,
    slowMs: 50,
    pollMs: 1,
    onSlow: () => slow = true,
  });
  const texts = Array.from({ length: 50 }, (_, i) => `f${i}`);
  for (const t of texts) sender.send(t);
  // The reader takes one frame's worth at a time.
  while (sender.queued > 0) {
    await new Promise((r) => setTimeout(r, 2));
    socket.bufferedAmount = Math.max(0, socket.bufferedAmount - 3);
  }
  assert.deepEqual(socket.sent, texts);
  assert.equal(slow, false);
  sender.close();
});

Deno.test("SocketSender counts the frames and UTF-8 bytes it hands to the socket, not those dropped", async () => {
  const socket = new FakeSocket();
  const metrics = createMetrics();
  describeSendMetrics(metrics);
  const sender = new SocketSender(socket, {
    highWaterBytes: 10,
    slowMs: 60_000,
    pollMs: 1,
    onSlow: () => {},
    metrics,
  });
  for (const t of ["aaaaaa", "bbbbbb", "ééé", "€"]) sender.send(t);
  assert.equal(sender.queued, 2);
  socket.read();
  while (sender.queued > 0) await new Promise((r) => setTimeout(r, 2));
  sender.send("dddddd"); // sent: the buffer has room
  socket.bufferedAmount = 100;
  sender.send("never"); // queued, then dropped by close
  sender.close();
  const p = parseExposition(metrics.render());
  assert.deepEqual(socket.sent, ["aaaaaa", "bbbbbb", "ééé", "€", "dddddd"]);
  assert.equal(p.value("parley_frames_sent_total"), 5);
  assert.equal(p.value("parley_bytes_sent_total"), 6 + 6 + 6 + 3 + 6);
});
