import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A laboratory of Linux network namespaces, one strongSwan charon in each:
 * the simulated cloud gateway's side and the IDC devices' sides negotiate for
 * real. Public addresses exist only on point-to-point veth pairs between the
 * namespaces, LAN addresses on each namespace's loopback (this kernel has no
 * dummy interfaces), so no packet leaves the machine's own namespaces.
 *
 * ESP runs in user space (kernel-libipsec: a TUN device `ipsec0` per
 * namespace), which handles only UDP-encapsulated ESP, so the cloud side is
 * told `encap = yes`. Every process is killed by its PID and every namespace
 * removed on `close()`, also from a process exit hook; every wait is bounded.
 */

const IP = "/usr/sbin/ip";
const PING = ["/usr/bin/ping", "/bin/ping"];
const CHARON = "/usr/sbin/charon-systemd";
const SWANCTL = "/usr/sbin/swanctl";
const LIBIPSEC = "/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so";

/** Why the laboratory cannot run here, or undefined when it can. */
export function labMissing(): string | undefined {
  if (process.platform !== "linux") return "Linux network namespaces (this is not Linux)";
  if (typeof process.getuid === "function" && process.getuid() !== 0) return "root (network namespaces need it)";
  if (!fs.existsSync(IP)) return "iproute2 (apt-get install -y iproute2)";
  if (!PING.some((p) => fs.existsSync(p))) return "ping (apt-get install -y iputils-ping)";
  if (!fs.existsSync(CHARON) || !fs.existsSync(SWANCTL)) return "charon-systemd and swanctl (apt-get install -y charon-systemd strongswan-swanctl)";
  if (!fs.existsSync(LIBIPSEC)) return "strongSwan's kernel-libipsec plugin (apt-get install -y libcharon-extra-plugins)";
  if (!fs.existsSync("/dev/net/tun")) return "/dev/net/tun (kernel-libipsec needs a TUN device)";
  const probe = `hlprobe${process.pid}`;
  const made = spawnSync(IP, ["netns", "add", probe], { encoding: "utf8", timeout: 5000 });
  if (made.status !== 0) return `the right to create network namespaces (ip netns add: ${made.stderr.trim()})`;
  spawnSync(IP, ["netns", "del", probe], { timeout: 5000 });
  return undefined;
}

/** Runs a command, bounded; throws with its output when it fails. */
export function run(cmd: string, args: readonly string[], timeoutMs = 10_000): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Waits until `check` is truthy, polling; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A charon in one namespace, with its own strongswan.conf, VICI socket and log file. */
export class Charon {
  public readonly log: string;
  private readonly socket: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly child: ChildProcess;

  constructor(
    public readonly ns: string,
    private readonly dir: string,
    options: { installRoutes: boolean },
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.socket = path.join(dir, "charon.vici");
    this.log = path.join(dir, "charon.log");
    const conf = path.join(dir, "strongswan.conf");
    fs.writeFileSync(conf, strongswanConf(this.socket, this.log, options.installRoutes));
    this.env = { ...process.env, STRONGSWAN_CONF: conf };
    // `ip netns exec` execs charon in place, so this PID is charon's.
    this.child = spawn(IP, ["netns", "exec", ns, CHARON], { env: this.env, stdio: "ignore" });
  }

  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits until the VICI socket answers (bounded). */
  public async ready(): Promise<void> {
    await waitFor(`charon in ${this.ns} to open ${this.socket}`, () => {
      if (this.child.exitCode !== null) throw new Error(`charon in ${this.ns} exited with ${this.child.exitCode}; log: ${this.logText().slice(-2000)}`);
      return fs.existsSync(this.socket) && this.swanctl(["--stats"], false).status === 0;
    }, 10_000);
  }

  /** swanctl against this charon; throws on failure unless `check` is false. */
  public swanctl(args: readonly string[], check = true): { status: number | null; output: string } {
    const r = spawnSync(SWANCTL, [...args, "--uri", `unix://${this.socket}`], { env: this.env, encoding: "utf8", timeout: 15_000, cwd: this.dir });
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    if (check && r.status !== 0) throw new Error(`swanctl ${args.join(" ")} in ${this.ns} failed: ${output}`);
    return { status: r.status, output };
  }

  /** Replaces every loaded connection and secret with those of `config` (swanctl --load-all unloads the rest). */
  public load(config: string, name: string): void {
    const file = path.join(this.dir, `${name}.conf`);
    fs.writeFileSync(file, config, { mode: 0o600 });
    const r = this.swanctl(["--load-all", "--noprompt", "--file", file]);
    if (!/successfully loaded \d+ connections/.test(r.output)) throw new Error(`charon in ${this.ns} did not load ${name}: ${r.output}`);
  }

  /** Unloads every connection and secret (bounded; what is established stays until terminated). */
  public unloadAll(): void {
    const file = path.join(this.dir, "empty.conf");
    fs.writeFileSync(file, "connections {\n}\n");
    this.swanctl(["--load-all", "--noprompt", "--file", file], false);
  }

