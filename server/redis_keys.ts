/**
 * The Redis key layout of cluster mode, defined once. Every key of a session carries the
 * hash tag `{sid}`, so all of them fall in one hash slot (Redis Cluster runs a session's
 * scripts on one shard).
 *
 * @module
 */

/** The keys and channel of one session. */
export interface SessionKeys {
  /** Hash: clientId, tokenHash, state, createdAt, updatedAt, owner, epoch, incursor. */
  meta: string;
  /** Stream of frames, id `<seq>-0`, fields `t` (stored text) and `o` (origin). */
  frames: string;
  /** Hash: question id → first answer. */
  answers: string;
  /** Hash: call key → recorded result JSON. */
  calls: string;
  /** Stream of input forwarded from other nodes to the owner. */
  in: string;
  /** Key with a short TTL that followers renew while a tab on their node watches. */
  watch: string;
  /** Pub/sub channel: a wake-up after each append (the message is the new top seq). */
  channel: string;
}

/** The keys of session `sid`. */
export function sessionKeys(sid: string): SessionKeys {
  const p = `parley:{${sid}}:`;
  return {
    meta: `${p}meta`,
    frames: `${p}frames`,
    answers: `${p}answers`,
    calls: `${p}calls`,
    in: `${p}in`,
    watch: `${p}watch`,
    channel: `${p}n`,
  };
}

/** A node's liveness key (set with a PX lease, renewed every lease/3). */
export const nodeKey = (nodeId: string): string => `parley:node:${nodeId}`;

/** A node's own channel: input wake-ups for the sessions it owns, errors for its tabs. */
export const nodeChannel = (nodeId: string): string => `parley:node:${nodeId}:n`;
