/**
 * Every regulation the offline engine knows: the general data-protection regimes per
 * jurisdiction (privacy.ts) and the rules each area brings (in the area files).
 *
 * @module
 */
import type { RegulationEntry } from "./types.ts";
import { PRIVACY_REGULATIONS } from "./privacy.ts";
import { HEALTH_REGULATIONS } from "./health.ts";

/** All regulations, general regimes first. */
export const REGULATIONS: readonly RegulationEntry[] = [
  ...PRIVACY_REGULATIONS,
  ...HEALTH_REGULATIONS,
];
