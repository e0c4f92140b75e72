import { INTENT_RULES } from "./intents";
import { Rule } from "./rule";

/**
 * The rule catalog: every documented constraint, one rule per file. The order
 * here is the order of docs/rules.md. Intent rules (data plane) come last.
 */
export const RULES: readonly Rule[] = [...INTENT_RULES];
