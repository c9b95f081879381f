/**
 * Every regulation the offline engine knows: the general data-protection regimes per
 * jurisdiction (privacy.ts) and the rules each area brings (in the area files).
 *
 * @module
 */
import type { RegulationEntry } from "./types.ts";
import { PRIVACY_REGULATIONS } from "./privacy.ts";
import { HEALTH_REGULATIONS } from "./health.ts";
import { FINANCE_REGULATIONS } from "./finance.ts";
import { MONEY_REGULATIONS } from "./money.ts";
import { HARDWARE_REGULATIONS } from "./hardware.ts";
import { AI_REGULATIONS } from "./ai.ts";
import { PROPERTY_REGULATIONS } from "./property.ts";
import { PROFESSION_REGULATIONS } from "./professions.ts";
import { ONLINE_REGULATIONS } from "./online.ts";
import { PEOPLE_REGULATIONS } from "./people.ts";
import { PUBLIC_REGULATIONS } from "./public.ts";
import { GOODS_REGULATIONS } from "./goods.ts";
import { SERVICE_REGULATIONS } from "./services.ts";

/** All regulations, general regimes first. */
export const REGULATIONS: readonly RegulationEntry[] = [
  ...PRIVACY_REGULATIONS,
  ...HEALTH_REGULATIONS,
  ...FINANCE_REGULATIONS,
  ...MONEY_REGULATIONS,
  ...PEOPLE_REGULATIONS,
  ...SERVICE_REGULATIONS,
  ...PROPERTY_REGULATIONS,
  ...PROFESSION_REGULATIONS,
  ...GOODS_REGULATIONS,
  ...HARDWARE_REGULATIONS,
  ...PUBLIC_REGULATIONS,
  ...ONLINE_REGULATIONS,
  ...AI_REGULATIONS,
];
