/**
 * Every domain the offline engine knows, gathered from the area files. Adding a domain is one
 * entry in its area's file (or a new area file listed here).
 *
 * @module
 */
import type { DomainEntry } from "./types.ts";
import { HEALTH_DOMAINS } from "./health.ts";
import { FINANCE_DOMAINS } from "./finance.ts";
import { MONEY_DOMAINS } from "./money.ts";
import { HARDWARE_DOMAINS } from "./hardware.ts";
import { AI_DOMAINS } from "./ai.ts";
import { PROPERTY_DOMAINS } from "./property.ts";
import { PROFESSION_DOMAINS } from "./professions.ts";
import { ONLINE_DOMAINS } from "./online.ts";
import { PEOPLE_DOMAINS } from "./people.ts";
import { PUBLIC_DOMAINS } from "./public.ts";
import { GOODS_DOMAINS } from "./goods.ts";
import { SERVICE_DOMAINS } from "./services.ts";

/** All domains; detect() orders what it finds by `stakes`, then by this order. */
export const DOMAINS: readonly DomainEntry[] = [
  ...HEALTH_DOMAINS,
  ...FINANCE_DOMAINS,
  ...MONEY_DOMAINS,
  ...PEOPLE_DOMAINS,
  ...SERVICE_DOMAINS,
  ...PROPERTY_DOMAINS,
  ...PROFESSION_DOMAINS,
  ...GOODS_DOMAINS,
  ...HARDWARE_DOMAINS,
  ...PUBLIC_DOMAINS,
  ...ONLINE_DOMAINS,
  ...AI_DOMAINS,
];
