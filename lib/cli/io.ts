/** Exit codes: 0 ok, 1 findings (or unreachable when asked to assert), 2 usage or input errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
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
