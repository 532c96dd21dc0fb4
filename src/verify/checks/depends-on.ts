import { serviceConnectNames } from '../../spec/service-connect.js';
import type { Service, Stack } from '../../spec/types.js';
import { waitsFor } from '../../spec/waits-for.js';
import { isLoopback, references, type Reference } from '../loopback.js';
import { containers } from '../services.js';
import type { Check } from '../types.js';

/*
 * A service whose settings name another service of the stack (REQUIRES=kafka=127.0.0.1:7102, DB_URL=postgres://db:5432)
 * but that does not wait for it may start first and find nothing listening: Kafka before Zookeeper. A client that
 * retries until its dependency answers is fine without dependsOn, so this is a warning, never a failed pre-flight.
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
          message: `${from.name} reaches ${to.name} at ${addr} (env ${r.key}) but does not list it in dependsOn, so Convoy may start ${from.name} before ${to.name} accepts connections`,
          fix: `add ${to.name} to the dependsOn of ${from.name} (\`dependsOn: { ${to.name}: { condition: healthy } }\`), or make ${from.name} retry until ${to.name} answers`,
          location:
            stack.target === 'aws' && from.aws
              ? stack.locate(['services', from.name, 'aws', 'taskDefinition'])
              : stack.locate(['services', from.name, 'local', 'env', r.key]),
        });
      }
    }
    return problems;
  },
};
export default check;

/** The addresses a service's environment names; a secret's value is never read. */
function settings(stack: Stack, s: Service): Reference[] {
  if (stack.target === 'aws' && s.aws) return containers(s).flatMap((c) => references(c.env));
  const env = Object.entries(s.local?.env ?? {}).filter(([, v]) => !v.secret);
  return references(Object.fromEntries(env.map(([k, v]) => [k, v.value])));
}

/** Whether an address is that service: by its name or a Service Connect name, or locally by its port at loopback. */
function isAt(stack: Stack, s: Service, r: Reference): boolean {
  const names = [s.name, ...serviceConnectNames(s.aws?.serviceDefinition)].map((n) => n.toLowerCase());
  if (r.label && names.includes(r.label.toLowerCase())) return true;
  if (names.includes(r.host.toLowerCase())) return true;
  return stack.target === 'local' && isLoopback(r.host) && r.port !== undefined && r.port === s.local?.port;
}
