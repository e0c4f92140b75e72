import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import { CloudProfile, findProfile, PROFILE_NAMES } from "../../core/profiles";
import { CloudEngine } from "../../../providers/cloud";
import { BilledPeering, billPeaks, billPeering, PeeringBill } from "../cost/bill";
import { FileSample, readSamples } from "../cost/samples";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { colorsFor } from "../render/colors";
import { renderTable } from "../render/table";
import { openExistingEngine, usingEngine } from "../session";
import { StackView, stackNamesFor } from "../stack/lookup";

interface CostOptions extends AccountOptions {
  readonly regions?: string;
  readonly profile?: string;
  readonly peakOut?: string;
  readonly peakIn?: string;
  readonly samples?: string;
}

/**
 * `hybridlink cost`: the cross-region peering bill by seed 003's rules, for
 * the peerings deployed in the simulated cloud (with measured samples from
 * `--samples`) or for a peering that does not exist yet (`--regions`).
 */
export function costCommand(io: CliIo): Command {
  const command = new Command("cost")
    .description("cross-region peering bill (seed 003): daily peak = max out + max in of 5-minute samples, priced by tier and region group, paid by the requester")
    .option("--regions <a,b>", "price a peering between these two regions (a what-if: nothing needs to be deployed)")
    .option("--profile <name>", `cloud profile for --regions (${PROFILE_NAMES.join(", ")}; default: the store's, else tencent)`)
    .option("--peak-out <mbps>", "given figure: the day's highest outbound 5-minute average (requester → accepter)")
    .option("--peak-in <mbps>", "given figure: the day's highest inbound 5-minute average")
    .option("--samples <file>", "measured 5-minute samples: JSON [{peering?, at, outMbps, inMbps}] or CSV with that header");
  withAccountOption(withStackOption(withEngineOptions(command)));
  return command.action(async (options: CostOptions) => {
    const figures = readFigures(options);
    const bills = options.regions
      ? [whatIf(options, figures)]
      : await usingEngine(openExistingEngine(options), (engine) => deployedBills(engine, stackNamesFor(engine, options), options, figures));
    io.out(options.json ? JSON.stringify({ bills, totals: totalsByPayer(bills) }, null, 2) : renderBills(bills, io));
    io.exitCode(EXIT_OK);
  });
}

interface Figures {
  readonly peaks?: { readonly out: number; readonly in: number };
  readonly samples?: readonly FileSample[];
}

function readFigures(options: CostOptions): Figures {
  if ((options.peakOut === undefined) !== (options.peakIn === undefined)) {
    throw new HybridlinkError("UsageFigures", "Give both peaks: --peak-out <mbps> --peak-in <mbps> (the day's peak is their sum).");
  }
  if (options.peakOut !== undefined && options.samples) {
    throw new HybridlinkError("UsageFigures", "Give either peaks (--peak-out/--peak-in) or samples (--samples), not both.");
  }
  if (options.peakOut !== undefined) return { peaks: { out: mbps("--peak-out", options.peakOut), in: mbps("--peak-in", options.peakIn!) } };
  return options.samples ? { samples: readSamples(options.samples) } : {};
}

function mbps(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new HybridlinkError("UsageFigures", `${flag} is '${text}'; give a non-negative number of Mbps.`);
  return n;
}

function whatIf(options: CostOptions, figures: Figures): PeeringBill {
  const regions = options.regions!.split(",").map((r) => r.trim());
  if (regions.length !== 2 || regions.some((r) => !r)) {
    throw new HybridlinkError("UsageRegions", `--regions is '${options.regions}'; give the two ends' regions: --regions ap-guangzhou,na-toronto.`);
  }
  if (!figures.peaks && !figures.samples) {
    throw new HybridlinkError("UsageFigures", "A what-if needs figures: --peak-out <mbps> --peak-in <mbps>, or --samples <file>.");
  }
  const profile = profileFor(options);
  const peering: BilledPeering = {
    id: "not deployed",
    name: "what-if",
    requesterAccount: options.account ?? "requester",
    requesterRegion: regions[0],
    accepterRegion: regions[1],
  };
  return figures.peaks ? billPeaks(profile, peering, figures.peaks.out, figures.peaks.in) : billPeering(profile, peering, figures.samples!);
}

function profileFor(options: CostOptions): CloudProfile {
  if (options.profile) {
    if (!PROFILE_NAMES.includes(options.profile as never)) {
      throw new HybridlinkError("UnknownProfile", `--profile is '${options.profile}'; use one of ${PROFILE_NAMES.join(", ")}.`);
    }
    return findProfile(options.profile);
  }
  try {
    return usingStoreProfile(options) ?? findProfile("tencent");
  } catch {
    return findProfile("tencent");
  }
}

function usingStoreProfile(options: CostOptions): CloudProfile | undefined {
  const engine = openExistingEngine(options);
  try {
    return engine.profile;
  } finally {
    engine.close();
  }
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
function deployedBills(engine: CloudEngine, view: StackView, options: CostOptions, figures: Figures): PeeringBill[] {
  const accounts = options.account
    ? [options.account]
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

function totalsByPayer(bills: readonly PeeringBill[]): Record<string, { amount: number; currency?: string }> {
  const totals: Record<string, { amount: number; currency?: string }> = {};
  for (const b of bills) {
    const t = (totals[b.payer] ??= { amount: 0 });
    t.amount = Math.round((t.amount + b.total) * 100) / 100;
    if (b.currency) t.currency = b.currency;
  }
  return totals;
}

function renderBills(bills: readonly PeeringBill[], io: CliIo): string {
  const c = colorsFor(io);
  if (!bills.length) return "no peering connections are deployed here: nothing to bill";
  const out: string[] = [];
  for (const b of bills) {
    const where = `${b.peering.requesterRegion} ↔ ${b.peering.accepterRegion}`;
    out.push(`${c.bold(`${b.peering.name} (${b.peering.id})`)}  ${where}  paid by ${b.payer}${b.priceGroup ? `  prices: ${b.priceGroup}` : ""}`);
    if (b.days.length) {
      out.push(
        renderTable(
          [
            { header: "day" },
            { header: "samples", right: true },
            { header: "peak out", right: true },
            { header: "peak in", right: true },
            { header: "peak", right: true },
            { header: "tier" },
            { header: `${b.currency}/Mbps/day`, right: true },
            { header: `amount ${b.currency}`, right: true },
          ],
          b.days.map((d) => [
            d.date,
            d.samples ? String(d.samples) : "given",
            `${d.peakOutMbps}`,
            `${d.peakInMbps}`,
            `${d.peakMbps} Mbps`,
            d.tier ?? c.yellow("above the list"),
            d.pricePerMbpsDay !== undefined ? String(d.pricePerMbpsDay) : "—",
            d.amount !== undefined ? d.amount.toFixed(2) : c.yellow("contact sales"),
          ]),
          "  ",
        ),
      );
      out.push(`  total: ${b.total.toFixed(2)} ${b.currency ?? ""}`.trimEnd());
    }
    if (b.note) out.push(`  ${b.note}`);
    out.push("");
  }
  const totals = totalsByPayer(bills);
  out.push(...Object.entries(totals).map(([payer, t]) => `payer ${payer}: ${t.amount.toFixed(2)} ${t.currency ?? ""}`.trimEnd()));
  return out.join("\n");
}
