import type { Rule } from '../types.js';

/*
 * A client tool refused a region from a list it carries itself: `Fargate is currently not supported in this region.
 * Fargate is supported in the regions: us-east-1, …`, `… is not available in the selected region. Available regions:
 * …`. The service answers an unsupported region with an error of its own and never lists regions; a list printed by
 * the tool is the tool's, and it goes out of date as AWS adds regions, so a region missing from it is the tool's fault.
 */
const rule: Rule = {
  id: 'client-region-list',
  category: 'other',
  match: [
    {
      in: ['log', 'localField'],
      re: /(?<what>[\w -]{0,40}\bis (?:currently )?not (?:yet )?(?:supported|available) in (?:this|the selected|your|the current|the chosen) region)[^\n]{0,120}?\b(?:supported|available)(?: in)?(?: the)?(?: following)? regions?(?: are)?:?\s+\(?(?:[a-z]{2}(?:-gov)?-[a-z]+-\d)/i,
    },
  ],
  cause:
    "The tool used to deploy {service} refused the region from its own list of supported regions ({what}); that list is the tool's and older than the service's.",
  fix: "Check AWS's regional services list for the feature; if the region has it, upgrade the tool (or use the AWS CLI / SDK directly) rather than changing region.",
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'log',
          'Fargate is currently not supported in this region. Fargate is supported in the regions: us-east-1, us-east-2, eu-west-1',
        ],
      ],
      [
        [
          'log',
          'Error: App Runner is not available in the selected region. Available regions: us-east-1, us-east-2, us-west-2, ap-northeast-1',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'An error occurred (InvalidParameterException) when calling the CreateService operation: The specified platform does not exist in this region.',
        ],
      ],
    ],
  },
};
export default rule;
