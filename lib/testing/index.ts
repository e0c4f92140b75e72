/**
 * hybridlink/testing: assertions on a user's own app, after
 * aws-cdk-lib/assertions (`Template`, `Match`), and Pulumi mocks backed by the
 * simulated cloud (`setEngineMocks`). Depends only on hybridlink's public
 * entry; @pulumi/pulumi is loaded only when mocks are set. This file only re-exports.
 */
export { Template } from "./template";
export type { FindingFilter } from "./template";
export { Match, Matcher } from "./match";
export type { MatchFailure } from "./match";
export { EngineMocks, setEngineMocks } from "./mocks";
export type { EngineMocksOptions, MockRegistration } from "./mocks";
