import { IConstruct } from "constructs";
import { HybridlinkError } from "../core/errors";

/**
 * Stable codes of the mistakes the patterns refuse. Construction-time errors
 * carry them as `HybridlinkError.code`; deferred topology checks report them
 * at the start of an `HL-CORE-003` finding's message (`[HL-PAT-010] …`).
 */
export const PatternErrorCode = {
  /** Neither a VPC, a VPN gateway nor a CCN was given: there is no cloud side. */
  CLOUD_SIDE_REQUIRED: "HL-PAT-001",
  /** The VPN gateway given is not the gateway of the VPC given. */
  GATEWAY_VPC_MISMATCH: "HL-PAT-002",
  /** The gateway type does not fit the topology (VPC-type vs CCN-type). */
  GATEWAY_TYPE_MISMATCH: "HL-PAT-003",
  /** The customer gateway chosen is not a device of the IDC site. */
  DEVICE_NOT_IN_SITE: "HL-PAT-004",
  /** No device was chosen and the site does not have exactly one. */
  DEVICE_AMBIGUOUS: "HL-PAT-005",
  /** No IDC site was given and the device belongs to none. */
  SITE_REQUIRED: "HL-PAT-006",
  /** A CCN-type gateway without a VPC needs a region. */
  REGION_REQUIRED: "HL-PAT-007",
  /** SPD connections cannot carry IDC↔IDC transit (seed 000 scenario 6). */
  SPD_CANNOT_TRANSIT: "HL-PAT-010",
  /** Route-table mode forwards between IDCs; it cannot keep them apart on its own. */
  ROUTE_TABLE_CANNOT_ISOLATE: "HL-PAT-011",
  /** The topology connects nothing (e.g. an unattached CCN-type gateway with one IDC). */
  NOTHING_TO_REACH: "HL-PAT-012",
  /** Two spokes' networks overlap, so transit between them is ambiguous. */
  SPOKE_OVERLAP: "HL-PAT-013",
  /** The same IDC site was added twice. */
  DUPLICATE_SPOKE: "HL-PAT-014",
  /** Primary and standby tunnels end on the same device. */
  SAME_DEVICE_TWICE: "HL-PAT-020",
  /** A failover pair without health checks never fails over (blackhole). */
  HEALTH_CHECK_REQUIRED: "HL-PAT-021",
  /** A health check is asked for but no cloud-side address exists to probe from. */
  HEALTH_CHECK_SOURCE_REQUIRED: "HL-PAT-022",
  /** A route destination lies outside the networks it is meant to reach. */
  DESTINATION_OUTSIDE_NETWORK: "HL-PAT-023",
  /** A VPC cannot peer with itself. */
  PEERING_SAME_VPC: "HL-PAT-030",
  /** Same-region and cross-region peering are different constructs. */
  PEERING_REGION_MISMATCH: "HL-PAT-031",
  /** A route table given for one side belongs to another VPC. */
  ROUTE_TABLE_NOT_IN_VPC: "HL-PAT-032",
  /** The device asked about has no tunnel in this construct. */
  DEVICE_NOT_IN_PATTERN: "HL-PAT-040",
} as const;

/** One of the pattern error codes. */
export type PatternErrorCode = (typeof PatternErrorCode)[keyof typeof PatternErrorCode];

/** An error thrown at construction: `<path>: [<code>] <message>`. */
export function patternError(scope: IConstruct, code: PatternErrorCode, message: string): HybridlinkError {
  return new HybridlinkError(code, `${scope.node.path || "<app>"}: [${code}] ${message}`);
}

/** A deferred topology finding's message (synth wraps it as HL-CORE-003 with the construct path). */
export function topologyMessage(code: PatternErrorCode, message: string): string {
  return `[${code}] ${message}`;
}
