/**
 * A feature's system component worded for this product: the knowledge entry's `specific`
 * wording (who pays, through which provider, beside which features) when it has one.
 *
 * @module
 */
import type { Component } from "./types.ts";
import { type FeatureRef, type Profile, SUPPORTING } from "./profile.ts";

/** Country codes of the places named, most specific first (`CA-AB` gives `CA`). */
function countriesOf(p: Profile): string[] {
  return [...new Set(p.detection.jurisdictions.map((j) => j.id.split("-")[0]!))];
}

/**
 * The component a feature needs, its responsibility worded for `p`, or undefined.
 *
 * @example
 * ```ts ignore
 * const c = featureComponent(p.core!, p); // { name: "Payments module", responsibility: "Takes payment for …" }
 * ```
 */
export function featureComponent(f: FeatureRef, p: Profile): Component | undefined {
  const c = f.info?.component;
  if (!c) return undefined;
  const others = [...new Set([p.core, ...p.mvp])]
    .filter((o): o is FeatureRef => o !== undefined && o !== f).map((o) => o.label)
    .sort((a, b) => Number(SUPPORTING.has(a)) - Number(SUPPORTING.has(b)));
  const responsibility = c.specific
    ? c.specific({ wording: p.wording, others, countries: countriesOf(p) })
    : c.responsibility;
  return { name: c.name, responsibility };
}
