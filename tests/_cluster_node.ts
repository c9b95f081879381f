/**
 * A Parley cluster node inside the test process: a `ClusterNode` on a test Redis, its
 * metrics, and a real server (`tests/_server.ts`) using both, with a short lease and check
 * so takeovers happen in well under a second. For tests that need many nodes cheaply; the
 * fault tests that kill processes use `tests/_cluster.ts`.
 *
 * @module
 */
import { ClusterNode } from "../server/cluster.ts";
import type { Config } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { createMetrics, type Metrics } from "../server/metrics.ts";
import { startTestServer, type TestServer } from "./_server.ts";

/** Short lease and check so takeovers happen in well under a second. */
export const LEASE_MS = 600;
export const CHECK_MS = 100;

/** A Parley node in this process: a ClusterNode, its metrics and a test server using both. */
export type ClusterServer = TestServer & { node: ClusterNode; metrics: Metrics };

export async function startNode(
  url: string,
  nodeId: string,
  o: { leaseMs?: number; checkMs?: number; config?: Partial<Config> } = {},
): Promise<ClusterServer> {
  const metrics = createMetrics();
  const node = await ClusterNode.open({
    url,
    nodeId,
    leaseMs: o.leaseMs ?? LEASE_MS,
    checkMs: o.checkMs ?? CHECK_MS,
    ttlMs: 3_600_000,
    log: createLogger("silent"),
    metrics,
  });
  const server = await startTestServer(
    { redisUrl: url, nodeId, ...o.config },
    { cluster: node, metrics },
  );
  return Object.assign(server, { node, metrics });
}
