/**
 * Every domain the offline engine knows, gathered from the area files. Adding a domain is one
 * entry in its area's file (or a new area file listed here).
 *
 * @module
 */
import type { DomainEntry } from "./types.ts";
import { HEALTH_DOMAINS } from "./health.ts";

/** All domains; detect() orders what it finds by `stakes`. */
export const DOMAINS: readonly DomainEntry[] = [
  ...HEALTH_DOMAINS,
];
