// The exit codes live with the error shape in ./errors; re-exported here for the commands that only write.
export { EXIT_BUSY, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED, EXIT_USAGE } from "./errors";

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
  /**
   * Standard input is a terminal: `up` and `destroy` may ask before they change anything.
   *
   * @default false
   */
  readonly isInteractive?: boolean;
  /**
   * Asks a yes/no question on the terminal and resolves to the answer.
   *
   * @default - no prompt: commands that must confirm refuse instead
   */
  confirm?(question: string): Promise<boolean>;
}
