/**
 * A fake OpenAI-compatible server on a free loopback port: real HTTP, answering
 * `POST /v1/chat/completions` with the JSON and streamed SSE shapes of the real API. A
 * test gives a handler that sees each recorded request and returns a reply built with
 * {@link chatStream}, {@link chatError} or {@link hang}.
 *
 * @module
 */

/** One request the fake received. */
export interface FakeRequest {
  /** The parsed JSON body. */
  body: { model?: string; messages?: { role: string; content: unknown }[]; [k: string]: unknown };
  headers: Headers;
  /** The `x-parley-agent` header the LLM engine sends. */
  agent: string;
  /** The user prompt (last user message), as text. */
  prompt: string;
  /** `performance.now()` when it arrived. */
  at: number;
  /**
   * Aborted when the client goes away before the end of a response built with
   * {@link sse} (its body stream is cancelled). Deno's own `request.signal` also aborts
   * after a successful response, so it cannot tell a disconnect apart.
   */
  signal: AbortSignal;
  /** Aborts {@link FakeRequest.signal}. */
  gone(): void;
}

/** A fake provider started for one test. */
export interface FakeServer extends AsyncDisposable {
  /** Base URL to configure, e.g. `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  requests: FakeRequest[];
  /** Resolves when a request's client has gone away (after it started). */
  aborted(req: FakeRequest): Promise<void>;
}

/** Handles one request. */
export type FakeHandler = (req: FakeRequest) => Response | Promise<Response>;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (typeof p?.text === "string" ? p.text : "")).join("");
  }
  return "";
}

/** Starts a fake on `path` (`/v1/chat/completions` by default). */
export async function startFake(
  handler: FakeHandler,
  path = "/v1/chat/completions",
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const abort = new AbortController();
  const { promise: listening, resolve } = Promise.withResolvers<Deno.NetAddr>();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: abort.signal, onListen: resolve },
    async (req) => {
      const url = new URL(req.url);
      if (req.method !== "POST" || url.pathname !== path) {
        return new Response(`Not found: ${req.method} ${url.pathname}`, { status: 404 });
      }
      const body = await req.json();
      const messages = Array.isArray(body.messages) ? body.messages : [];
      const user = messages.filter((m: { role: string }) => m.role === "user").at(-1);
      const gone = new AbortController();
      const recorded: FakeRequest = {
        body,
        headers: req.headers,
        agent: req.headers.get("x-parley-agent") ?? "",
        prompt: textOf(user?.content),
        at: performance.now(),
        signal: gone.signal,
        gone: () => gone.abort(),
      };
      requests.push(recorded);
      return await handler(recorded);
    },
  );
  const addr = await listening;
  return {
    baseUrl: `http://127.0.0.1:${addr.port}/v1`,
    requests,
    aborted: (req) =>
      new Promise((res) => {
        if (req.signal.aborted) return res();
        req.signal.addEventListener("abort", () => res(), { once: true });
      }),
    async [Symbol.asyncDispose]() {
      abort.abort();
      await server.finished;
    },
  };
}

/** Options of {@link chatStream}. */
export interface StreamOptions {
  /** Pieces the text is sent in (default 8). */
  chunks?: number;
  /** Pause before each piece, in ms (default 0). */
  delayMs?: number;
  /**
   * Pause before the first piece of text, in ms (default 0): a model's time to first
   * token. The headers and the role chunk go out at once, as a real provider's do.
   */
  firstTokenMs?: number;
  /** Tokens reported in the final usage chunk. */
  usage?: { prompt: number; completion: number };
  /** `finish_reason` of the last chunk (default `stop`). */
  finishReason?: string;
  /** Stop sending (but keep the connection open) after this many pieces. */
  stallAfter?: number;
  /** The request answered: told when its client goes away. */
  req?: FakeRequest;
}

/** Splits text into `n` pieces of about equal length. */
export function pieces(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / n));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const encoder = new TextEncoder();

/** An SSE response from a list of `data:` payloads, with optional pauses and stall. */
export function sse(
  events: readonly (string | { event: string; data: string })[],
  opts: {
    delayMs?: number;
    /** Extra pause before event `firstDelayAt` (default 0), e.g. the first token. */
    firstDelayMs?: number;
    firstDelayAt?: number;
    stallAfter?: number;
    req?: FakeRequest;
  } = {},
): Response {
  let i = 0;
  const cancelled = new AbortController();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (opts.stallAfter !== undefined && i >= opts.stallAfter) {
        // Hold the connection open, sending nothing, until the client goes away.
        await new Promise<void>((res) => {
          if (cancelled.signal.aborted) return res();
          cancelled.signal.addEventListener("abort", () => res(), { once: true });
        });
        return;
      }
      if (i >= events.length) return controller.close();
      const wait = (opts.delayMs ?? 0) +
        (i === (opts.firstDelayAt ?? 0) ? opts.firstDelayMs ?? 0 : 0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const e = events[i++]!;
      const text = typeof e === "string"
        ? `data: ${e}\n\n`
        : `event: ${e.event}\ndata: ${e.data}\n\n`;
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      cancelled.abort();
      opts.req?.gone();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
  });
}

/** A streamed chat completion whose content is `text`, in the real API's chunk shape. */
export function chatStream(text: string, opts: StreamOptions = {}): Response {
  const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1, model: "fake" };
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const usage = opts.usage ?? { prompt: 100, completion: 50 };
  const events = [
    chunk({ role: "assistant", content: "" }, null),
    ...pieces(text, opts.chunks ?? 8).map((p) => chunk({ content: p }, null)),
    chunk({}, opts.finishReason ?? "stop"),
    JSON.stringify({
      ...base,
      choices: [],
      usage: {
        prompt_tokens: usage.prompt,
        completion_tokens: usage.completion,
        total_tokens: usage.prompt + usage.completion,
      },
    }),
    "[DONE]",
  ];
  return sse(events, {
    ...(opts.delayMs ? { delayMs: opts.delayMs } : {}),
    // The role chunk is event 0: the first token is event 1.
    ...(opts.firstTokenMs ? { firstDelayMs: opts.firstTokenMs, firstDelayAt: 1 } : {}),
    // The role chunk comes first, so a stall after n pieces means after n + 1 events.
    ...(opts.stallAfter === undefined ? {} : { stallAfter: opts.stallAfter + 1 }),
    ...(opts.req ? { req: opts.req } : {}),
  });
}

/** An error response in the real API's shape, e.g. a 429 with `retry-after`. */
export function chatError(status: number, message: string, headers: HeadersInit = {}): Response {
  return Response.json(
    {
      error: { message, type: status === 429 ? "rate_limit_exceeded" : "server_error", code: null },
    },
    { status, headers },
  );
}

/** A stream that sends its headers and then nothing, until the client goes away. */
export function hang(req: FakeRequest): Response {
  return sse([], { stallAfter: 0, req });
}
