import { HybridlinkError } from "../core/errors";
import { listEndpoints, resolveEndpoint } from "../net/endpoints";
import { NetworkModel } from "../net/model";
import { EndpointRef } from "../net/verdicts";

/**
 * How a deployed stack names things: its logical IDs (and construct paths)
 * for the cloud IDs the engine gave them. Endpoint resolution itself belongs
 * to lib/net; the CLI only translates a logical ID first.
 */
export interface LogicalNames {
  /** The stack these names come from, for messages. @default - no stack */
  readonly stack?: string;
  /** The cloud ID a logical ID or construct path names, if the stack has it. */
  cloudIdOf(text: string): string | undefined;
  /** The logical ID of a cloud ID, if the stack created it. */
  logicalIdOf(cloudId: string): string | undefined;
}

/** No stack selected: only cloud IDs, names and addresses work. */
export const NO_STACK: LogicalNames = { cloudIdOf: () => undefined, logicalIdOf: () => undefined };

/**
 * The endpoint a user named on the command line: a logical ID of the stack,
 * else whatever lib/net resolves (cloud ID, VPC/subnet/IDC/direct-connect
 * name, or an IPv4 address inside one).
 */
export function resolveCliEndpoint(model: NetworkModel, text: string, names: LogicalNames): EndpointRef {
  try {
    return resolveEndpoint(model, names.cloudIdOf(text) ?? text);
  } catch (err) {
    // A name several stacks use: with --stack, the one that stack deployed is meant.
    if (HybridlinkError.isHybridlinkError(err) && err.code === "AmbiguousEndpoint" && names.stack !== undefined) {
      const ours = listEndpoints(model).filter((e) => e.name === text && names.logicalIdOf(e.id) !== undefined);
      if (ours.length === 1) return ours[0];
    }
    if (HybridlinkError.isHybridlinkError(err) && err.code === "UnknownEndpoint") {
      const stackHint = names.stack ? `, or a logical ID of stack '${names.stack}'` : "";
      throw new HybridlinkError(err.code, `${err.message.replace(/\.$/, "")}${stackHint}.`);
    }
    throw err;
  }
}
