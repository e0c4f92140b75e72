import { compileNetwork } from "./compile";
import { resolveEndpoint } from "./endpoints";
import { NetworkModel } from "./model";
import { traceBetween } from "./trace";
import { EndpointRef, PairVerdict, pairVerdictOf, Trace } from "./verdicts";

/**
 * Both directions between two endpoints (given by ID, name or address, or as
 * resolved endpoints): REACHABLE when each reaches the other, ONE_WAY when
 * only one direction works — naming the route the other direction lacks (the
 * seeds' 发包、回包路由) — and UNREACHABLE otherwise.
 */
export function analyzePair(model: NetworkModel, from: string | EndpointRef, to: string | EndpointRef): PairVerdict {
  const a = typeof from === "string" ? resolveEndpoint(model, from) : from;
  const b = typeof to === "string" ? resolveEndpoint(model, to) : to;
  const net = compileNetwork(model);
  const forward = traceBetween(net, a, b);
  const reverse = traceBetween(net, b, a);
  const verdict = pairVerdictOf(forward.verdict, reverse.verdict);
  if (verdict === "REACHABLE") {
    return { from: a, to: b, verdict, forward, reverse, reason: `${a.name} and ${b.name} reach each other both ways.` };
  }
  if (verdict === "UNREACHABLE") {
    return {
      from: a,
      to: b,
      verdict,
      forward,
      reverse,
      reason: `${a.name} → ${b.name}: ${forward.verdict} (${forward.reason}); ${b.name} → ${a.name}: ${reverse.verdict} (${reverse.reason})`,
    };
  }
  const brokenDirection = forward.verdict === "DELIVERED" ? "REVERSE" : "FORWARD";
  const broken: Trace = brokenDirection === "REVERSE" ? reverse : forward;
  const [there, back] = brokenDirection === "REVERSE" ? [a, b] : [b, a];
  const missing = broken.missingRoute;
  return {
    from: a,
    to: b,
    verdict,
    forward,
    reverse,
    brokenDirection,
    ...(missing ? { missingRoute: missing } : {}),
    reason:
      `only one way: ${there.name} reaches ${back.name} but the ${brokenDirection === "REVERSE" ? "reply" : "request"} ` +
      `${back.name} → ${there.name} is dropped (${broken.verdict}: ${broken.reason})` +
      (missing ? ` — missing route: ${missing.tableName} needs a route to ${missing.destinationCidr}.` : ""),
  };
}
