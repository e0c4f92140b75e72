/**
 * What a trace and a pair analysis answer: the reason codes, the hop record
 * and the verdict shapes. DESIGN.md "Data plane semantics" defines the codes;
 * the ones marked "added" name cases the semantics need that the list
 * does not.
 */

/** Outcome of one packet: delivered, or the reason it was dropped. */
export const TRACE_VERDICTS = [
  /** The packet reached the network that owns the destination. */
  "DELIVERED",
  /** No route (VPC route table, VPN gateway route table, CCN) matches the destination. */
  "NO_ROUTE",
  /** Traffic that arrived over a peering, VPN gateway or CCN may not leave the VPC again. */
  "NON_TRANSITIVE",
  /** The peering the route points at is not ACTIVE (pending, rejected, expired, failed). */
  "PEERING_NOT_ACTIVE",
  /** An SPD connection does not admit the flow (src/dst outside its policies). */
  "SPD_MISMATCH",
  /** The selected tunnel does not carry packets (device down, not negotiated, before failover). */
  "TUNNEL_DOWN",
  /** The IDC site has no usable tunnel whose selectors cover the destination. */
  "NO_TUNNEL",
  /** The packet came back to a place it had already been. */
  "LOOP",
  /** The source or destination address belongs to no known network. */
  "UNKNOWN_ENDPOINT",
  /** Added: the source address is owned by several networks with the same block; name the start point. */
  "AMBIGUOUS_ENDPOINT",
  /** Added: a route points at something that cannot take it (a gateway of another VPC, a CCN the VPC is not attached to, a connection on another gateway). */
  "INVALID_NEXT_HOP",
  /** Added: the VPN gateway is not AVAILABLE yet (PENDING), so nothing passes through it. */
  "GATEWAY_UNAVAILABLE",
  /** Added: delivered, but to another network than the endpoint asked for (overlapping CIDRs). */
  "DELIVERED_ELSEWHERE",
] as const;

export type TraceVerdict = (typeof TRACE_VERDICTS)[number];

/** Both directions of a pair: reachable both ways, one way only, or neither. */
export type PairVerdictCode = "REACHABLE" | "ONE_WAY" | "UNREACHABLE";

/** The kinds of place a packet can be. */
export type PlaceKind =
  | "SUBNET"
  | "VPC"
  | "PEERING"
  | "VPN_GATEWAY"
  | "VPN_CONNECTION"
  | "IDC_SITE"
  | "CCN"
  | "DIRECT_CONNECT_GATEWAY";

/** Where the packet is. */
export interface Place {
  readonly kind: PlaceKind;
  readonly id: string;
  readonly name: string;
}

/** The kinds of table a forwarding decision reads. */
export type TableKind =
  | "LOCAL"
  | "ROUTE_TABLE"
  | "VPN_GATEWAY_ROUTES"
  | "SPD_POLICY"
  | "CCN_ROUTES"
  | "IDC_TUNNELS"
  | "PEERING"
  | "VPN_TUNNEL"
  | "DIRECT_CONNECT";

/** The table entry that moved the packet (or the table that had none). */
export interface TableEntry {
  readonly table: TableKind;
  /** ID of the table's owner: a route table, gateway, connection, CCN, site or peering. */
  readonly tableId: string;
  /** ID of the matched entry (route, gateway route, connection, attachment…), when one matched. */
  readonly entryId?: string;
  /** The block that matched. */
  readonly destinationCidr?: string;
  /** Where the entry sends the packet. */
  readonly nextHop?: string;
  /** Why this entry, when several could have matched (preference, usability, learned from). */
  readonly note?: string;
}

/** One step of a trace: where the packet was and what moved it on (or stopped it). */
export interface TraceHop {
  readonly at: Place;
  readonly entry?: TableEntry;
  /** One line for people. */
  readonly action: string;
}

/** A route whose absence dropped the packet: add it to fix the path. */
export interface MissingRoute {
  /** The table without a route: a VPC route table, a VPN gateway, a CCN or an IDC site's tunnels. */
  readonly table: TableKind;
  readonly tableId: string;
  readonly tableName: string;
  /** The block the table needs a route to. */
  readonly destinationCidr: string;
}

/** What kind of limit a bottleneck is. */
export type BandwidthLimitKind = "VPN_GATEWAY_BANDWIDTH" | "PEERING_BANDWIDTH";

/**
 * The narrowest hop of a delivered path: the least bandwidth of the hops that
 * have one (a VPN gateway's 带宽规格, a cross-region peering's cap). Hops
 * without a limit (a same-region peering, a CCN, a route table) do not count.
 */
export interface Bottleneck {
  readonly bandwidthMbps: number;
  /** The hop that limits: a VPN gateway or a peering (the first on the path when several tie). */
  readonly at: Place;
  readonly limit: BandwidthLimitKind;
}

/** The path of one packet `src → dst`, hop by hop, and its verdict. */
export interface Trace {
  readonly src: string;
  readonly dst: string;
  readonly verdict: TraceVerdict;
  /** Why, for people: what dropped the packet, what was expected, how to fix it. */
  readonly reason: string;
  readonly hops: readonly TraceHop[];
  /** Where the packet was delivered. */
  readonly deliveredTo?: Place;
  /** Where it was dropped. */
  readonly droppedAt?: Place;
  /** With NO_ROUTE and NO_TUNNEL: the route that is missing. */
  readonly missingRoute?: MissingRoute;
  /**
   * Delivered paths only: the hop that bounds the bandwidth, or null when no
   * hop on the path has a limit. Absent when the packet was not delivered.
   */
  readonly bottleneck?: Bottleneck | null;
}

/** A network endpoint: what the matrix, intents and the CLI talk about. */
export interface EndpointRef {
  readonly kind: "VPC" | "SUBNET" | "IDC_SITE" | "DIRECT_CONNECT_GATEWAY";
  readonly id: string;
  readonly name: string;
  /** The address that stands for the endpoint in traces. */
  readonly ip: string;
  /** The block of the endpoint that contains `ip` (subnet CIDR, VPC CIDR, IDC CIDR, on-prem prefix). */
  readonly cidr: string;
}

/** Both directions between two endpoints. */
export interface PairVerdict {
  readonly from: EndpointRef;
  readonly to: EndpointRef;
  readonly verdict: PairVerdictCode;
  /** from → to. */
  readonly forward: Trace;
  /** to → from: the reply (回包). */
  readonly reverse: Trace;
  /** With ONE_WAY: the direction that fails. */
  readonly brokenDirection?: "FORWARD" | "REVERSE";
  /** With ONE_WAY: the route the failing direction lacks, when a missing route is the cause. */
  readonly missingRoute?: MissingRoute;
  /** One line for people. */
  readonly reason: string;
}

/** The pair verdict of two one-way outcomes. */
export function pairVerdictOf(forward: TraceVerdict, reverse: TraceVerdict): PairVerdictCode {
  const there = forward === "DELIVERED";
  const back = reverse === "DELIVERED";
  return there && back ? "REACHABLE" : there || back ? "ONE_WAY" : "UNREACHABLE";
}
