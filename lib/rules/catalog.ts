import { Rule } from "./rule";

/**
 * The rule catalog: every documented constraint, one rule per file. The order
 * here is the order of docs/rules.md.
 */
export const RULES: readonly Rule[] = [];
