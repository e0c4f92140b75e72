import { ADDRESSING_RULES } from "./addressing";
import { CCN_RULES } from "./ccn";
import { HA_RULES } from "./ha";
import { INTENT_RULES } from "./intents";
import { MANIFEST_RULES } from "./manifest";
import { PEERING_RULES } from "./peering";
import { Rule } from "./rule";
import { VPN_RULES } from "./vpn";

/**
 * The rule catalog: every documented constraint, one rule per file. The order
 * here is the order of docs/rules.md. Intent rules (data plane) come last.
 */
export const RULES: readonly Rule[] = [
  ...MANIFEST_RULES,
  ...ADDRESSING_RULES,
  ...PEERING_RULES,
  ...VPN_RULES,
  ...HA_RULES,
  ...CCN_RULES,
  ...INTENT_RULES,
];
