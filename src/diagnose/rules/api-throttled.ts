import type { Rule } from '../types.js';

/*
 * AWS refused the calls of a deploy tool or an SDK because they came too fast: ThrottlingException / "Rate exceeded"
 * (ECS, CloudFormation, Elastic Beanstalk), EC2's RequestLimitExceeded, API Gateway-style TooManyRequestsException.
 * S3's `SlowDown` (`Please reduce your request rate`), Route 53's `PriorRequestNotComplete`, and the Go SDK v2 giving up
 * when its client-side retry budget is spent (`retry quota exceeded`) say the same.
 * Nothing in the service is wrong; the deploy gave up polling. A registry's pull rate limit is image-pull, not this.
 */
const rule: Rule = {
  id: 'api-throttled',
  category: 'other',
  match: [
    {
      re: /(?<what>ThrottlingException|Throttling\W+(?:Message: )?Rate exceeded|\bRate exceeded\b|RequestLimitExceeded|Request limit exceeded|TooManyRequestsException|An error occurred \(SlowDown\)|api error SlowDown|Please reduce your request rate|retry quota exceeded|PriorRequestNotComplete)/,
      not: /pull rate limit|toomanyrequests/i,
    },
  ],
  cause:
    'AWS throttled the API calls made while deploying {service} ({what}); the deployment tool stopped, not the service.',
  fix: 'Retry with backoff and poll less often (fewer parallel deploys, a longer interval between describe calls); ask for a higher API rate limit only if it persists.',
  confidence: 0.6,
  // The throttle is the named reason a placement or a deployment gave up; the generic findings about them are not.
  beats: ['placement-unexplained', 'circuit-breaker', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.',
        ],
      ],
      [
        [
          'log',
          'operation error ECS: DescribeServices, failed to get rate limit token, retry quota exceeded, 0 available, 5 requested',
        ],
      ],
      [
        [
          'log',
          'PriorRequestNotComplete: The request was rejected because Route 53 was still processing a prior request.',
        ],
      ],
      [
        [
          'log',
          'An error occurred (ThrottlingException) when calling the DescribeServices operation (reached max retries: 4): Rate exceeded',
        ],
      ],
      [['log', 'Error: Client.RequestLimitExceeded: Request limit exceeded.']],
    ],
    noMatch: [
      [['log', 'toomanyrequests: You have reached your pull rate limit. Rate exceeded for anonymous users.']],
    ],
  },
};
export default rule;
