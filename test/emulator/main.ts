import { loadScenario } from './scenario.js';
import { startEmulator } from './server.js';

/**
 * Starts the emulator alone, for running the CLI against it by hand:
 *   node dist/test/emulator/main.js --port 4566 [--time-scale 0.01] [--scenario file.json] [--host 127.0.0.1] [--verbose]
 * then point the CLI at it with AWS_ENDPOINT_URL=http://127.0.0.1:4566 and any credentials.
 */

function parseArgs(argv: string[]) {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (key === 'verbose' || key === 'help') out[key] = true;
    else if (inline !== undefined) out[key] = inline;
    else out[key] = argv[++i] ?? '';
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(
      'usage: emulator --port P [--host 127.0.0.1] [--time-scale 0.01] [--scenario file.json] [--verbose]',
    );
    return;
  }
  const known = new Set(['port', 'host', 'time-scale', 'scenario', 'verbose', 'help']);
  const unknown = Object.keys(args).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}`);
  const port = Number(args.port ?? 4566);
  const timeScale = Number(args['time-scale'] ?? 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${String(args.port)}`);
  const emulator = await startEmulator({
    port,
    host: typeof args.host === 'string' ? args.host : '127.0.0.1',
    timeScale,
    scenario: typeof args.scenario === 'string' ? loadScenario(args.scenario) : {},
    log: args.verbose ? (line) => console.error(line) : undefined,
  });
  console.log(
    `AWS emulator (ECS, CloudFormation, CloudWatch Logs, ELBv2, STS) on ${emulator.url}, time scale ${timeScale}`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${(e as Error).message}`);
  process.exit(2);
});
