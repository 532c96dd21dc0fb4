import type { NewEvent } from '../store/store.js';
import type { ConvoyEvent, EventPayload } from './events.js';

/**
 * An event as subscribers, `--json` and `convoy events` show it: one flat object, `seq` first, then the order
 * `--json` always had (code, its fields, at, stack, deploymentId). The emitter and the stream reader both build it
 * here, so `convoy deploy --json` and `convoy events --json` print identical lines.
 */
export function toConvoyEvent(e: NewEvent & { seq?: number }): ConvoyEvent {
  return {
    ...(e.seq === undefined ? {} : { seq: e.seq }),
    code: e.code,
    ...e.data,
    at: new Date(e.at).toISOString(),
    stack: e.stack,
    ...(e.deploymentId === undefined ? {} : { deploymentId: e.deploymentId }),
  } as ConvoyEvent;
}

/** The stored form of an emitted event: its own fields go to `data`. */
export function toNewEvent(
  payload: EventPayload,
  stamp: { stack: string; at: number; deploymentId: string | undefined },
): NewEvent {
  const { code, ...data } = payload;
  return {
    stack: stamp.stack,
    ...(stamp.deploymentId === undefined ? {} : { deploymentId: stamp.deploymentId }),
    at: stamp.at,
    code,
    data,
  };
}
