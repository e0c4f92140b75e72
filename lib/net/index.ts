export * from "./cidr";
export * from "./model";
export * from "./verdicts";
export { PrefixTrie } from "./prefix-trie";
export type { PrefixEntry } from "./prefix-trie";
export { trace } from "./trace";
export type { TraceOptions } from "./trace";
export { analyzePair } from "./pair";
export { reachabilityMatrix, ReachabilityMatrix } from "./matrix";
export {
  firstHost,
  listEndpoints,
  representativeIp,
  resolveEndpoint,
  tryFindEndpointById,
  tryResolveEndpoint,
} from "./endpoints";
export { modelFromManifest } from "./from-manifest";
export type { ModelFromManifestOptions } from "./from-manifest";
export { failDevice, failPeering, failTunnel, failureTouches, singleFailures } from "./failures";
export { singleFailureAnalysis } from "./failure-analysis";
export type { FailureImpact, SingleFailureAnalysis } from "./failure-analysis";
export type { DetectionPhase, FailureCase } from "./failures";
export { bottleneckOf, formatBottleneck } from "./bottleneck";
export { formatHop, formatPair, formatTrace, formatTraceInline } from "./format";
export * from "./special-addresses";
export { intersect as intersectCidrs, narrowPolicies, negotiateSelectors } from "./negotiation";
export type { NarrowedSelectors, SelectorConfig } from "./negotiation";
export { compileNetwork } from "./compile";
export type { CompiledCcn, CompiledNetwork } from "./compile";
