import { RegionInfo, tryFindRegion } from "../../../lib";
import { cite } from "../../../lib";
import { grantCommand, hasFeature } from "../account-features";
import { FACTS } from "../../../lib";
import { CloudError } from "../errors";
import { checkPeeringOperation, peeringExpiryMs, peeringRoles } from "../lifecycle";
import { JsonObject, ParamReader } from "../params";
import { ResourceRow } from "../store";
import { firstOverlap } from "../validation/addressing";
import { describeItem, KindRegistry, matches, ResourceKind } from "./kind";
import { deleteResource } from "./references";
import { checkPrefix, findVisible, readOwnedRef } from "./lookup";
import { ActionContext, ActionDefinition, isoTime } from "./types";

/**
 * VPC peering connection (对等连接), seeds 003 and 004. Same account: ACTIVE
 * at once. Another account: PENDING until that account accepts, EXPIRED after
 * 7 days. Either side may delete it, which deletes the routes through it.
 */
export const PEERING_KIND: ResourceKind = {
  type: "PeeringConnection",
  names: {
    create: "CreateVpcPeeringConnection",
    describe: "DescribeVpcPeeringConnections",
    modify: "ModifyVpcPeeringConnection",
    delete: "DeleteVpcPeeringConnection",
  },
  fields: ["name", "requesterVpc", "accepterVpc", "accepterAccount", "bandwidthMbps", "crossBorderApproval"],
  mutable: ["name", "bandwidthMbps"],
  refFields: { requesterVpc: ["Vpc"], accepterVpc: ["Vpc"] },
  scopeField: "requesterVpc",
  indexedRefFields: ["accepterVpc"],
  cascades: ["Route"],
  peerMayDelete: true,
  extraFilters: {
    /** The peerings either of whose ends is this VPC. */
    vpc: (item, values) => matches(item.requesterVpc, values) || matches(item.accepterVpc, values),
  },
  plan(params, ctx) {
    const name = params.string("name");
    const requester = readOwnedRef(params, "requesterVpc", "Vpc", ctx);
    const accepterAccount = params.string("accepterAccount");
    const accepter = readAccepterVpc(params, accepterAccount, ctx);
    if (accepter.id === requester.id) {
      throw params.error("InvalidParameterValue.SameVpc", "accepterVpc", `is the requester VPC '${requester.id}' itself; peer two different VPCs.`);
    }
    const [rqRegion, acRegion] = checkRegions(requester, accepter, ctx);
    checkStatedRegion(params, accepter, accepterAccount, ctx);
    const crossRegion = rqRegion.name !== acRegion.name;
    const bandwidthMbps = readPeeringBandwidth(params, crossRegion, ctx);
    const crossBorderApproval = params.optionalString("crossBorderApproval");
    checkCrossBorder(rqRegion, acRegion, crossBorderApproval, ctx);
    checkOverlaps(requester, accepter, crossRegion, ctx);
    checkQuota(requester, ctx);
    checkQuota(accepter, ctx);

    const sameAccount = accepterAccount === ctx.account;
    return {
      props: {
        name,
        requesterVpc: requester.id,
        accepterVpc: accepter.id,
        accepterAccount,
        ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
        ...(crossBorderApproval !== undefined ? { crossBorderApproval } : {}),
        requesterRegion: rqRegion.name,
        accepterRegion: acRegion.name,
        crossRegion,
      },
      region: rqRegion.name,
      state: sameAccount ? "ACTIVE" : "PENDING",
      ...(sameAccount ? {} : { peerAccount: accepterAccount, dueAt: ctx.now + peeringExpiryMs(ctx.profile) }),
    };
  },
  modify(row, params, ctx) {
    checkPeeringOperation(row, ctx.account, "Modify", ctx.action);
    const props: JsonObject = {};
    const name = params.optionalString("name");
    if (name !== undefined) props.name = name;
    if (params.has("bandwidthMbps")) props.bandwidthMbps = readPeeringBandwidth(params, row.props.crossRegion === true, ctx);
    else params.value("bandwidthMbps");
    return { props };
  },
  attributes(row) {
    return {
      requesterAccount: row.account,
      ...(row.state === "PENDING" && row.dueAt !== undefined ? { expiresAt: isoTime(row.dueAt) } : {}),
    };
  },
};

