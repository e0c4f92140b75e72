import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import { CloudProfile, findProfile, PROFILE_NAMES, profileOfRegion } from "../../core/profiles";
import { BilledPeering, billPeaks, billPeering, DEFAULT_BILLING_UTC_OFFSET_MINUTES, PeeringBill, parseUtcOffset } from "../cost/bill";
import { deployedBills, Figures } from "../cost/deployed";
import { renderBills, totalsByPayer } from "../cost/render";
import { readMbpsFlag, readSamples } from "../cost/samples";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

interface CostOptions extends AccountOptions {
  readonly regions?: string;
  readonly profile?: string;
  readonly peakOut?: string;
  readonly peakIn?: string;
  readonly samples?: string;
  readonly timeZone?: string;
}

/**
 * `hybridlink cost`: the cross-region peering bill by seed 003's rules, for
 * the peerings deployed in the simulated cloud (from the traffic recorded in
 * the engine, or measured samples from `--samples`) or for a peering that
 * does not exist yet (`--regions`).
 */
export function costCommand(io: CliIo): Command {
  const command = new Command("cost")
    .description(
      "the bill of cross-region VPC peering (Tencent Cloud's published prices): daily peak = max out + max in of 5-minute samples, priced by tier and region group, paid by the requester; " +
        "deployed peerings are billed from the traffic recorded in the engine (hybridlink traffic record)",
    )
    .option("--regions <a,b>", "price a peering between these two regions (a what-if: nothing needs to be deployed)")
    .option("--profile <name>", `cloud profile for --regions (${PROFILE_NAMES.join(", ")}; default: the cloud whose regions these are)`)
    .option("--peak-out <mbps>", "given figure: the day's highest outbound 5-minute average (requester → accepter)")
    .option("--peak-in <mbps>", "given figure: the day's highest inbound 5-minute average")
    .option("--samples <file>", "measured 5-minute samples: JSON [{peering?, at, outMbps, inMbps}] or CSV with that header (for the peerings it names, instead of the traffic recorded in the engine)")
    .option(
      "--time-zone <offset>",
      "the billing day's offset from UTC (+08:00 by default: an assumption, the price documents bill per day without naming the time zone)",
    );
  withAccountOption(withStackOption(withEngineOptions(command)));
  return command.action(async (options: CostOptions) => {
    const figures = readFigures(options);
    const billOptions = { utcOffsetMinutes: options.timeZone !== undefined ? parseUtcOffset(options.timeZone) : DEFAULT_BILLING_UTC_OFFSET_MINUTES };
    let scope: string | undefined;
    const bills = options.regions
      ? [whatIf(options, figures, billOptions.utcOffsetMinutes)]
      : await usingEngine(openExistingEngine(options), (engine) => {
          const view = stackNamesFor(engine, options);
          scope = options.account ? `account ${options.account}` : view.stacks.length ? `stack(s) ${view.stacks.map((s) => s.name).join(", ")}` : undefined;
          return deployedBills(engine, view, options.account, figures, billOptions);
        });
    io.out(options.json ? JSON.stringify({ bills, totals: totalsByPayer(bills) }, null, 2) : renderBills(bills, io, scope));
    io.exitCode(EXIT_OK);
  });
}

function readFigures(options: CostOptions): Figures {
  if ((options.peakOut === undefined) !== (options.peakIn === undefined)) {
    throw new HybridlinkError("UsageFigures", "Give both peaks: --peak-out <mbps> --peak-in <mbps> (the day's peak is their sum).");
  }
  if (options.peakOut !== undefined && options.samples) {
    throw new HybridlinkError("UsageFigures", "Give either peaks (--peak-out/--peak-in) or samples (--samples), not both.");
  }
  if (options.peakOut !== undefined) return { peaks: { out: readMbpsFlag("--peak-out", options.peakOut), in: readMbpsFlag("--peak-in", options.peakIn!) } };
  return options.samples ? { samples: readSamples(options.samples) } : {};
}

function whatIf(options: CostOptions, figures: Figures, utcOffsetMinutes: number): PeeringBill {
  const regions = options.regions!.split(",").map((r) => r.trim());
  if (regions.length !== 2 || regions.some((r) => !r)) {
    throw new HybridlinkError("UsageRegions", `--regions is '${options.regions}'; give the two ends' regions: --regions ap-guangzhou,na-toronto.`);
  }
  if (!figures.peaks && !figures.samples) {
    throw new HybridlinkError("UsageFigures", "A what-if needs figures: --peak-out <mbps> --peak-in <mbps>, or --samples <file>.");
  }
  const profile = profileFor(options, regions);
  const peering: BilledPeering = {
    id: "not deployed",
    name: "what-if",
    requesterAccount: options.account ?? "requester",
    requesterRegion: regions[0],
    accepterRegion: regions[1],
  };
  return figures.peaks ? billPeaks(profile, peering, figures.peaks.out, figures.peaks.in) : billPeering(profile, peering, figures.samples!, { utcOffsetMinutes });
}

function profileFor(options: CostOptions, regions: readonly string[]): CloudProfile {
  if (options.profile) {
    if (!PROFILE_NAMES.includes(options.profile as never)) {
      throw new HybridlinkError("UnknownProfile", `--profile is '${options.profile}'; use one of ${PROFILE_NAMES.join(", ")}.`);
    }
    return findProfile(options.profile);
  }
  // The regions say which cloud (their names do not repeat across profiles); no store is read for a what-if.
  return profileOfRegion(regions[0]) ?? profileOfRegion(regions[1]) ?? findProfile("tencent");
}
