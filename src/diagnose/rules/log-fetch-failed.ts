import type { Rule } from '../types.js';

/*
 * A tool reading a task's logs back failed: botocore's `An error occurred (ResourceNotFoundException) when calling the
 * GetLogEvents operation`, the Go SDK's `operation error CloudWatch Logs: FilterLogEvents`, the JavaScript SDK's
 * `GetLogEventsCommand`, ecs-cli's `Failed to get log configuration … Use the --container-name option`. These are reads
 * after the fact (an operator, an action or a CLI following the task), so a stream named in a form the awslogs driver
 * does not write (prefix/container/task-id) is the tool's mistake, not the task's. The driver's own writes
 * (CreateLogStream, PutLogEvents, `failed to initialize logging driver`) are the service's configuration and are left
 * to the logging rules; a read that was denied is a permission and is left to the IAM rules.
 */
const READS = String.raw`(?:GetLogEvents|FilterLogEvents|DescribeLogStreams|GetLogRecord|GetQueryResults|StartLiveTail)`;

const rule: Rule = {
  id: 'log-fetch-failed',
  category: 'other',
  match: [
    {
      in: ['log', 'localField'],
      re: new RegExp(
        String.raw`(?<what>An error occurred \(\w+\) when calling the ${READS} operation[^\n]{0,120}` +
          String.raw`|operation error CloudWatch Logs: ${READS}[^\n]{0,120}` +
          String.raw`|\b${READS}Command\b[^\n]{0,40}(?:Exception|Error|failed)[^\n]{0,120}` +
          String.raw`|Failed to get log configuration:[^\n]{0,160}` +
          String.raw`|Use the --container-name option to query logs[^\n]{0,60})`,
      ),
      not: /AccessDenied|not authorized|UnrecognizedClient|ExpiredToken|InvalidSignature|failed to initialize logging driver|CreateLogStream|PutLogEvents/i,
    },
  ],
  cause:
    "A tool reading {service}'s logs back failed ({what}): it asked CloudWatch Logs for a stream or group in a form the task does not write, which is the tool's mistake, not the task's.",
  fix: "Read the task's stopped reason and its log stream directly (the awslogs driver names streams prefix/container/task-id); pass the tool the container name it needs, or upgrade the tool if its stream naming is a known bug.",
  confidence: 0.6,
  // A read of a group that is not there is neither a stack resource created before its group nor the driver's write.
  beats: ['stack-log-group-missing', 'log-group-missing'],
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (ResourceNotFoundException) when calling the GetLogEvents operation: The specified log stream does not exist.',
        ],
      ],
      [
        [
          'log',
          'operation error CloudWatch Logs: FilterLogEvents, https response error StatusCode: 400, ResourceNotFoundException: The specified log group does not exist.',
        ],
      ],
      [
        [
          'log',
          'Failed to get log configuration: Log Configuration Field awslogs-group mismatches in at least one container definition. Use the --container-name option to query logs for an individual container.',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'An error occurred (AccessDeniedException) when calling the GetLogEvents operation: User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: logs:GetLogEvents',
        ],
      ],
      [
        [
          'stoppedReason',
          'CannotStartContainerError: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.',
        ],
      ],
    ],
  },
};
export default rule;
