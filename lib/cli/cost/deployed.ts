import { HybridlinkError } from "../../core/errors";
import { profileOfRegion } from "../../core/profiles";
import { CloudEngine } from "../../../providers/cloud";
import { StackView } from "../stack/lookup";
import { BilledPeering, BillOptions, billPeaks, billPeering, PeeringBill, TrafficSample } from "./bill";
import { FileSample } from "./samples";

/** Figures to bill by: given peaks, or measured samples. */
export interface Figures {
  readonly peaks?: { readonly out: number; readonly in: number };
  readonly samples?: readonly FileSample[];
}

interface DescribedPeering {
  id: string;
  name: string;
  account: string;
  state: string;
  requesterRegion: string;
  accepterRegion: string;
  bandwidthMbps?: number;
}

interface RecordedSample {
  at: string;
  outMbps: number;
  inMbps: number;
}

/**
 * Every peering the stacks' accounts can see, billed from the best figures
 * there are for it: given peaks; else the samples file's samples for it
 * (matched by ID, name or logical ID); else the traffic recorded in the
 * engine (RecordVpcPeeringTraffic, `hybridlink traffic record`); else, for a
 * cross-region peering, the ceiling of its bandwidth cap both ways all day.
 */
export function deployedBills(engine: CloudEngine, view: StackView, account: string | undefined, figures: Figures, options: BillOptions = {}): PeeringBill[] {
  const accounts = account
    ? [account]
    : [...new Set([...(process.env.HYBRIDLINK_ACCOUNT ? [process.env.HYBRIDLINK_ACCOUNT] : []), ...view.stacks.map((s) => s.app.defaultAccount)])];
  if (!accounts.length) throw new HybridlinkError("AccountRequired", "Whose peerings? Pass --account <id> (or set HYBRIDLINK_ACCOUNT); no stack is deployed here.");
  // Each peering with an account that can see it (either side may read its traffic).
  const peerings = new Map<string, { peering: DescribedPeering; reader: string }>();
  for (const reader of accounts) {
    for (const item of engine.request("DescribeVpcPeeringConnections", {}, { account: reader }).items as DescribedPeering[]) {
      if (!peerings.has(item.id)) peerings.set(item.id, { peering: item, reader });
    }
  }
  const claimed = new Set<FileSample>();
  const bills = [...peerings.values()].map(({ peering: p, reader }): PeeringBill => {
    const peering: BilledPeering = { id: p.id, name: p.name, requesterAccount: p.account, requesterRegion: p.requesterRegion, accepterRegion: p.accepterRegion };
    // Priced by the cloud the peering lives in (one store may hold several clouds).
    const profile = profileOfRegion(p.requesterRegion) ?? engine.profile;
    if (figures.peaks) return { ...billPeaks(profile, peering, figures.peaks.out, figures.peaks.in), source: "given peaks" };
    const names = new Set([p.id, p.name, view.logicalIdOf(p.id)].filter((x): x is string => x !== undefined));
    const mine = (figures.samples ?? []).filter((s) => s.peering !== undefined && names.has(s.peering));
    mine.forEach((s) => claimed.add(s));
    if (mine.length) return { ...billPeering(profile, peering, mine, options), source: "samples file" };
    const recorded = recordedTraffic(engine, p.id, reader);
    if (recorded.length) return { ...billPeering(profile, peering, recorded, options), source: "recorded traffic" };
    if (p.requesterRegion === p.accepterRegion) return billPeering(profile, peering, []);
    // No measured traffic: the ceiling is both directions at the cap all day.
    const cap = p.bandwidthMbps;
    const ceiling = cap !== undefined ? billPeaks(profile, peering, cap, cap, "ceiling/day") : billPeering(profile, peering, []);
    return {
      ...ceiling,
      ...(cap !== undefined ? { source: "bandwidth cap" as const } : {}),
      note:
        "no traffic recorded for this peering (hybridlink traffic record, or --samples <file>)" +
        (cap !== undefined ? `; the ceiling assumes ${cap} Mbps each way all day` : ""),
    };
  });
  const unclaimed = (figures.samples ?? []).filter((s) => !claimed.has(s));
  if (unclaimed.length) {
    const named = [...new Set(unclaimed.map((s) => s.peering ?? "(no peering column)"))];
    throw new HybridlinkError(
      "UnknownPeering",
      `Samples name peerings that are not deployed here: ${named.join(", ")}. Name each by its cloud ID, name or logical ID` +
        (peerings.size ? ` (deployed: ${[...peerings.values()].map(({ peering: p }) => `${p.name} (${p.id})`).join(", ")}).` : "; no peering is deployed."),
    );
  }
  return bills;
}

/** The samples the engine holds for a peering, as the bill reads them. */
function recordedTraffic(engine: CloudEngine, peering: string, account: string): TrafficSample[] {
  const items = engine.request("DescribeVpcPeeringTraffic", { peering }, { account }).items as RecordedSample[];
  return items.map((s) => ({ at: Date.parse(s.at), outMbps: s.outMbps, inMbps: s.inMbps }));
}
