/**
 * Signals of areas that look regulated or specialised but have no entry in this knowledge base,
 * so the brief can say what the offline engine could not analyse instead of staying silent.
 *
 * @module
 */
import type { UncoveredSignal } from "./types.ts";

/** Areas the offline engine has no rules for. */
export const UNCOVERED: readonly UncoveredSignal[] = [
  {
    id: "firearms",
    label: "firearms, ammunition and weapons",
    triggers: ["guns?", "firearms?", "ammunition", "ammo", "rifles?", "handguns?", "weapons?"],
  },
];
