import { CloudProfile } from "../../../lib";
import { CloudError } from "../errors";
import { JsonObject, ParamReader, show } from "../params";
import { ResourceRow, TrafficRecord } from "../store";
import { findVisible } from "./lookup";
import { ActionContext, ActionDefinition, isoTime } from "./types";

/** Samples one request may carry: 31 days of 5-minute periods. */
export const MAX_TRAFFIC_SAMPLES_PER_REQUEST = 31 * 288;

/** The seeds give tencent's period (seed 003: 每5分钟采集一次); clouds without a tariff are sampled as often. */
const DEFAULT_SAMPLE_MINUTES = 5;

/** Milliseconds of one bandwidth sampling period of the profile. */
export function samplePeriodMs(profile: CloudProfile): number {
  return (profile.peering.crossRegionTariff?.sampleMinutes ?? DEFAULT_SAMPLE_MINUTES) * 60_000;
}

/**
 * RecordVpcPeeringTraffic and DescribeVpcPeeringTraffic: what flowed through
 * a peering, one average per sampling period and direction, kept for the
 * bill (seed 003: daily peak of 5-minute samples, paid by the requester).
 * Either side of the peering may record and read; same-region peerings are
 * recorded too (their bill is free).
 */
export const TRAFFIC_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "RecordVpcPeeringTraffic",
    writes: true,
    operatorOnly: true,
    run(params, ctx) {
      const peering = findVisible(ctx, params.string("peering"), "PeeringConnection");
      const replace = params.optionalBoolean("replace") ?? false;
      checkActive(peering, ctx);
      const samples = readSamples(params, peering, ctx);
      params.done();
      const period = samplePeriodMs(ctx.profile);
      const existing = samples.filter((s) => ctx.store.traffic.has(peering.id, s.at));
      if (existing.length && !replace) {
        throw new CloudError(
          "InvalidParameterValue.SampleExists",
          `${ctx.action}: peering connection '${peering.id}' already has samples for ${existing.length} of these periods ` +
            `(${existing.slice(0, 3).map((s) => isoTime(s.at)).join(", ")}${existing.length > 3 ? ", …" : ""}). ` +
            "A period has one measurement: pass replace: true to overwrite them, or record other periods.",
        );
      }
      for (const s of samples) ctx.store.traffic.put(s);
      const ats = samples.map((s) => s.at);
      return {
        peering: peering.id,
        recorded: samples.length,
        replaced: existing.length,
        from: isoTime(Math.min(...ats)),
        to: isoTime(Math.max(...ats) + period),
        periodSeconds: period / 1000,
      };
    },
  },
  {
    name: "DescribeVpcPeeringTraffic",
    writes: false,
    run(params, ctx) {
      const id = params.optionalString("peering");
      const from = readTime(params, "from", ctx);
      const to = readTime(params, "to", ctx);
      params.done();
      if (from !== undefined && to !== undefined && to < from) {
        throw params.error("InvalidParameterValue.TimeRange", "to", `(${isoTime(to)}) is before 'from' (${isoTime(from)}); give a range that ends after it starts.`);
      }
      const peerings = id
        ? [findVisible(ctx, id, "PeeringConnection")]
        : [
            ...ctx.store.resources.ownedBy(ctx.account, "PeeringConnection"),
            ...ctx.store.resources.sharedWith(ctx.account, "PeeringConnection"),
          ].sort((a, b) => (a.id < b.id ? -1 : 1));
      // A period belongs to the range when it starts in it.
      const items = peerings.flatMap((p) => ctx.store.traffic.range(p.id, from, to).map((r) => trafficItem(p, r)));
      return { items, totalCount: items.length, periodSeconds: samplePeriodMs(ctx.profile) / 1000 };
    },
  },
];

function trafficItem(peering: ResourceRow, r: TrafficRecord): JsonObject {
  return {
    peering: peering.id,
    requesterAccount: peering.account,
    at: isoTime(r.at),
    outMbps: r.outMbps,
    inMbps: r.inMbps,
    recordedBy: r.recordedBy,
  };
}

