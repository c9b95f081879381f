/**
 * The fixed script the comparators play: one real Parley conversation, recorded once per
 * bench run, so the bare Deno server and the seed's FastAPI stack send the same rounds,
 * frames and (about) the same bytes as the Parley under test. A script is a list of
 * segments: the first is sent when a client connects, each next one after an answer.
 *
 * @module
 */
import { BENCH_ANSWERS } from "./_answers.ts";

/** One frame as the seed sends it: `type` and `data`, no `seq` or `ts`. */
export interface ScriptFrame {
  type: string;
  data: unknown;
}

/** A recorded conversation: `segments[0]` on connect, `segments[i]` after answer i. */
export interface Script {
  segments: ScriptFrame[][];
}

/**
 * Records one conversation against a running server at `url` (`ws://host:port`) with the
 * bench's answers. Every `question` ends a segment and is answered at once, as the load
 * generator does; `complete` ends the script. Rejects on an `error` frame or after 15 s.
 */
export function recordScript(url: string, clientId = "bench-script"): Promise<Script> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/ws/${clientId}`);
    const segments: ScriptFrame[][] = [[]];
    let answered = 0;
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error("Recording the script took more than 15 s"));
    }, 15_000);
    ws.onmessage = (e) => {
      const frame = JSON.parse(e.data as string) as ScriptFrame;
      segments.at(-1)!.push({ type: frame.type, data: frame.data });
      if (frame.type === "question") {
        ws.send(JSON.stringify({ answer: BENCH_ANSWERS[answered++ % BENCH_ANSWERS.length] }));
        segments.push([]);
      } else if (frame.type === "complete") {
        clearTimeout(timer);
        ws.close();
        resolve({ segments });
      } else if (frame.type === "error") {
        clearTimeout(timer);
        ws.close();
        reject(new Error(`The server sent an error frame: ${e.data}`));
      }
    };
    ws.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`Cannot record the script: no WebSocket at ${url}`));
    };
  });
}

/** Frames, bytes (as compact JSON) and answers of a script, for the bench's header. */
export function describeScript(script: Script): { frames: number; bytes: number; answers: number } {
  let frames = 0;
  let bytes = 0;
  for (const seg of script.segments) {
    for (const f of seg) {
      frames++;
      bytes += new TextEncoder().encode(JSON.stringify(f)).length;
    }
  }
  return { frames, bytes, answers: script.segments.length - 1 };
}
