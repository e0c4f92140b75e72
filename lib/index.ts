/**
 * hybridlink: typed constructs for hybrid-cloud connectivity.
 *
 * This file only re-exports; see lib/core (app, synth, manifest), lib/resources
 * (low-level constructs) and lib/rules (the documented constraints).
 */
export * from "./core";
export * from "./resources";
export { RULES } from "./rules/catalog";
// Loading the rules registers them as synth's validator (lib/core/findings.ts).
export { validateManifest } from "./rules/validate";
export type { ValidateOptions } from "./rules/validate";
export type { Rule, RuleContext, RuleViolation } from "./rules/rule";
export * from "./net";
export * from "./patterns";
// The manifest's per-type prop schema: the providers' `check` reads the same one synth does.
export { RESOURCE_SCHEMA } from "./rules/manifest/schema";
export type { PropSchema } from "./rules/manifest/schema";