  public logText(): string {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, "utf8") : "";
  }

  /** Log lines written after `from` characters that match `pattern`. */
  public linesSince(from: number, pattern: RegExp): string[] {
    return this.logText().slice(from).split("\n").filter((l) => pattern.test(l));
  }

  /** SIGTERM, then SIGKILL if it has not gone within 3 s; waits for the exit (bounded). */
  public async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    process.kill(this.child.pid, "SIGTERM");
    const timer = setTimeout(() => this.killNow(), 3000);
    let bound: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (bound = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    clearTimeout(bound);
  }

  /** For the exit hook: kill at once, synchronously. */
  public killNow(): void {
    if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(this.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

function strongswanConf(socket: string, log: string, installRoutes: boolean): string {
  const plugins = "random nonce aes des sha1 sha2 md5 hmac gmp openssl kdf pem pkcs1 x509 pubkey vici socket-default kernel-libipsec kernel-netlink";
  // Short retransmissions so that a dead peer is noticed in seconds: 1 s, 1.4 s, 1.96 s, then give up.
  return `charon-systemd {
  load_modular = no
  load = ${plugins}
  install_routes = ${installRoutes ? "yes" : "no"}
  retransmit_tries = 2
  retransmit_timeout = 1
  retransmit_base = 1.4
  plugins { vici { socket = unix://${socket} } }
  filelog { lab { path = ${log}
    time_format = %T
    flush_line = yes
    default = 1
    ike = 2
    cfg = 1 } }
  journal { default = -1 }
  syslog { daemon { default = -1 } }
}
swanctl { load = pem pkcs1 x509 pubkey openssl random }
`;
}

/** Namespaces, links and charons of one run; `close()` removes them all. */
export class Lab {
  private static readonly open = new Set<Lab>();
  private static hooked = false;
  public readonly dir: string;
  private readonly namespaces: string[] = [];
  private readonly charons: Charon[] = [];
  private links = 0;

  constructor(private readonly prefix = `hl${process.pid % 100000}`) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-netns-"));
    Lab.open.add(this);
    if (!Lab.hooked) {
      Lab.hooked = true;
      // Last resort if a test run dies without afterAll: kill by PID, remove by name.
      process.once("exit", () => Lab.open.forEach((lab) => lab.closeNow()));
    }
  }

  /** A new namespace with loopback up and `lanAddresses` on it (as /32). */
  public namespace(name: string, lanAddresses: readonly string[] = []): string {
    const ns = `${this.prefix}-${name}`.slice(0, 40);
    run(IP, ["netns", "add", ns]);
    this.namespaces.push(ns);
    // No IPv6: its link-local addresses settle a second after a link comes up, and charon answers
    // that interface event with a MOBIKE update, which would blur which request DPD sent.
    this.exec(ns, ["sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"]);
    run(IP, ["-n", ns, "link", "set", "lo", "up"]);
    for (const a of lanAddresses) this.exec(ns, [IP, "addr", "add", `${a}/32`, "dev", "lo"]);
    return ns;
  }

  /** A point-to-point veth pair: `a` holds `aIp`, `b` holds `bIp`, each with a host route to the other. */
  public link(a: string, aIp: string, b: string, bIp: string): void {
    const n = this.links++;
    const ea = `${this.prefix}a${n}`.slice(0, 15);
    const eb = `${this.prefix}b${n}`.slice(0, 15);
    run(IP, ["link", "add", ea, "netns", a, "type", "veth", "peer", "name", eb, "netns", b]);
    run(IP, ["-n", a, "addr", "add", `${aIp}/32`, "peer", `${bIp}/32`, "dev", ea]);
    run(IP, ["-n", b, "addr", "add", `${bIp}/32`, "peer", `${aIp}/32`, "dev", eb]);
    run(IP, ["-n", a, "link", "set", ea, "up"]);
    run(IP, ["-n", b, "link", "set", eb, "up"]);
  }

  /**
   * Makes `ns` drop everything it would send to `address` (a policy rule
   * with the blackhole action), or stop doing so. Links stay up, so the
   * other side sees no interface event: only its unanswered requests.
   */
  public silence(ns: string, address: string, on: boolean): void {
    run(IP, ["-n", ns, "rule", on ? "add" : "del", "to", `${address}/32`, "blackhole", "priority", "100"]);
  }

  /** Runs a command inside `ns`. */
  public exec(ns: string, argv: readonly string[], timeoutMs = 10_000): string {
    return run(IP, ["netns", "exec", ns, ...argv], timeoutMs);
  }

  /** One ICMP echo from `source` to `destination` inside `ns`: true when answered. */
  public ping(ns: string, source: string, destination: string): boolean {
    const ping = PING.find((p) => fs.existsSync(p))!;
    const r = spawnSync(IP, ["netns", "exec", ns, ping, "-n", "-c", "1", "-W", "2", "-I", source, destination], { encoding: "utf8", timeout: 5000 });
    return r.status === 0;
  }

  /** Starts a charon in `ns` and waits for its VICI socket. */
  public async charon(ns: string, options: { installRoutes: boolean }): Promise<Charon> {
    const charon = new Charon(ns, path.join(this.dir, ns), options);
    this.charons.push(charon);
    await charon.ready();
    return charon;
  }

  /** Stops every charon (by PID) and removes every namespace. */
  public async close(): Promise<void> {
    await Promise.all(this.charons.map((c) => c.stop()));
    this.closeNow();
  }

  private closeNow(): void {
    for (const c of this.charons) c.killNow();
    for (const ns of this.namespaces.splice(0)) spawnSync(IP, ["netns", "del", ns], { timeout: 5000 });
    if (!process.env.HL_NETNS_KEEP_LOGS) fs.rmSync(this.dir, { recursive: true, force: true });
    Lab.open.delete(this);
  }
}
