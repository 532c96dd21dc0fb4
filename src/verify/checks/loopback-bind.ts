import type { Service, Stack } from '../../spec/types.js';
import { loopbackReach, type NetService } from '../loopback.js';
import { behindLoadBalancer, containers, envValues } from '../services.js';
import type { Check } from '../types.js';

/** An app bound to 127.0.0.1 refuses every connection from elsewhere; on ECS that is everyone else. */
const check: Check = {
  id: 'loopback-bind',
  passes: 'no service listens on loopback only while something reaches it from another address',
  run({ stack }) {
    const aws = stack.target === 'aws';
    return loopbackReach(stack.services.map((s) => netService(stack, s))).map((r) => {
      const s = stack.services.find((x) => x.name === r.service)!;
      const where = r.via
        ? `${r.from} reaches it at ${r.via.address} (env ${r.via.key})`
        : `${r.from} must reach it`;
      const why = aws
        ? 'on ECS every task has its own address, so 127.0.0.1 is reachable only from inside its own task'
        : 'that is not a loopback address, so the connection would be refused';
      return {
        message: `${r.service} listens on ${r.bind.value} only (${r.bind.where}), but ${where}: ${why}`,
        fix: `listen on all interfaces: set ${r.bind.from === 'env' ? r.bind.key : 'the address argument'} to 0.0.0.0${aws || !r.via ? '' : `, or have ${r.from} connect to 127.0.0.1`}`,
        location: locate(stack, s, r.bind),
      };
    });
  },
};
export default check;

function netService(stack: Stack, s: Service): NetService {
  if (stack.target === 'aws' && s.aws) {
    const cs = containers(s);
    const main = cs.find((c) => c.essential) ?? cs[0];
    return {
      name: s.name,
      env: Object.assign({}, ...cs.map((c) => c.env)) as Record<string, string>,
      args: main?.command ?? [],
      exposed: behindLoadBalancer(s),
    };
  }
  return { name: s.name, env: envValues(s), args: s.local?.args ?? [] };
}

function locate(stack: Stack, s: Service, bind: { from: 'env' | 'args'; key: string | number }) {
  if (stack.target === 'aws' && s.aws) return stack.locate(['services', s.name, 'aws', 'taskDefinition']);
  return stack.locate(['services', s.name, 'local', bind.from === 'env' ? 'env' : 'args', bind.key]);
}
