/**
 * The simulated cloud engine: the cloud that hybridlink deploys to and tests
 * against. `CloudEngine.open()` then `engine.request(action, params, { account })`.
 */
export { CloudEngine } from "./engine";
export type { CloudClient } from "./client";
export type { EngineBatch } from "./engine";
export type { CloudEngineOptions, RequestContext } from "./engine";
export { CloudError } from "./errors";
export { ACTIONS_BY_TYPE, KINDS } from "./actions";
export { NOUNS } from "./actions/lookup";
export type { CrudNames } from "./actions/kind";
export { ID_PREFIXES } from "./ids";
export { parseDuration } from "./clock";
export { PEERING_LIFECYCLE, FAULT_LIFECYCLE, FAULT_TARGETS } from "./lifecycle";
export type { PeeringState, PeeringRole, PeeringOperation, FaultState, FaultOperation, FaultTarget } from "./lifecycle";
export { MAX_TRAFFIC_SAMPLES_PER_REQUEST, samplePeriodMs } from "./actions/traffic";
export { buildNetworkModel } from "./dataplane/model";
export { DEVICE_CONFIG_FORMAT } from "./device-config/json";
export type { DeviceView } from "./device-config/view";
export type { JsonObject } from "./params";
export { LATEST_SCHEMA_VERSION, defaultStorePath, openDatabase } from "./store";
export type { Db } from "./store";
export { API_CLOUDS } from "./api-keys";
export type { ApiCloud, ApiKeyPair } from "./api-keys";
export { SecretBox } from "./secret-box";
export { startApiServer } from "./api/server";
export { ALIBABA_CHARGE_TYPES, IDC_SITE_TAG } from "./api/helpers";
export { ACCOUNT_FEATURES, ACCOUNT_FEATURE_NAMES, grantCommand } from "./account-features";
export type { AccountFeature } from "./account-features";
