import assert from "node:assert/strict";
import { createLogger } from "./log.ts";

Deno.test("createLogger adds its base fields (the node id) to every line, below the line's own", () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger("info", (l) => lines.push(JSON.parse(l)), { nodeId: "web-1" });
  log.debug("not written");
  log.info("listening", { port: 8000 });
  log.warn("overridden", { nodeId: "other" });
  assert.deepEqual(
    lines.map(({ level, msg, nodeId, port }) => ({ level, msg, nodeId, port })),
    [
      { level: "info", msg: "listening", nodeId: "web-1", port: 8000 },
      { level: "warn", msg: "overridden", nodeId: "other", port: undefined },
    ],
  );
  assert.deepEqual(Object.keys(lines[0]!), ["time", "level", "msg", "nodeId", "port"]);
});