/** Traffic flows only through an ACTIVE peering (a pending or expired one carries none). */
function checkActive(peering: ResourceRow, ctx: ActionContext): void {
  if (peering.state === "ACTIVE") return;
  const hint = peering.state === "PENDING" ? "it must be accepted first (AcceptVpcPeeringConnection)" : "enable it first (EnableVpcPeeringConnection)";
  throw new CloudError(
    "UnsupportedOperation.PeeringNotActive",
    `${ctx.action}: peering connection '${peering.id}' is ${peering.state}, and only an ACTIVE peering carries traffic: ${hint}.`,
  );
}

/** The samples of a record request, each on its period's start, checked against the peering and the clock. */
function readSamples(params: ParamReader, peering: ResourceRow, ctx: ActionContext): TrafficRecord[] {
  const readers = params.objectArray("samples");
  if (readers.length === 0 || readers.length > MAX_TRAFFIC_SAMPLES_PER_REQUEST) {
    throw params.error(
      "InvalidParameterValue.SampleCount",
      "samples",
      `holds ${readers.length} samples; give 1–${MAX_TRAFFIC_SAMPLES_PER_REQUEST} (31 days of ${samplePeriodMs(ctx.profile) / 60_000}-minute periods) per request.`,
    );
  }
  const cap = peering.props.crossRegion === true ? (peering.props.bandwidthMbps as number | undefined) : undefined;
  const created = periodStart(peering.createdAt, ctx.profile);
  const seen = new Map<number, number>();
  return readers.map((r, i) => {
    const at = readTime(r, "at", ctx) ?? ctx.now;
    const outMbps = readMbps(r, "outMbps", cap, peering);
    const inMbps = readMbps(r, "inMbps", cap, peering);
    r.done();
    if (at > ctx.now) {
      throw r.error(
        "InvalidParameterValue.SampleInFuture",
        "at",
        `is ${isoTime(at)}, after the engine clock's now (${isoTime(ctx.now)}): traffic that has not flowed yet cannot be measured. ` +
          "Advance the clock first (AdvanceClock), or record an earlier period.",
      );
    }
    const start = periodStart(at, ctx.profile);
    if (start < created) {
      throw r.error(
        "InvalidParameterValue.SampleBeforePeering",
        "at",
        `is ${isoTime(at)}, before peering connection '${peering.id}' was created (${isoTime(peering.createdAt)}). Record periods from its creation on.`,
      );
    }
    const twin = seen.get(start);
    if (twin !== undefined) {
      throw r.error(
        "InvalidParameterValue.DuplicateSample",
        "at",
        `falls in the period starting ${isoTime(start)}, as samples[${twin}] does; a period has one measurement. Give one sample per period.`,
      );
    }
    seen.set(start, i);
    return { peeringId: peering.id, at: start, outMbps, inMbps, recordedBy: ctx.account };
  });
}

function readMbps(r: ParamReader, name: string, cap: number | undefined, peering: ResourceRow): number {
  const value = r.number(name);
  if (value < 0) throw r.error("InvalidParameterValue.Bandwidth", name, `is ${value}; a bandwidth sample is a non-negative number of Mbps.`);
  if (cap !== undefined && value > cap) {
    throw r.error(
      "InvalidParameterValue.AboveBandwidthCap",
      name,
      `is ${value} Mbps, above the ${cap} Mbps cap of peering connection '${peering.id}': a cross-region peering never carries more than its cap. ` +
        "Record at most the cap, or raise it (ModifyVpcPeeringConnection bandwidthMbps).",
    );
  }
  return value;
}

/** An optional ISO 8601 time parameter, in engine ms. */
function readTime(r: ParamReader, name: string, ctx: ActionContext): number | undefined {
  const raw = r.value(name);
  if (raw === undefined) return undefined;
  const ms = typeof raw === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(ms)) {
    throw r.error("InvalidParameterValue.Time", name, `must be an ISO 8601 time such as ${isoTime(ctx.now)} (engine clock), received ${show(raw)}.`);
  }
  return ms;
}

/** The start of the sampling period holding `ms` (periods are aligned on the epoch, so on every UTC+8 day too). */
function periodStart(ms: number, profile: CloudProfile): number {
  const period = samplePeriodMs(profile);
  return Math.floor(ms / period) * period;
}
