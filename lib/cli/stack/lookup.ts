import { HybridlinkError } from "../../core/errors";
import { CloudEngine } from "../../../providers/cloud";
import { LogicalNames } from "../names";
import { EngineOptions } from "../options";
import { StackInfo, StackResource, StackStore } from "./stack-store";

/** The deployed stacks a command may name things from, read once (stacks are small) so no connection stays open. */
export interface StackView extends LogicalNames {
  /** The stacks considered: the one `--stack` names, else every stack in the store. */
  readonly stacks: readonly StackInfo[];
  /** The record of the resource with this cloud ID, in the stacks considered. */
  recordOf(cloudId: string): StackResource | undefined;
  /** The stack that deployed the resource with this cloud ID. */
  stackOf(cloudId: string): string | undefined;
  /** Every account that owns a resource of the stacks considered. */
  readonly recordedAccounts: readonly string[];
}

/**
 * The stacks of the engine's store as a name lookup. With `--stack`, only
 * that stack (an unknown name is an error listing the known ones); without,
 * every stack, and a logical ID two stacks use for different resources is an
 * error asking for `--stack`.
 */
export function stackNamesFor(engine: CloudEngine, options: EngineOptions): StackView {
  const store = StackStore.of(engine);
  try {
    const all = store.stacks();
    const stacks = options.stack === undefined ? all : all.filter((s) => s.name === options.stack);
    if (options.stack !== undefined && stacks.length === 0) {
      throw new HybridlinkError(
        "UnknownStack",
        `No stack '${options.stack}' in ${engine.path}. ` +
          (all.length ? `Stacks: ${all.map((s) => s.name).join(", ")}.` : "Nothing has been deployed there yet (`hybridlink up <program>`)."),
      );
    }
    return buildView(stacks, new Map(stacks.map((s) => [s.name, store.resources(s.name)])));
  } finally {
    store.close();
  }
}

function buildView(stacks: readonly StackInfo[], resources: ReadonlyMap<string, readonly StackResource[]>): StackView {
  const byName = new Map<string, Array<{ stack: string; cloudId: string }>>();
  const byCloudId = new Map<string, { record: StackResource; stack: string }>();
  for (const [stack, records] of resources) {
    for (const r of records) {
      if (!r.cloudId) continue;
      byCloudId.set(r.cloudId, { record: r, stack });
      for (const key of new Set([r.logicalId, r.path])) byName.set(key, [...(byName.get(key) ?? []), { stack, cloudId: r.cloudId }]);
    }
  }
  return {
    stacks,
    ...(stacks.length === 1 ? { stack: stacks[0].name } : {}),
    cloudIdOf(text) {
      const found = byName.get(text);
      if (!found) return undefined;
      const ids = new Set(found.map((f) => f.cloudId));
      if (ids.size > 1) {
        throw new HybridlinkError(
          "AmbiguousName",
          `'${text}' is a logical ID in several stacks (${found.map((f) => `${f.stack}: ${f.cloudId}`).join(", ")}). ` +
            "Say which with --stack <name>, or use the cloud ID.",
        );
      }
      return found[0].cloudId;
    },
    logicalIdOf: (cloudId) => byCloudId.get(cloudId)?.record.logicalId,
    recordOf: (cloudId) => byCloudId.get(cloudId)?.record,
    stackOf: (cloudId) => byCloudId.get(cloudId)?.stack,
    recordedAccounts: [...new Set([...byCloudId.values()].map((r) => r.record.account))],
  };
}