/** AcceptVpcPeeringConnection, RejectVpcPeeringConnection, EnableVpcPeeringConnection. */
export function peeringLifecycleActions(registry: KindRegistry): ActionDefinition[] {
  const transition = (name: string, op: "Accept" | "Reject" | "Enable", apply: (row: ResourceRow, ctx: ActionContext) => JsonObject): ActionDefinition => ({
    name,
    writes: true,
    run(params, ctx) {
      const id = params.string("id");
      params.done();
      const row = findVisible(ctx, id, "PeeringConnection");
      checkPeeringOperation(row, ctx.account, op, ctx.action);
      return apply(row, ctx);
    },
  });
  const setState = (row: ResourceRow, ctx: ActionContext, state: string, dueAt?: number): JsonObject => {
    const updated: ResourceRow = { ...row, state, dueAt, updatedAt: ctx.now };
    ctx.store.resources.update(updated);
    return describeItem(PEERING_KIND, updated, ctx);
  };
  return [
    transition("AcceptVpcPeeringConnection", "Accept", (row, ctx) => setState(row, ctx, "ACTIVE")),
    transition("RejectVpcPeeringConnection", "Reject", (row, ctx) => {
      deleteResource(PEERING_KIND, row, ctx, registry);
      return { id: row.id, state: "REJECTED", deleted: true };
    }),
    // The accepter enabling consents again; a requester alone can only renew the request, or Enable would bypass acceptance.
    transition("EnableVpcPeeringConnection", "Enable", (row, ctx) =>
      peeringRoles(row, ctx.account).includes("accepter")
        ? setState(row, ctx, "ACTIVE")
        : setState(row, ctx, "PENDING", ctx.now + peeringExpiryMs(ctx.profile)),
    ),
  ];
}

function readAccepterVpc(params: ParamReader, accepterAccount: string, ctx: ActionContext): ResourceRow {
  const id = params.string("accepterVpc");
  checkPrefix(ctx, id, "Vpc", "accepterVpc");
  const vpc = ctx.store.resources.tryGet(id);
  if (!vpc || vpc.type !== "Vpc" || vpc.account !== accepterAccount) {
    throw new CloudError(
      "ResourceNotFound",
      `${ctx.action}: 'accepterVpc' names VPC '${id}', which does not exist in account '${accepterAccount}'. ` +
        `Check the peer account ID and its VPC ID (${cite(FACTS.peerAccountAndVpc)}).`,
    );
  }
  return vpc;
}

/**
 * cloud-api: CreateVpcPeeringConnection's DestinationRegion states the peer
 * VPC's region (how today's API creates a cross-region peering). A VPC in
 * another region is not found there, as the cloud looks it up in that region.
 */
function checkStatedRegion(params: ParamReader, accepter: ResourceRow, accepterAccount: string, ctx: ActionContext): void {
  const stated = params.optionalString("accepterRegion");
  if (stated === undefined || stated === accepter.region) return;
  throw new CloudError(
    "ResourceNotFound",
    `${ctx.action}: 'accepterVpc' names VPC '${accepter.id}', which does not exist in account '${accepterAccount}' in region ` +
      `'${stated}' ('accepterRegion'). Check the peer VPC's region.`,
  );
}

