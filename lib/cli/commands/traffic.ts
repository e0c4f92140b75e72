import { Command } from "commander";
import { HybridlinkError } from "../../core/errors";
import { CloudEngine, CloudError, JsonObject, MAX_TRAFFIC_SAMPLES_PER_REQUEST, parseDuration, samplePeriodMs } from "../../../providers/cloud";
import { readMbpsFlag } from "../cost/samples";
import { drillAccount, recordedOwner } from "../drills/accounts";
import { DrillTarget, resolveDrillTarget } from "../drills/targets";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

interface RecordOptions extends AccountOptions {
  readonly out: string;
  readonly in: string;
  readonly duration: string;
  readonly end?: string;
  readonly replace?: boolean;
}

/** `hybridlink traffic record <peering> --out N --in M [--duration 1d]`: traffic through a peering, recorded in the engine for `hybridlink cost`. */
export function trafficCommand(io: CliIo): Command {
  const record = new Command("record")
    .description("record steady traffic through a peering: one 5-minute sample per period of the window ending at the engine clock's now (or --end)")
    .argument("<peering>", "the peering connection: logical ID, cloud ID (pcx-…) or name")
    .requiredOption("--out <mbps>", "requester → accepter, average Mbps of each period")
    .requiredOption("--in <mbps>", "accepter → requester, average Mbps of each period")
    .option("--duration <d>", "how long the traffic flowed: 5m, 2h, 1d (one sample per started 5-minute period)", "5m")
    .option("--end <time>", "when it stopped, ISO 8601 (default: the engine clock's now)")
    .option("--replace", "overwrite periods that already have a sample");
  withAccountOption(withStackOption(withEngineOptions(record)));
  record.action((text: string, options: RecordOptions) =>
    usingEngine(openExistingEngine(options), (engine) => {
      const view = stackNamesFor(engine, options);
      const target = resolveDrillTarget(engine.networkModel(), text, view, ["PeeringConnection"]);
      const account = drillAccount(options.account, view, recordedOwner(view, target.id));
      const response = recordTraffic(engine, target, account, options);
      io.out(options.json ? JSON.stringify(response, null, 2) : renderRecorded(target, response, options, account));
      io.exitCode(EXIT_OK);
    }),
  );
  return new Command("traffic").description("traffic through peering connections, as the cloud measures it for billing (5-minute peaks)").addCommand(record.exitOverride());
}

function recordTraffic(engine: CloudEngine, target: DrillTarget, account: string, options: RecordOptions): JsonObject {
  const outMbps = readMbpsFlag("--out", options.out);
  const inMbps = readMbpsFlag("--in", options.in);
  const durationMs = parseDuration(options.duration, "traffic record --duration");
  const period = samplePeriodMs(engine.profile);
  const count = Math.ceil(durationMs / period);
  if (count < 1 || count > MAX_TRAFFIC_SAMPLES_PER_REQUEST) {
    throw new HybridlinkError(
      "UsageDuration",
      `--duration is '${options.duration}'; give more than 0 and at most 31d (${MAX_TRAFFIC_SAMPLES_PER_REQUEST} periods of ${period / 60_000} minutes). Record longer spans in several runs with --end.`,
    );
  }
  const end = options.end !== undefined ? endTime(options.end) : Date.parse(String(engine.request("DescribeClock", {}, { account }).now));
  // The window's last instant lies in the last period; each sample stands for one whole period.
  const last = Math.floor((end - 1) / period) * period;
  const samples = Array.from({ length: count }, (_, i) => ({ at: new Date(last - (count - 1 - i) * period).toISOString(), outMbps, inMbps }));
  try {
    return engine.request("RecordVpcPeeringTraffic", { peering: target.id, samples, ...(options.replace ? { replace: true } : {}) }, { account, operator: true });
  } catch (err) {
    if (!CloudError.isCloudError(err)) throw err;
    const window = { first: last - (count - 1) * period, last, period };
    throw withAdvice(err, options, () => createdPeriod(engine, target, account, period), window);
  }
}

/** The start of the sampling period the peering was created in. */
function createdPeriod(engine: CloudEngine, target: DrillTarget, account: string, period: number): number {
  const item = (engine.request("DescribeVpcPeeringConnections", { ids: [target.id] }, { account }).items as Array<{ createdAt: string }>)[0];
  return Math.floor(Date.parse(item.createdAt) / period) * period;
}

function endTime(text: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new HybridlinkError("UsageTime", `--end is '${text}'; give an ISO 8601 time such as 2025-01-02T00:00:00Z (engine clock).`);
  return ms;
}

/** The engine's refusal with what to run about it from the command line. */
function withAdvice(
  err: CloudError,
  options: RecordOptions,
  created: () => number,
  window: { readonly first: number; readonly last: number; readonly period: number },
): CloudError {
  let advice: string | undefined;
  if (err.code === "InvalidParameterValue.SampleBeforePeering") {
    const start = created();
    const shortBy = compact(start - window.first);
    const longest = window.last >= start ? `, or give a --duration of at most ${compact(window.last - start + window.period)}` : "";
    advice = options.end
      ? `The ${options.duration} window ending at --end starts ${shortBy} before the peering existed: give a later --end${longest}.`
      : `The ${options.duration} window ending now starts ${shortBy} before the peering existed: advance the engine clock first (hybridlink clock advance ${shortBy})${longest}.`;
  } else if (err.code === "InvalidParameterValue.SampleInFuture") {
    advice = "Traffic is recorded after it flowed: advance the engine clock (hybridlink clock advance …) or give an earlier --end.";
  } else if (err.code === "InvalidParameterValue.SampleExists") {
    advice = "Pass --replace to overwrite those periods.";
  }
  if (advice) err.message = `${err.message} ${advice}`;
  return err;
}

/** `1d2h5m` from milliseconds (whole minutes: windows are made of 5-minute periods). */
function compact(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const parts: Array<[number, string]> = [
    [Math.floor(minutes / 1440), "d"],
    [Math.floor((minutes % 1440) / 60), "h"],
    [minutes % 60, "m"],
  ];
  return parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join("") || "0m";
}

function renderRecorded(target: DrillTarget, r: JsonObject, options: RecordOptions, account: string): string {
  return [
    `peering connection ${target.name} (${target.id}): ${String(r.recorded)} sample(s) of ${Number(r.periodSeconds) / 60} minutes from ${String(r.from)} to ${String(r.to)} (engine clock), ` +
      `out ${options.out} Mbps, in ${options.in} Mbps, as account ${account}` +
      (Number(r.replaced) ? `; ${String(r.replaced)} replaced` : ""),
    "next: hybridlink cost — the bill from the recorded traffic",
  ].join("\n");
}
