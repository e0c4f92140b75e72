import { DeployedResource, PriorState } from "../../../providers/dynamic";
import { StackResource } from "../stack/stack-store";

/**
 * What the stack's records say was deployed, as the shared plan reads it.
 * Only resources known to exist count: a create that was interrupted
 * (CREATING) is planned again, and is retried with its recorded client token
 * so it cannot be made twice; an interrupted delete (DELETING) is finished
 * before anything else.
 */
export function priorStateOf(records: readonly StackResource[]): PriorState {
  return { resources: records.filter((r) => r.status === "READY" && r.cloudId !== undefined).map(deployedOf) };
}

function deployedOf(r: StackResource): DeployedResource {
  return { logicalId: r.logicalId, type: r.type, id: r.cloudId!, inputs: r.inputs, outputs: r.outputs, dependsOn: r.dependsOn };
}

/** Records of work an interrupted run left: creates to retry, deletes to finish. */
export function interruptedWork(records: readonly StackResource[]): { creating: StackResource[]; deleting: StackResource[] } {
  return { creating: records.filter((r) => r.status === "CREATING"), deleting: records.filter((r) => r.status === "DELETING") };
}
