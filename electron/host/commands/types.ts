/** What every CLI command gets: its arguments (after the command name) and where to write. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` / piped bodies). */
  readStdin: () => Promise<Buffer>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A command returns its exit code: 0 success, 1 a negative answer (e.g. invalid signature), 2 bad usage. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