function checkRegions(requester: ResourceRow, accepter: ResourceRow, ctx: ActionContext): [RegionInfo, RegionInfo] {
  const rq = tryFindRegion(ctx.profile, requester.region!);
  const ac = tryFindRegion(ctx.profile, accepter.region!);
  // A store holds several clouds side by side; a peering joins two VPCs of one cloud only.
  if (!rq || !ac) {
    const foreign = !rq ? requester : accepter;
    throw new CloudError(
      "UnsupportedOperation.CrossCloudPeering",
      `${ctx.action}: VPC '${foreign.id}' is in ${foreign.region}, not a region of ${ctx.profile.displayName}; a peering joins two VPCs of the same cloud.`,
    );
  }
  for (const r of [rq, ac]) {
    if (!r.peeringSupported) {
      throw new CloudError(
        "UnsupportedOperation.PeeringRegion",
        `${ctx.action}: peering is not offered in ${r.name} (${cite(FACTS.peeringRegionUnsupported)}). Peer VPCs in another region.`,
      );
    }
  }
  if (rq.name !== ac.name && !ctx.profile.peering.crossRegion) {
    throw new CloudError(
      "UnsupportedOperation.PeeringRegion",
      `${ctx.action}: ${ctx.profile.displayName} peers VPCs of one region only; '${requester.id}' is in ${rq.name} and ` +
        `'${accepter.id}' ${accepter.account === ctx.account ? `in ${ac.name}` : "in another"}. Peer VPCs of the same region.`,
    );
  }
  return [rq, ac];
}

function readPeeringBandwidth(params: ParamReader, crossRegion: boolean, ctx: ActionContext): number | undefined {
  const profile = ctx.profile;
  const bandwidth = params.optionalNumber("bandwidthMbps", { integer: true });
  if (!crossRegion) {
    if (bandwidth !== undefined) {
      throw params.error("InvalidParameterValue.Bandwidth", "bandwidthMbps", `is ${bandwidth}, but same-region peering has no bandwidth cap and takes none (${cite(FACTS.sameRegionNoCap)}). Omit it.`);
    }
    return undefined;
  }
  const range = profile.peering.crossRegionBandwidthMbps;
  if (bandwidth === undefined) {
    if (range) throw params.error("MissingParameter", "bandwidthMbps", `is missing: cross-region peering needs a bandwidth cap of ${range[0]}–${range[1]} Mbps (${cite(FACTS.crossRegionCapRequired)}).`);
    return undefined;
  }
  const [min, max] = range ?? [1, Number.MAX_SAFE_INTEGER];
  // Above the cap is by ticket (seed 003: 如果需更大带宽请提起工单): allowed for an account granted it. The seed
  // states no higher limit; none is imposed then (our assumption), beyond a positive whole number of Mbps.
  if (bandwidth < min || (bandwidth > max && !hasFeature(ctx, "peering-bandwidth-above-cap"))) {
    throw params.error(
      "InvalidParameterValue.Bandwidth",
      "bandwidthMbps",
      `is ${bandwidth}; cross-region peering allows ${min}–${max} Mbps (${cite(FACTS.crossRegionCapTicket)})` +
        (bandwidth > max
          ? `. Above ${max} Mbps the account needs a ticket; in the simulator the operator grants it: ${grantCommand("peering-bandwidth-above-cap", ctx.account, ctx.profile.name)}.`
          : "."),
    );
  }
  return bandwidth;
}

/** A region whose profile entry names a cross-border ticket (seed 003: Hong Kong, Toronto) needs one, whichever end is there (as rule HL-PEER-007). */
function checkCrossBorder(rq: RegionInfo, ac: RegionInfo, approval: string | undefined, ctx: ActionContext): void {
  const outside = [rq, ac].filter((r) => r.crossBorderTicket !== undefined);
  if (!ctx.profile.peering.crossBorderNeedsApproval || outside.length === 0 || (approval !== undefined && approval.trim() !== "")) return;
  throw new CloudError(
    "UnsupportedOperation.CrossBorderApprovalRequired",
    `${ctx.action}: peering ${rq.name} with ${ac.name} involves non-mainland region ${[...new Set(outside.map((r) => r.name))].join(" and ")}, ` +
      `which needs an approved ticket (${[...new Set(outside.map((r) => cite(r.crossBorderTicket!)))].join("; ")}). Pass its reference as crossBorderApproval.`,
  );
}

