/**
 * Dynamic providers: one CRUD implementation per low-level type over the
 * simulated cloud engine, shared by Pulumi (`dynamicProvider`) and the
 * `hybridlink` CLI (`create` / `read` / `update` / `deleteResource`,
 * `planDeployment`). This file only re-exports; it never loads @pulumi/pulumi.
 */
export { check, assertChecked } from "./check";
export type { CheckFailure } from "./check";
export { diff } from "./diff";
export type { DiffResult } from "./diff";
export { create, read, update, deleteResource, cloudParams, accountOf } from "./crud";
export type { DescribedResource, ReadResult, CreateOptions } from "./crud";
export { ProviderError } from "./errors";
export { FIELD_TABLES, isResourceType } from "./fields";
export type { FieldTable } from "./fields";
export { digestSecret, digestSecrets, isSecretDigest, matchesDigest, withoutSecrets } from "./secrets";
export type { SecretDigestKey } from "./secrets";
export { resolveSettings, engineFor, clientFor, closeEngines, ENV } from "./settings";
export type { ProviderSettings } from "./settings";
export { UNKNOWN, isWrappedSecret, wrapSecret, unwrapSecrets, sameValue } from "./values";
export type { JsonObject } from "./values";
export { planDeployment } from "./plan";
export { preflightKeys } from "./key-preflight";
export type { DeployedResource, PriorState, PlanOptions, PlanAction, PlanStep, PlanOperation, DeploymentPlan } from "./plan";
export { resourceInputs, dependencyOrder, ACCOUNT_INPUT, ACCEPT_INPUT } from "./inputs";
export type { InputResolver, InputOptions } from "./inputs";
export { dynamicProvider, PROVIDERS_MODULE, PACKAGE_ENTRY } from "./pulumi-provider";
export type { DynamicProviderOptions } from "./pulumi-provider";
export { pulumiCheck, pulumiDiff, pulumiCreate, pulumiRead, pulumiUpdate, pulumiDelete, outputsOf } from "./pulumi-handlers";

import { check } from "./check";
import { create, deleteResource, read, update } from "./crud";
import { diff } from "./diff";

/** The shared CRUD as one object: `crud.delete(type, id, props)` reads as the operation it is. */
export const crud = { check, diff, create, read, update, delete: deleteResource } as const;
export { WAITS_ON_CLOCK } from "./settle";
export { getPath } from "./values";
// The endpoint path's up-front refusals, for the CLI (which reaches providers through this entry).
export { endpointRegion, preflightEndpoint } from "../endpoint";
export { grantedFeatures } from "./feature-preflight";
export type { FeatureLookup } from "./feature-preflight";
