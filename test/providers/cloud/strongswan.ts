import { ChildProcess, spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/**
 * strongSwan's own parser for the generated swanctl.conf. swanctl parses the
 * file and hands the result to a charon daemon over VICI, and charon checks
 * every value (proposals, traffic selectors), so the test runs a private
 * charon: its own strongswan.conf (STRONGSWAN_CONF), a VICI socket in a temp
 * folder, random IKE ports, no system configuration touched.
 *
 * Debian packages: strongswan-swanctl (swanctl) and charon-systemd
 * (/usr/sbin/charon-systemd) or strongswan-charon (/usr/lib/ipsec/charon).
 */
export const SWANCTL = "/usr/sbin/swanctl";
const DAEMONS = ["/usr/sbin/charon-systemd", "/usr/lib/ipsec/charon"];

/** What is missing to run the parser test, or undefined when strongSwan is installed. */
export function strongSwanMissing(): string | undefined {
  if (!fs.existsSync(SWANCTL)) return "swanctl (apt-get install -y strongswan-swanctl charon-systemd)";
  if (!DAEMONS.some((d) => fs.existsSync(d))) return "a charon daemon (apt-get install -y charon-systemd)";
  return undefined;
}

export interface Charon {
  /** Loads a swanctl.conf; returns swanctl's output and exit status. */
  load(file: string): { status: number | null; output: string };
  /** `swanctl --list-conns --raw`: the connections charon holds, as charon parsed them. */
  listConns(): string;
  stop(): void;
}

/** Starts a private charon in `dir` and waits until its VICI socket answers. */
export async function startCharon(dir: string): Promise<Charon> {
  const daemon = DAEMONS.find((d) => fs.existsSync(d))!;
  const socket = path.join(dir, "charon.vici");
  const conf = path.join(dir, "strongswan.conf");
  const plugins = "random nonce aes des sha1 sha2 md5 hmac gmp openssl pem pkcs1 x509 pubkey kdf vici socket-default kernel-netlink";
  const section = (name: string) => `${name} {
  port = 0
  port_nat_t = 0
  load_modular = no
  load = ${plugins}
  install_routes = no
  plugins { vici { socket = unix://${socket} } }
  filelog { stderr { default = 0 } }
  journal { default = -1 }
  syslog { daemon { default = -1 } }
}`;
  fs.writeFileSync(conf, `${section("charon-systemd")}\n${section("charon")}\nswanctl { load = pem pkcs1 x509 pubkey openssl random }\n`);
  const env = { ...process.env, STRONGSWAN_CONF: conf };
  const child: ChildProcess = spawn(daemon, [], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const swanctl = (...args: string[]) => spawnSync(SWANCTL, [...args, "--uri", `unix://${socket}`], { env, encoding: "utf8", cwd: dir });

  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${daemon} exited with ${child.exitCode}: ${stderr}`);
    if (fs.existsSync(socket) && swanctl("--stats").status === 0) break;
    await new Promise((r) => setTimeout(r, 100));
    if (i === 99) {
      child.kill();
      throw new Error(`${daemon} did not open its VICI socket within 10 s: ${stderr}`);
    }
  }
  return {
    load(file) {
      const r = swanctl("--load-all", "--noprompt", "--file", file);
      // swanctl also looks for credential folders (x509/, private/…) beside the file; their absence is not about the file.
      const output = `${r.stdout}${r.stderr}`
        .split("\n")
        .filter((l) => !/^opening directory '.*' failed/.test(l))
        .join("\n");
      return { status: r.status, output };
    },
    listConns: () => swanctl("--list-conns", "--raw").stdout,
    stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
}
