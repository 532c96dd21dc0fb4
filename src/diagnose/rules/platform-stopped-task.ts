import type { Rule } from '../types.js';

/*
 * The platform took a running task away for reasons of its own: a Fargate Spot interruption (`Your Spot Task was
 * interrupted.`, stop code `SpotInterruption`), the EC2 host stopped or terminated under it (`Host EC2 (instance i-…)
 * terminated.`, a scale-in or a Spot reclaim), maintenance or retirement (`ECS is performing maintenance on the
 * underlying infrastructure hosting the task`, a task scheduled for retirement, stop code `TerminationNotice`). Nothing
 * in the service's image, configuration or capacity request failed, and the scheduler starts a replacement, so
 * `other`: what to change, if anything, is how the service tolerates losing a task.
 */
const rule: Rule = {
  id: 'platform-stopped-task',
  category: 'other',
  match: [
    {
      in: ['stoppedReason', 'stopCode', 'serviceEvent', 'log'],
      re: /(?<what>Your Spot Task was interrupted|^\s*(?:SpotInterruption|TerminationNotice)\s*$|Host EC2 \(instance [\w-]+\) (?:stopped|terminated|was terminated)|ECS is performing maintenance on the underlying infrastructure hosting the task|[Tt]ask (?:is )?(?:being retired|scheduled for retirement)|(?:Fargate|platform version) (?:task )?retirement)/,
    },
  ],
  cause:
    "The platform stopped one of {service}'s tasks for its own reasons ({what}); the task's image and configuration did not fail.",
  fix: 'Let the scheduler replace the task; to lose fewer, keep a base of on-demand capacity beside Spot, run more than one task across zones, and handle SIGTERM within the stop timeout.',
  confidence: 0.6,
  examples: {
    match: [
      [['stoppedReason', 'Your Spot Task was interrupted.']],
      [['stoppedReason', 'Host EC2 (instance i-0abc123def) terminated.']],
      [['stoppedReason', 'ECS is performing maintenance on the underlying infrastructure hosting the task.']],
    ],
    noMatch: [
      [['stoppedReason', 'Essential container in task exited']],
      [['log', 'Stopping spot instance pool after the benchmark run']],
    ],
  },
};
export default rule;
