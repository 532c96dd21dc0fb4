import type { Rule } from '../types.js';

/*
 * ECR Public's API, and so its login token, is served from us-east-1 (and us-west-2) only: a client configured for
 * the deploy's own region looks up `api.ecr-public.<region>.amazonaws.com`, a name that does not exist, and each SDK
 * reports it as a lookup or connection failure. Nothing is wrong with the network; the login's region is.
 */
const rule: Rule = {
  id: 'ecr-public-region',
  category: 'image-pull',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'stackEvent'],
      re: /(?:ENOTFOUND|EAI_AGAIN|no such host|Could not connect to the endpoint URL|UnknownHostException|Name or service not known|nodename nor servname|Could not resolve host|Unable to execute HTTP request)[^\n]*?\b(?:api\.)?ecr-public\.(?!us-east-1\b|us-west-2\b)(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com|\b(?:api\.)?ecr-public\.(?!us-east-1\b|us-west-2\b)(?<region2>[a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com[^\n]*?(?:no such host|ENOTFOUND|Name or service not known|UnknownHostException|Could not resolve host)/,
    },
  ],
  cause:
    "{service} asked for ECR Public's API in {region,region2|another region}, where it is not served (only us-east-1), so its login to public.ecr.aws failed.",
  fix: 'Authenticate to ECR Public with region us-east-1 (`aws ecr-public get-login-password --region us-east-1`, or a separate us-east-1 provider or client for the token), whatever region the deploy runs in.',
  confidence: 0.85,
  beats: ['name-not-resolved', 'public-host-not-resolved', 'aws-endpoint-no-answer'],
  examples: {
    match: [
      [['log', 'Error: getaddrinfo ENOTFOUND api.ecr-public.ap-southeast-1.amazonaws.com']],
      [['log', 'Could not connect to the endpoint URL: "https://api.ecr-public.eu-west-1.amazonaws.com/"']],
    ],
    noMatch: [
      [['log', 'Could not connect to the endpoint URL: "https://api.ecr-public.us-east-1.amazonaws.com/"']],
      [['log', 'Error: getaddrinfo ENOTFOUND api.ecr.eu-west-1.amazonaws.com']],
    ],
  },
};
export default rule;
