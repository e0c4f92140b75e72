/** Exit code: everything as asked. */
export const EXIT_OK = 0;
/** Exit code: findings (synth errors, a refused step, a broken intent, a trace that misses its --expect). */
export const EXIT_FINDINGS = 1;
/** Exit code: usage or input errors (bad arguments, unknown names, nothing deployed where asked). */
export const EXIT_USAGE = 2;
/** `up` or `destroy` stopped by Ctrl-C after recording what it had done (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/** Where a command writes; injected so commands can run in-process in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  exitCode(code: number): void;
  /**
   * Standard output is a terminal: colours and the live progress display are on
   * (colours stay off when NO_COLOR is set).
   *
   * @default false
   */
  readonly isTty?: boolean;
}
