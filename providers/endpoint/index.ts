/**
 * The endpoint path: the engine's actions through the official cloud SDKs to
 * an HTTP endpoint (`hybridlink serve`, or a cloud), behind the same
 * `CloudClient` the in-process engine implements.
 */
export { SdkCloudClient } from "./sdk-client";
export type { SdkClientOptions } from "./sdk-client";
export { credentialsFrom, ENDPOINT_ENV } from "./credentials";
export { endpointRefusals, endpointRegion, preflightEndpoint } from "./preflight";
export type { KeyPair, Keyring } from "./credentials";
