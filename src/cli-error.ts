/** An error the user caused or can fix: printed as one line, no stack, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    /** default EXIT.badInput (src/commands/exit-codes.ts holds every exit code) */
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
