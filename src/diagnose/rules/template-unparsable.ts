import type { Rule } from '../types.js';

/*
 * The template (or the framework file a template is generated from) is not valid YAML or JSON, so the tool stopped
 * before asking CloudFormation anything: the AWS CLI's and cfn-lint's PyYAML (`while parsing a block mapping`,
 * `mapping values are not allowed here`, with the quoted template line), SAM CLI's `Failed to parse template`, the
 * Serverless Framework's js-yaml (`Cannot parse "serverless.yml": bad indentation of a mapping entry`), Copilot's and
 * other Go tools' `yaml: line N:`. The same parser words about a Compose file or an app's config are not the
 * template, so a sign that a template was being read is required.
 */
const rule: Rule = {
  id: 'template-unparsable',
  category: 'cfn-template',
  match: [
    {
      re: /(?<what>while (?:parsing a (?:block|flow) (?:mapping|sequence|node)|scanning a (?:simple key|plain scalar|quoted scalar))|mapping values are not allowed (?:here|in this context)|could not find expected ':'|found character '\\t' that cannot start any token|did not find expected (?:key|'-' indicator)|bad indentation of a (?:mapping entry|sequence entry)|YAMLException: [^\n]{0,80}|Failed to parse template[^\n]{0,80}|Expecting (?:property name enclosed in double quotes|',' delimiter): line \d+)/,
    },
    {
      re: /AWSTemplateFormatVersion|Failed to parse template|Transform: AWS::Serverless|aws cloudformation (?:package|deploy|validate-template|create-stack|update-stack)|\bsam (?:build|deploy|validate|package)\b|cfn-lint|\bE0000\b|Cannot parse "serverless\.(?:ya?ml|json)"|(?:^|[\s/'"])(?:template|serverless|packaged)\.(?:ya?ml|json)\b|unmarshal manifest for/,
    },
  ],
  unless: [{ re: /docker-compose\.ya?ml|compose\.ya?ml|Chart\.yaml|helm/i }],
  cause: 'The template could not be parsed ({what}), so nothing was deployed: its YAML or JSON is malformed.',
  fix: 'Fix the syntax at (or just before) the line the parser names: indentation, a tab, a missing colon or quote, an unquoted value starting with a special character; `cfn-lint` or `aws cloudformation validate-template` finds it locally. Then deploy again.',
  confidence: 0.8,
  beats: ['template-error', 'config-file-invalid', 'uncaught-exception'],
  examples: {
    match: [
      [
        ['log', 'while parsing a block mapping'],
        ['log', '  in "<string>", line 1, column 1:'],
        ['log', "    AWSTemplateFormatVersion: '2010-09-09'"],
      ],
      [['log', 'Error: Failed to parse template: mapping values are not allowed here']],
      [['log', 'Cannot parse "serverless.yml": bad indentation of a mapping entry (14:5)']],
    ],
    noMatch: [
      [
        ['log', 'yaml: line 12: mapping values are not allowed in this context'],
        ['log', 'docker-compose.yml is invalid'],
      ],
      [['log', 'while parsing a block mapping in "/etc/app/config.yaml", line 3, column 1']],
    ],
  },
};
export default rule;
