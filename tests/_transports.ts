/**
 * Ways of reaching a session, for the conformance suite: the same protocol tests run
 * against each (in-process, over a real WebSocket).
 *
 * @module
 */
import { runPipeline } from "../agents/mod.ts";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { DEFAULTS } from "../server/config.ts";
import { createLogger } from "../server/log.ts";
import { Session } from "../server/session.ts";
import { FrameQueue, FrameSocket } from "./_seed_client.ts";
import { startTestServer } from "./_server.ts";

/** One side of a conversation, as a client sees it. */
export interface Peer extends FrameQueue, AsyncDisposable {
  send(value: unknown): void;
}

/** A way of opening a conversation. */
export interface Transport extends AsyncDisposable {
  name: string;
  open(clientId: string): Promise<Peer>;
}

class InProcessPeer extends FrameQueue implements Peer {
  readonly session: Session;
  constructor(clientId: string) {
    super();
    const engine = new OfflineEngine();
    this.session = new Session({
      clientId,
      log: createLogger("silent"),
      maxFrameBytes: DEFAULTS.maxFrameBytes,
      pipeline: (signal, onAgentError) => runPipeline({ engine, signal, onAgentError }),
    });
    this.session.attach({ send: (frame) => this.push(structuredClone(frame)) });
  }
  send(value: unknown): void {
    this.session.receive(typeof value === "string" ? value : JSON.stringify(value));
  }
  async [Symbol.asyncDispose]() {
    this.session.close();
    await this.session.finished;
  }
}

/** Sessions driven directly, with no socket. */
export function inProcess(): Transport {
  return {
    name: "in-process",
    open: (clientId) => Promise.resolve(new InProcessPeer(clientId)),
    async [Symbol.asyncDispose]() {},
  };
}

/** Sessions over a real WebSocket to a server on a loopback port. */
export async function overWebSocket(): Promise<Transport> {
  const server = await startTestServer();
  return {
    name: "websocket",
    async open(clientId) {
      const sock = new FrameSocket(server.wsUrl(clientId));
      await sock.opened;
      return sock;
    },
    [Symbol.asyncDispose]: () => server[Symbol.asyncDispose](),
  };
}

/** Every transport by name; each test starts its own (`await using`). */
export const transports: { name: string; start: () => Promise<Transport> }[] = [
  { name: "in-process", start: () => Promise.resolve(inProcess()) },
  { name: "websocket", start: overWebSocket },
];
