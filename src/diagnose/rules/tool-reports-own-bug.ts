import type { Rule } from '../types.js';

/*
 * The deployment tool says the fault is its own: Terraform's `Provider produced inconsistent result after apply` /
 * `inconsistent final plan` with `This is a bug in the provider, which should be reported in the provider's own issue
 * tracker`, a provider plugin that crashed (`Plugin did not respond`, `The plugin encountered an error, and failed to
 * respond`, `The terraform-provider-aws_v… plugin crashed!`), `Terraform crashed!` and its `TERRAFORM CRASH` banner, and
 * other deploy tools' own admissions: "this is likely a bug in …", the Serverless Framework's `Please report this error. We
 * think it might be a bug.`, the SAM CLI's `An unexpected error was encountered while executing "sam deploy"`, Ansible's
 * `Unexpected Exception, this is probably a bug`, Pulumi's `fatal: An assertion has failed` / `We would appreciate a bug report`
 * (an app's own "please report this" is the app's crash, not this). The words around it name a
 * resource (a service, a load balancer, a task definition) only because that is what the tool was handling; the fix is
 * a retry, an upgrade or a pinned older version of the tool.
 */
const rule: Rule = {
  id: 'tool-reports-own-bug',
  category: 'other',
  match: [
    {
      re: /(?<what>Provider produced inconsistent (?:result after apply|final plan)|This is a bug in (?:the provider|Terraform|[\w@/.-]+), which should be reported|Plugin did not respond|The plugin encountered an error, and failed to respond|The [\w.-]+ plugin crashed!|Stack trace from the [\w.-]+ plugin:|Terraform crashed! This is always indicative of a bug|This is (?:most )?likely a bug in (?:the )?(?:aws-cdk|CDK|Terraform|provider|Docker|Compose|docker-compose|containerd|BuildKit|AWS CLI|aws-cli|botocore|Copilot|Serverless|SAM CLI|Pulumi|eksctl)\b|Please report this error\. We think it might be a bug|An unexpected error was encountered while executing "sam [\w-]+"|Unexpected Exception, this is probably a bug|fatal: An assertion has failed|We would appreciate a bug report|TERRAFORM CRASH)/i,
      not: /probably not a problem with npm/,
    },
  ],
  cause:
    'The deployment tool reported a bug of its own while deploying {service} ({what}); the resource it names was what it was handling, not what is wrong.',
  fix: "Retry once; if it recurs, upgrade (or pin the last good version of) the tool or provider and look for the message in its issue tracker, where a workaround is usually given; the service's definition does not need changing for this.",
  confidence: 0.8,
  beats: [
    'iac-definition-invalid',
    'resource-request-invalid',
    'template-error',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [
        ['log', 'Error: Provider produced inconsistent result after apply'],
        ['log', "This is a bug in the provider, which should be reported in the provider's own"],
      ],
      [['log', '│ Error: Plugin did not respond']],
      [
        [
          'log',
          '│ The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).ApplyResourceChange call. The plugin logs may contain more details.',
        ],
      ],
      [['log', 'Stack trace from the terraform-provider-aws_v5.31.0_x5 plugin:']],
      [['log', 'Error: The terraform-provider-aws_v5.31.0_x5 plugin crashed!']],
      [['log', 'Error: An unexpected error occurred. This is likely a bug in aws-cdk; please report it.']],
      [['log', '     Please report this error. We think it might be a bug.']],
      [['log', 'Error: An unexpected error was encountered while executing "sam deploy".']],
      [
        [
          'log',
          "ERROR! Unexpected Exception, this is probably a bug: 'NoneType' object has no attribute 'get'",
        ],
      ],
      [['log', 'panic: fatal: An assertion has failed: resource URN is empty']],
      [['log', '!!!!!!!!!!!!!!!!!!!!!!!!!!! TERRAFORM CRASH !!!!!!!!!!!!!!!!!!!!!!!!!!!!']],
    ],
    noMatch: [
      [
        [
          'log',
          'npm ERR! This is probably not a problem with npm. There is likely additional logging output above.',
        ],
      ],
      [['log', 'Error: Unsupported argument']],
      [['log', 'AssertionError: An assertion has failed in the checkout total']],
      [['log', "ERROR! the role 'webserver' was not found in /etc/ansible/roles"]],
    ],
  },
};
export default rule;
