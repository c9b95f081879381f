// @ts-check
/**
 * The client's trust boundary: one raw WebSocket message from the server becomes a frame,
 * or a message saying what was wrong with it. Bounded before parsing; never throws.
 *
 * Known types are validated with the shared protocol module; a frame of a type this client
 * does not know is kept as it came (`known: false`), so a newer server's additions pass;
 * a known type with the wrong shape is refused. Connection-only frames carry no `seq`: a
 * `pong` passes as an unknown-but-harmless frame, and an `error` without `seq` (bad input
 * from this connection) is validated on its data alone.
 *
 * @module
 */
import { ADDED_FRAME_TYPES, SEED_FRAME_TYPES } from "../constants.js";

/** @typedef {import("./state.js").AnyFrame} AnyFrame */

/**
 * @typedef {{ success: true, frame: AnyFrame, known: boolean } | { success: false, error: string }} FrameParse
 */

/** @type {ReadonlySet<string>} */
const KNOWN_TYPES = new Set([...SEED_FRAME_TYPES, ...ADDED_FRAME_TYPES]);

/**
 * Parses one raw message from the server.
 * @param {unknown} raw What the socket delivered (text, or binary data).
 * @param {Pick<typeof import("../../protocol/mod.js"), "parseServerFrame" | "ErrorData">} protocol
 * @param {number} maxChars Largest message accepted, in UTF-16 units.
 * @returns {FrameParse}
 */
export function parseFrame(raw, protocol, maxChars) {
  /** @param {string} error @returns {FrameParse} */
  const bad = (error) => ({ success: false, error });
  if (typeof raw !== "string") return bad("Server sent a binary frame: expected JSON text");
  if (raw.length > maxChars) {
    return bad(`Server frame is too large: ${raw.length} characters, limit ${maxChars}`);
  }
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(raw);
  } catch {
    return bad("Server sent a frame that is not JSON");
  }
  if (typeof json !== "object" || json === null || typeof Reflect.get(json, "type") !== "string") {
    return bad("Server sent a frame without a type");
  }
  const type = String(Reflect.get(json, "type"));
  const parsed = protocol.parseServerFrame(json);
  if (parsed.success) return { success: true, frame: parsed.value, known: true };
  if (type === "error" && Reflect.get(json, "seq") === undefined) {
    // A connection-only error (bad input from this connection) carries no seq.
    const data = protocol.ErrorData.safeParse(Reflect.get(json, "data"));
    if (data.success) {
      const ts = Reflect.get(json, "ts");
      const frame = { type, data: data.data, ...(typeof ts === "number" ? { ts } : {}) };
      return { success: true, frame: /** @type {AnyFrame} */ (frame), known: true };
    }
  }
  if (KNOWN_TYPES.has(type)) return bad(`Server sent a malformed ${type} frame: ${parsed.error}`);
  return { success: true, frame: /** @type {AnyFrame} */ (json), known: false };
}
