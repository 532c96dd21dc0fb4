import { serviceConnectNames } from '../../spec/service-connect.js';
import type { Service, Stack } from '../../spec/types.js';
import { waitsFor } from '../../spec/waits-for.js';
import { BIND_FLAG, isLoopback, references, type Reference } from '../loopback.js';
import { containers } from '../services.js';
import type { Check } from '../types.js';

/*
 * A service whose settings name another service of the stack (REQUIRES=kafka=127.0.0.1:7102, DB_URL=postgres://db:5432,
 * `--broker kafka:9092` among its arguments) but that does not wait for it may start first and find nothing listening:
 * Kafka before Zookeeper. A client that retries until its dependency answers is fine without dependsOn, so this is a
 * warning, never a failed pre-flight.
 */
const check: Check = {
  id: 'depends-on',
  severity: 'warning',
  passes: 'every service waits for the services of the stack its settings name',
  run({ stack }) {
    const problems = [];
    for (const from of stack.services) {
      const seen = new Set<string>();
      for (const r of settings(stack, from)) {
        const to = stack.services.find((s) => s !== from && isAt(stack, s, r));
        if (
          !to ||
          seen.has(to.name) ||
          waitsFor(stack.services, from.name).has(to.name) ||
          waitsFor(stack.services, to.name).has(from.name)
        )
          continue;
        seen.add(to.name);
        const addr = `${r.host}${r.port ? `:${r.port}` : ''}`;
        problems.push({
          message: `${from.name} reaches ${to.name} at ${addr} (${r.where}) but does not list it in dependsOn, so Convoy may start ${from.name} before ${to.name} accepts connections`,
          fix: `add ${to.name} to the dependsOn of ${from.name} (\`dependsOn: { ${to.name}: { condition: healthy } }\`), or make ${from.name} retry until ${to.name} answers`,
          location:
            stack.target === 'aws' && from.aws
              ? stack.locate(['services', from.name, 'aws', 'taskDefinition'])
              : stack.locate(['services', from.name, 'local', ...r.path]),
        });
      }
    }
    return problems;
  },
};
export default check;

interface Setting extends Reference {
  /** `env DB_URL` or `args[1]`, for the message. */
  where: string;
  /** Below the service's `local` block, for the location. */
  path: (string | number)[];
}

/**
 * The addresses a service's environment and arguments name (a container's command on ECS); a secret's value is never
 * read, nor the address a listen flag gives (`--bind 127.0.0.1:8000` is where it listens, not what it reaches).
 */
function settings(stack: Stack, s: Service): Setting[] {
  if (stack.target === 'aws' && s.aws)
    return containers(s).flatMap((c) => [...fromEnv(c.env), ...fromArgs(c.command, 'command')]);
  const env = Object.entries(s.local?.env ?? {}).flatMap(([k, v]) =>
    v.secret ? [] : [[k, v.value] as const],
  );
  return [...fromEnv(Object.fromEntries(env)), ...fromArgs(s.local?.args ?? [], 'args')];
}

const fromEnv = (env: Record<string, string>): Setting[] =>
  references(env).map((r) => ({ ...r, where: `env ${r.key}`, path: ['env', r.key] }));

const fromArgs = (args: readonly string[], field: 'args' | 'command'): Setting[] =>
  args.flatMap((a, i) =>
    listenValue(args, i)
      ? []
      : references({ [i]: flagValue(a) }).map((r) => ({ ...r, where: `${field}[${i}]`, path: [field, i] })),
  );

/** `--broker=kafka:9092` names kafka, not a service called broker (`name=` labels a service only in env values). */
const flagValue = (arg: string) =>
  arg.startsWith('-') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;

/** Whether argument i is the address of a listen flag: `--bind=ADDR`, or ADDR after `--bind`. */
function listenValue(args: readonly string[], i: number): boolean {
  const m = BIND_FLAG.exec(args[i]!);
  if (m) return m[2] !== undefined;
  const prev = i > 0 ? BIND_FLAG.exec(args[i - 1]!) : null;
  return prev !== null && prev[2] === undefined;
}

/** Whether an address is that service: by its name or a Service Connect name, or locally by its port at loopback. */
function isAt(stack: Stack, s: Service, r: Reference): boolean {
  const names = [s.name, ...serviceConnectNames(s.aws?.serviceDefinition)].map((n) => n.toLowerCase());
  if (r.label && names.includes(r.label.toLowerCase())) return true;
  if (names.includes(r.host.toLowerCase())) return true;
  return stack.target === 'local' && isLoopback(r.host) && r.port !== undefined && r.port === s.local?.port;
}
