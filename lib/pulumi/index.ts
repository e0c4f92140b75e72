/**
 * The Pulumi adapter (`hybridlink/pulumi`): deploy a NetworkApp from a Pulumi
 * program. Kept out of `hybridlink` itself so that importing the library never
 * loads @pulumi/pulumi. This file only re-exports.
 */
export { deploy } from "./deploy";
export type { DeployOptions, Deployment } from "./deploy";
export { CloudResource, REFERENCEABLE_ATTRIBUTES, DYNAMIC_MODULE } from "./resource";
export type { ReferenceableAttribute } from "./resource";
export { NetworkComponent, planComponents } from "./components";
export type { ComponentArea, ComponentPlan } from "./components";
export type { DeploymentOutputs, VpnGatewayOutputs, VpnConnectionOutputs, PeeringConnectionOutputs } from "./outputs";
export { readSecret, readSecrets, describeSource } from "./secrets";
export type { SecretReader } from "./secrets";