/** The peerings of a VPC on either side (both indexed: requested ones by scope, accepted ones by reference). */
function peeringsOf(vpc: ResourceRow, ctx: ActionContext): ResourceRow[] {
  const accepted = ctx.store.resources.referrers(vpc.id, "accepterVpc").map((r) => ctx.store.resources.tryGet(r.fromId)!);
  return [...ctx.store.resources.children(vpc.id, "PeeringConnection"), ...accepted];
}

/** The VPCs already peered with `vpc`, with the peering that joins them. */
function peersOf(vpc: ResourceRow, ctx: ActionContext): Array<{ peering: ResourceRow; peer: ResourceRow }> {
  return peeringsOf(vpc, ctx).map((peering) => {
    const otherId = (peering.props.requesterVpc === vpc.id ? peering.props.accepterVpc : peering.props.requesterVpc) as string;
    return { peering, peer: ctx.store.resources.tryGet(otherId)! };
  });
}

/**
 * A VPC as a refusal may show it to the caller: its own VPC with its address
 * blocks; another account's by ID only — a stranger who names a VPC learns
 * nothing more about it (blocks, peers) from being refused.
 */
function shown(vpc: ResourceRow, blocks: string, ctx: ActionContext): string {
  return vpc.account === ctx.account ? `VPC '${vpc.id}' (${blocks})` : `VPC '${vpc.id}' (another account's; its address blocks are not shown)`;
}

function checkOverlaps(requester: ResourceRow, accepter: ResourceRow, crossRegion: boolean, ctx: ActionContext): void {
  const cidrs = (v: ResourceRow) => v.props.cidrs as string[];
  const hit = firstOverlap(cidrs(requester), cidrs(accepter));
  if (hit) {
    throw new CloudError(
      "InvalidParameterValue.CidrOverlap",
      `${ctx.action}: ${shown(requester, hit[0], ctx)} and ${shown(accepter, hit[1], ctx)} overlap. The two ends of a ` +
        `peering must not overlap (${cite(FACTS.peeringCidrOverlap)}); renumber one VPC.`,
    );
  }
  for (const [side, newPeer] of [[requester, accepter], [accepter, requester]] as const) {
    for (const { peering, peer } of peersOf(side, ctx)) {
      // A second peering of the same pair is unnecessary, not forbidden (FACTS.secondPeeringUnneeded): synth
      // warns (HL-PEER-015) and the engine, like the seed, accepts it. It overlaps nothing it is not already beside.
      if (peer.id === newPeer.id) continue;
      if (!crossRegion && peering.props.crossRegion !== true) continue;
      const clash = firstOverlap(cidrs(newPeer), cidrs(peer));
      if (clash) {
        // Another account's VPC's peers are its own business: say only that one of them overlaps.
        const existing = side.account === ctx.account ? `is already peered with ${shown(peer, clash[1], ctx)}, which overlaps` : "already has a peer that overlaps";
        throw new CloudError(
          "InvalidParameterValue.CidrOverlap",
          `${ctx.action}: ${side.account === ctx.account ? `VPC '${side.id}'` : `the peer VPC '${side.id}'`} ${existing} ${shown(newPeer, clash[0], ctx)}. ` +
            `With cross-region peering, the peers of one VPC must not overlap each other (${cite(FACTS.peeringPeersOverlap)}).`,
        );
      }
    }
  }
}

function checkQuota(vpc: ResourceRow, ctx: ActionContext): void {
  const max = ctx.profile.peering.maxPerVpc;
  if (max === undefined) return;
  const count = peeringsOf(vpc, ctx).length;
  if (count >= max) {
    // Another account's VPC: that it is full, not how many it has.
    const has = vpc.account === ctx.account ? `VPC '${vpc.id}' already has ${count} peering connections` : `the peer VPC '${vpc.id}' has reached`;
    throw new CloudError(
      "LimitExceeded.VpcPeeringPerVpc",
      `${ctx.action}: ${has}, the most ${ctx.profile.displayName} allows ` +
        `per VPC (${max}, both sides counted; ${cite(FACTS.peeringMaxPerVpc)}). ${vpc.account === ctx.account ? "Delete one, or peer another VPC." : "Peer another VPC, or ask its owner."}`,
    );
  }
}
