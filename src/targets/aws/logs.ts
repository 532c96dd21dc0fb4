import type { ContainerDefinition, Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type { AwsContext } from './context.js';
import { errorName, lastSegment } from './util.js';

/**
 * Container output from CloudWatch Logs, found the way the awslogs driver names streams:
 * `<awslogs-stream-prefix>/<container>/<task id>` in `awslogs-group`.
 */

interface Stream {
  container: string;
  group: string;
  stream: string;
}

function streamsOf(task: Task, td: TaskDefinition | undefined): Stream[] {
  const id = lastSegment(task.taskArn ?? '');
  return (td?.containerDefinitions ?? []).flatMap((c: ContainerDefinition): Stream[] => {
    const log = c.logConfiguration;
    const group = log?.options?.['awslogs-group'];
    const prefix = log?.options?.['awslogs-stream-prefix'];
    // Without a prefix the stream is named after the container's runtime id, which ECS does not tie to the task.
    if (log?.logDriver !== 'awslogs' || !group || !prefix || !c.name) return [];
    return [{ container: c.name, group, stream: `${prefix}/${c.name}/${id}` }];
  });
}

/** Last `lines` lines per container of one task, keyed by container name. */
export async function taskLogs(
  ctx: AwsContext,
  task: Task,
  td: TaskDefinition | undefined,
  lines: number,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await Promise.all(
    streamsOf(task, td).map(async (s) => {
      try {
        const r = await ctx.clients.logs.getLogEvents({
          logGroupName: s.group,
          logStreamName: s.stream,
          limit: lines,
          startFromHead: false,
        });
        const msgs = (r.events ?? []).map((e) => (e.message ?? '').replace(/\n$/, ''));
        if (msgs.length) out[s.container] = msgs;
      } catch (err) {
        // A container that never started has no stream yet; that is not an error worth reporting here.
        if (!/ResourceNotFound/i.test(errorName(err))) throw err;
      }
    }),
  );
  return out;
}

/** One list for a person: a single container's lines as they are, several containers' lines tagged `[name]`. */
export function flatten(
  byContainer: Record<string, string[]>,
  lines: number,
  essentialFirst: string[] = [],
): string[] {
  const names = Object.keys(byContainer).sort(
    (a, b) => Number(!essentialFirst.includes(a)) - Number(!essentialFirst.includes(b)),
  );
  if (names.length === 1) return byContainer[names[0]!]!.slice(-lines);
  return names.flatMap((n) => byContainer[n]!.map((l) => `[${n}] ${l}`)).slice(-lines);
}
