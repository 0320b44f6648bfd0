/** The `hookscope` command: dispatches to one module per subcommand. */
import { VERSION } from '../core/version.js';
import { KEYGEN_USAGE, run as keygen } from './commands/keygen.js';
import { SEND_USAGE, run as send } from './commands/send.js';
import { SERVE_USAGE, run as serve } from './commands/serve.js';
import { SIGN_USAGE, run as sign } from './commands/sign.js';
import { type CliCommand, type CliIO, UsageError } from './commands/types.js';
import { VERIFY_USAGE, run as verify } from './commands/verify.js';

const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  serve: { run: serve, usage: SERVE_USAGE },
  send: { run: send, usage: SEND_USAGE },
  keygen: { run: keygen, usage: KEYGEN_USAGE },
  sign: { run: sign, usage: SIGN_USAGE },
  verify: { run: verify, usage: VERIFY_USAGE },
};

function usage(): string {
  return `Hookscope ${VERSION} — a workbench for webhooks\n\nUsage:\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage.split('\n')[0]}`)
    .join('\n')}\n\nRun "hookscope help COMMAND" for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0] && COMMANDS[rest[0]];
    io.stdout(topic ? `${topic.usage}\n` : usage());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`hookscope: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`hookscope ${name}: ${(err as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`hookscope ${name}: ${(err as Error).message}\n`);
    return 1;
  }
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  env: process.env,
  cwd: process.cwd(),
};

// Run when executed directly (bundled as dist/host/cli.js, or via tsx in development).
const invokedDirectly = process.argv[1] && /cli\.(js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2), processIO).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`hookscope: ${(err as Error).stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
