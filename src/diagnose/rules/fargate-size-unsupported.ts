import type { Rule } from '../types.js';

/*
 * Fargate runs only fixed CPU/memory pairs (256 CPU with 512–2048 MiB, 1024 CPU with 2–8 GiB, …); a task definition
 * with any other pair is refused when it is registered or run. Phrasings: `No Fargate configuration exists for given
 * values`, `Invalid CPU or memory value specified`, `The 'cpu' and 'memory' values … are not supported`, CDK's
 * validation of `memoryLimitMiB`/`cpu`. The fix is the sizes written in the template or the code generating it.
 */
const rule: Rule = {
  id: 'fargate-size-unsupported',
  category: 'cfn-template',
  match: [
    {
      in: ['log', 'stackEvent', 'serviceEvent', 'stoppedReason'],
      re: /No Fargate configuration exists for given values|Invalid 'cpu' setting for task|Invalid CPU or memory value specified|(?:'cpu' and 'memory'|CPU and memory) values? [^\n]{0,60}(?:not supported|invalid) (?:for|on) (?:Fargate|FARGATE)|memory(?:LimitMiB)? [^\n]{0,40}is not (?:a )?(?:valid|supported)[^\n]{0,40}Fargate/i,
    },
  ],
  cause:
    'The task asks Fargate for a CPU and memory pair Fargate does not offer, so the task definition was refused.',
  fix: "Use one of Fargate's CPU/memory pairs (e.g. 256 CPU with 512, 1024 or 2048 MiB; 1024 CPU with 2–8 GiB) in the task definition, or in the template or CDK code that sets it.",
  confidence: 0.86,
  beats: ['resource-request-invalid', 'template-error'],
  examples: {
    match: [
      [['log', 'No Fargate configuration exists for given values: 512 CPU, 4096 memory']],
      [
        [
          'stackEvent',
          'Resource handler returned message: "Invalid request provided: Create TaskDefinition: Invalid CPU or memory value specified"',
        ],
      ],
    ],
    noMatch: [[['log', 'Fargate task started with 512 CPU and 1024 memory']]],
  },
};
export default rule;
