import { HybridlinkError } from "../../../core/errors";
import { Intent, Manifest } from "../../../core/manifest";
import { FailureCase, singleFailures } from "../../../net/failures";
import { modelFromManifest } from "../../../net/from-manifest";
import { NetworkModel } from "../../../net/model";
import { tryResolveEndpoint } from "../../../net/endpoints";
import { EndpointRef } from "../../../net/verdicts";

/**
 * What the intent rules share for one manifest, built on first use and kept
 * per manifest object: the synth-time model, the resolved endpoints and the
 * single-failure models. Intents describe the network as designed, so
 * cross-account peerings to trusted accounts count as accepted.
 */
export interface IntentAnalysis {
  readonly model: NetworkModel;
  /** The endpoint an intent names, or why it names none. */
  endpoint(text: string): EndpointRef | { readonly problem: string };
  /** Every single failure of the model; each failure's model is built on first use and kept. */
  failures(): ReadonlyArray<{ readonly failure: FailureCase; readonly model: () => NetworkModel }>;
}

const analyses = new WeakMap<Manifest, IntentAnalysis>();

export function intentAnalysis(manifest: Manifest): IntentAnalysis {
  let analysis = analyses.get(manifest);
  if (!analysis) {
    analysis = build(manifest);
    analyses.set(manifest, analysis);
  }
  return analysis;
}

function build(manifest: Manifest): IntentAnalysis {
  const model = modelFromManifest(manifest, { acceptCrossAccountPeerings: "trusted" });
  const endpoints = new Map<string, EndpointRef | { problem: string }>();
  let failures: Array<{ failure: FailureCase; model(): NetworkModel }> | undefined;
  return {
    model,
    endpoint(text) {
      let e = endpoints.get(text);
      if (!e) {
        e = resolve(manifest, model, text);
        endpoints.set(text, e);
      }
      return e;
    },
    failures() {
      failures ??= singleFailures(model).map((failure) => {
        let applied: NetworkModel | undefined;
        return { failure, model: () => (applied ??= failure.apply()) };
      });
      return failures;
    },
  };
}

function resolve(manifest: Manifest, model: NetworkModel, text: string): EndpointRef | { problem: string } {
  try {
    const found = tryResolveEndpoint(model, text);
    if (found) return found;
  } catch (e) {
    if (HybridlinkError.isHybridlinkError(e)) return { problem: e.message };
    throw e;
  }
  const resource = manifest.resources.find((r) => r.logicalId === text);
  if (resource) {
    return { problem: `'${text}' is a ${resource.type}; an intent's endpoint is a Vpc, Subnet, IdcSite or DirectConnectGateway, or an IPv4 address inside one.` };
  }
  return {
    problem: `'${text}' is neither a Vpc, Subnet, IdcSite or DirectConnectGateway of this app (by logical ID or name) nor an IPv4 address inside one.`,
  };
}

/** True when `e` is a resolved endpoint rather than a problem. */
export function isEndpoint(e: EndpointRef | { readonly problem: string }): e is EndpointRef {
  return !("problem" in e);
}

/** The intents of a kind whose endpoints both resolve, with the endpoints. */
export function* resolvedIntents(
  manifest: Manifest,
  analysis: IntentAnalysis,
  filter: (i: Intent) => boolean,
): Iterable<{ intent: Intent; from: EndpointRef; to: EndpointRef }> {
  for (const intent of manifest.intents) {
    if (!filter(intent)) continue;
    const from = analysis.endpoint(intent.from);
    const to = analysis.endpoint(intent.to);
    if (isEndpoint(from) && isEndpoint(to)) yield { intent, from, to };
  }
}

/** `reachable(a, b)` as people wrote it. */
export function describeIntent(i: Intent): string {
  return `${i.kind}(${i.from}, ${i.to}${i.underSingleFailure ? ", { underSingleFailure: true }" : ""})`;
}
