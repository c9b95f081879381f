/**
 * A TCP proxy on a free loopback port that a test can freeze, to cut one node off from
 * Redis the way a network partition does: connections stay open, nothing gets through,
 * nobody is told. When it thaws, what was held back flows on in order.
 *
 * @module
 */

/** A proxy started for one test. */
export interface TcpProxy extends AsyncDisposable {
  port: number;
  /** Holds back every byte in both directions, on every connection, from now on. */
  freeze(): void;
  /** Lets the held-back bytes and all later ones through again. */
  thaw(): void;
}

/** Starts a proxy to `127.0.0.1:targetPort`. */
export function startTcpProxy(targetPort: number): TcpProxy {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns = new Set<Deno.Conn>();
  let frozen: PromiseWithResolvers<void> | undefined;
  const gate = () => frozen?.promise;
  const pipe = async (from: Deno.Conn, to: Deno.Conn) => {
    const buf = new Uint8Array(64 * 1024);
    try {
      for (;;) {
        await gate();
        const n = await from.read(buf);
        if (n === null) break;
        await gate(); // read before the freeze, held until the thaw
        let off = 0;
        while (off < n) off += await to.write(buf.subarray(off, n));
      }
    } catch { /* either side closed */ }
    for (const c of [from, to]) {
      try {
        c.close();
      } catch { /* closed already */ }
      conns.delete(c);
    }
  };
  const accepting = (async () => {
    for await (const client of listener) {
      let server: Deno.Conn;
      try {
        server = await Deno.connect({ hostname: "127.0.0.1", port: targetPort });
      } catch {
        client.close();
        continue;
      }
      conns.add(client);
      conns.add(server);
      pipe(client, server);
      pipe(server, client);
    }
  })().catch(() => {});
  return {
    port: (listener.addr as Deno.NetAddr).port,
    freeze() {
      frozen ??= Promise.withResolvers<void>();
    },
    thaw() {
      frozen?.resolve();
      frozen = undefined;
    },
    async [Symbol.asyncDispose]() {
      this.thaw();
      listener.close();
      for (const c of conns) {
        try {
          c.close();
        } catch { /* closed already */ }
      }
      await accepting;
    },
  };
}
