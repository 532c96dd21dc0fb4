import type { Rule } from '../types.js';

/*
 * The app sends an ACL with its S3 uploads (django-storages' `AWS_DEFAULT_ACL`, a `public-read` default in an SDK
 * wrapper, Rails' Active Storage `acl:`), but the bucket has ACLs disabled, which S3 does for every new bucket since
 * 2023 (Object Ownership: bucket owner enforced). No permission is missing: the app's setting is what fails.
 */
const rule: Rule = {
  id: 'bucket-acl-not-supported',
  category: 'config-env',
  match: [{ in: ['log'], re: /AccessControlListNotSupported|The bucket does not allow ACLs/ }],
  cause:
    "{service}'s uploads send an ACL, but the S3 bucket has ACLs disabled (Object Ownership: bucket owner enforced).",
  fix: "Stop sending an ACL from the app's storage settings (e.g. `AWS_DEFAULT_ACL = None` for django-storages) and grant access with a bucket policy; only if ACLs are really needed, set the bucket's Object Ownership to allow them.",
  confidence: 0.8,
  beats: ['iam-not-authorized'],
  examples: {
    match: [
      [
        [
          'log',
          'botocore.exceptions.ClientError: An error occurred (AccessControlListNotSupported) when calling the PutObject operation: The bucket does not allow ACLs',
        ],
      ],
    ],
    noMatch: [
      [['log', 'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied']],
    ],
  },
};
export default rule;
