/**
 * A fake Anthropic Messages API on loopback: `POST /v1/messages` answered with the real
 * API's streamed SSE events (`message_start`, `content_block_delta`, …). When the request
 * forces the AI SDK's `json` tool, the answer streams as that tool's input, as Claude's
 * would; otherwise as text (native structured outputs).
 *
 * @module
 */
import {
  type FakeHandler,
  type FakeRequest,
  type FakeServer,
  pieces,
  sse,
  startFake,
} from "./_fake_openai.ts";

/** Starts the fake; `handler` builds each answer, usually with {@link messageStream}. */
export function startFakeAnthropic(handler: FakeHandler): Promise<FakeServer> {
  return startFake(handler, "/v1/messages");
}

/** A streamed message whose content is `text`, as text or as the forced `json` tool's input. */
export function messageStream(
  req: FakeRequest,
  text: string,
  opts: { usage?: { input: number; output: number }; chunks?: number } = {},
): Response {
  const usage = opts.usage ?? { input: 120, output: 60 };
  const tools = Array.isArray(req.body.tools) ? req.body.tools as { name?: string }[] : [];
  const asTool = tools.some((t) => t.name === "json");
  const ev = (event: string, data: unknown) => ({ event, data: JSON.stringify(data) });
  const block = asTool
    ? { type: "tool_use", id: "toolu_fake", name: "json", input: {} }
    : { type: "text", text: "" };
  const delta = (p: string) =>
    asTool ? { type: "input_json_delta", partial_json: p } : { type: "text_delta", text: p };
  return sse([
    ev("message_start", {
      type: "message_start",
      message: {
        id: "msg_fake",
        type: "message",
        role: "assistant",
        model: String(req.body.model),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.input, output_tokens: 1 },
      },
    }),
    ev("content_block_start", { type: "content_block_start", index: 0, content_block: block }),
    ev("ping", { type: "ping" }),
    ...pieces(text, opts.chunks ?? 6).map((p) =>
      ev("content_block_delta", { type: "content_block_delta", index: 0, delta: delta(p) })
    ),
    ev("content_block_stop", { type: "content_block_stop", index: 0 }),
    ev("message_delta", {
      type: "message_delta",
      delta: { stop_reason: asTool ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: usage.output },
    }),
    ev("message_stop", { type: "message_stop" }),
  ], { req });
}
