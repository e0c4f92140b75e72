import { HybridlinkError } from "../../core/errors";
import { CloudEngine } from "../../../providers/cloud";
import { StackView } from "../stack/lookup";
import { BilledPeering, billPeaks, billPeering, PeeringBill } from "./bill";
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

/** Every peering the stacks' accounts can see, billed from the samples given for it (matched by ID, name or logical ID). */
export function deployedBills(engine: CloudEngine, view: StackView, account: string | undefined, figures: Figures): PeeringBill[] {
  const accounts = account
    ? [account]
    : [...new Set([...(process.env.HYBRIDLINK_ACCOUNT ? [process.env.HYBRIDLINK_ACCOUNT] : []), ...view.stacks.map((s) => s.app.defaultAccount)])];
  if (!accounts.length) throw new HybridlinkError("AccountRequired", "Whose peerings? Pass --account <id> (or set HYBRIDLINK_ACCOUNT); no stack is deployed here.");
  const peerings = new Map<string, DescribedPeering>();
  for (const account of accounts) {
    for (const item of engine.request("DescribeVpcPeeringConnections", {}, { account }).items as unknown as DescribedPeering[]) peerings.set(item.id, item);
  }
  const claimed = new Set<FileSample>();
  const bills = [...peerings.values()].map((p) => {
    const peering: BilledPeering = { id: p.id, name: p.name, requesterAccount: p.account, requesterRegion: p.requesterRegion, accepterRegion: p.accepterRegion };
    if (figures.peaks) return billPeaks(engine.profile, peering, figures.peaks.out, figures.peaks.in);
    const names = new Set([p.id, p.name, view.logicalIdOf(p.id)].filter((x): x is string => x !== undefined));
    const mine = (figures.samples ?? []).filter((s) => s.peering !== undefined && names.has(s.peering));
    mine.forEach((s) => claimed.add(s));
    if (mine.length || p.requesterRegion === p.accepterRegion) return billPeering(engine.profile, peering, mine);
    // No measured traffic: the ceiling is both directions at the cap all day.
    const cap = p.bandwidthMbps;
    const ceiling = cap !== undefined ? billPeaks(engine.profile, peering, cap, cap, "ceiling/day") : billPeering(engine.profile, peering, []);
    return { ...ceiling, note: `no traffic figures for this peering (pass --samples)${cap !== undefined ? `; the ceiling assumes ${cap} Mbps each way all day` : ""}` };
  });
  const unclaimed = (figures.samples ?? []).filter((s) => !claimed.has(s));
  if (unclaimed.length) {
    const named = [...new Set(unclaimed.map((s) => s.peering ?? "(no peering column)"))];
    throw new HybridlinkError(
      "UnknownPeering",
      `Samples name peerings that are not deployed here: ${named.join(", ")}. Name each by its cloud ID, name or logical ID` +
        (peerings.size ? ` (deployed: ${[...peerings.values()].map((p) => `${p.name} (${p.id})`).join(", ")}).` : "; no peering is deployed."),
    );
  }
  return bills;
}

