/**
 * The versions of a session's brief, read back from its stored frames: each `complete`
 * is one version (its `data.version`, else its position), with the Markdown, the
 * structured brief and, from version 2 on, what changed. Nothing is stored twice: the
 * log the store keeps (memory or SQLite) is the record, and a stored brief names the
 * analysts' results by the seq of their `result` frames, which are put back here.
 *
 * @module
 */
import { expandBrief } from "../protocol/brief_wire.js";
import type { StoredFrame } from "./store.ts";

/** One version of the brief. */
export interface BriefVersion {
  version: number;
  /** Seq of the `complete` frame that carried it. */
  seq: number;
  /** When it was sent, ms since the epoch. */
  ts: number;
  summary: string;
  brief: unknown;
  /** What changed since the previous version (absent on the first). */
  changes?: unknown;
}

/**
 * The analysts' results by the seq of their `result` frames in `frames`, parsed the first
 * time one is asked for (most reads of a log want none).
 */
export function resultsBySeq(frames: readonly StoredFrame[]): (seq: number) => unknown {
  let bySeq: Map<number, StoredFrame> | undefined;
  return (seq) => {
    if (bySeq === undefined) {
      bySeq = new Map();
      for (const f of frames) if (f.text.startsWith('{"type":"result"')) bySeq.set(f.seq, f);
    }
    const f = bySeq.get(seq);
    return f === undefined
      ? undefined
      : (JSON.parse(f.text) as { data: { data?: unknown } }).data.data;
  };
}

/** Every version in the frames, oldest first, each with its whole brief. */
export function readVersions(frames: readonly StoredFrame[]): BriefVersion[] {
  const out: BriefVersion[] = [];
  const resultAt = resultsBySeq(frames);
  for (const f of frames) {
    // Cheap test first: most frames are not `complete`.
    if (!f.text.startsWith('{"type":"complete"')) continue;
    const frame = JSON.parse(f.text) as { data: Record<string, unknown>; seq: number; ts: number };
    const d = frame.data;
    out.push({
      version: typeof d.version === "number" ? d.version : out.length + 1,
      seq: frame.seq,
      ts: frame.ts,
      summary: String(d.summary),
      brief: wholeBrief(d.brief, resultAt),
      ...(d.changes === undefined ? {} : { changes: d.changes }),
    });
  }
  return out;
}

/** The list `GET /sessions/{id}` shows: each version's number, time, title and changes. */
export function versionList(versions: readonly BriefVersion[]): {
  version: number;
  at: string;
  title: string | null;
  changes: unknown;
}[] {
  return versions.map((v) => ({
    version: v.version,
    at: new Date(v.ts).toISOString(),
    title: typeof (v.brief as { title?: unknown } | null)?.title === "string"
      ? (v.brief as { title: string }).title
      : null,
    changes: v.changes ?? null,
  }));
}

/** A stored brief with its results put back in place of `resultSeqs`, or `null` without one. */
export function wholeBrief(brief: unknown, resultAt: (seq: number) => unknown): unknown {
  return brief === undefined || brief === null ? null : expandBrief(brief, resultAt);
}
