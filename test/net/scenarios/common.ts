import { Manifest, NetworkApp, SecretValue } from "../../../lib";
import { EndpointRef, modelFromManifest, ModelFromManifestOptions, NetworkModel } from "../../../lib/net";

/**
 * Shared pieces of the seed scenarios: every scenario file builds a
 * NetworkApp with the real low-level constructs and names its endpoints
 * (label → logical ID, in matrix order) so that model-level tests and
 * end-to-end tests assert the same matrix.
 */

/** The key every scenario tunnel uses: only its source is ever recorded. */
export const PSK = SecretValue.fromEnv("HL_SCENARIO_PSK");

/** What a scenario builder returns. */
export interface Scenario {
  readonly app: NetworkApp;
  /** Matrix endpoints: label → logical ID, in row order. */
  readonly endpoints: Readonly<Record<string, string>>;
}

/** Synthesize without letting the rule catalog's findings stop the analysis. */
export function synthModel(
  app: NetworkApp,
  options?: ModelFromManifestOptions,
): { readonly manifest: Manifest; readonly model: NetworkModel } {
  const { manifest } = app.synthesize({ throwOnError: false });
  return { manifest, model: modelFromManifest(manifest, options) };
}

/** A label function for ReachabilityMatrix.render: the scenario's label of each endpoint. */
export function labelOf(scenario: Scenario): (e: EndpointRef) => string {
  const byId = new Map(Object.entries(scenario.endpoints).map(([label, id]) => [id, label]));
  return (e) => byId.get(e.id) ?? e.id;
}

/** The endpoint IDs of a scenario, in matrix order. */
export function endpointIds(scenario: Scenario): string[] {
  return Object.values(scenario.endpoints);
}
