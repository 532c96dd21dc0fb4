import type { Target } from '../../targets/target.js';
import { cannotRun, failed, passed, type Outcome } from './outcome.js';

/** An alarm check: the named alarm (CloudWatch on aws) must not be in ALARM. */
export async function runAlarm(name: string, target: Target): Promise<Outcome> {
  if (!target.alarmState) return cannotRun(`the ${target.kind} target has no alarms`);
  try {
    const a = await target.alarmState(name);
    if (a.state === 'ALARM')
      return failed(`alarm ${name} is in ALARM${a.reason ? `: ${a.reason}` : ''}`, {
        ...(a.reason ? { output: a.reason } : {}),
      });
    return passed(`alarm ${name} is ${a.state}`);
  } catch (err) {
    return cannotRun(`could not read alarm ${name}: ${(err as Error).message}`);
  }
}
