import type { Rule } from '../types.js';

/*
 * A deployment tool written for the JVM threw a programming error of its own: an unchecked exception
 * (`IllegalArgumentException`, `NullPointerException`, `IllegalStateException`, `ClassCastException`, an index out of
 * bounds) whose frames are the tool's, the Java counterpart of the Go panics and Python errors platform-agent-crashed
 * reads: Jenkins and its plugins (`hudson.`, `jenkins.`, `org.jenkinsci.plugins.`, `com.cloudbees.jenkins.plugins.`,
 * such as the amazon-ecs plugin), Jib's Maven and Gradle plugins, Spinnaker, TeamCity and Bamboo agents, the AWS Toolkit
 * for JetBrains. The stack never reaches the service's code, so the fix is the tool's release (or a setting its
 * release began to need), not the service.
 */
const rule: Rule = {
  id: 'tool-java-exception',
  category: 'other',
  match: [
    {
      in: ['log'],
      re: /(?<exception>java\.lang\.(?:IllegalArgumentException|NullPointerException|IllegalStateException|ClassCastException|(?:ArrayIndex|StringIndex|Index)OutOfBoundsException|UnsupportedOperationException))\b/,
    },
    {
      in: ['log'],
      re: /^(?:\[\w+\])?\s*at (?<tool>hudson\.|jenkins\.|org\.jenkinsci\.plugins\.|com\.cloudbees\.jenkins\.plugins\.|com\.google\.cloud\.tools\.jib\.|com\.netflix\.spinnaker\.|jetbrains\.buildServer\.|com\.atlassian\.bamboo\.|software\.aws\.toolkits\.)[\w.$<>]+\(/,
    },
  ],
  cause:
    "A deployment tool's own code threw {exception} while handling {service} (frames in {tool}…): a bug or a setting its release needs, not the service.",
  fix: "Look the stack trace up in the tool's (or plugin's) issue tracker: update to the release that fixes it, roll back to the last version that worked, or set the option the new release requires.",
  confidence: 0.6,
  beats: ['uncaught-exception'],
  examples: {
    match: [
      [
        ['log', 'java.lang.IllegalArgumentException'],
        ['log', '\tat hudson.slaves.NodeProvisioner$PlannedNode.<init>(NodeProvisioner.java:102)'],
      ],
      [
        [
          'log',
          '[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build: java.lang.NullPointerException',
        ],
        [
          'log',
          '    at com.google.cloud.tools.jib.plugins.common.PluginConfigurationProcessor.getAppRootChecked(PluginConfigurationProcessor.java:771)',
        ],
      ],
      [
        ['log', 'java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING'],
        [
          'log',
          '\tat com.netflix.spinnaker.clouddriver.ecs.deploy.ops.CreateServerGroupAtomicOperation.operate(CreateServerGroupAtomicOperation.java:120)',
        ],
      ],
      [
        ['log', 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null'],
        [
          'log',
          '\tat jetbrains.buildServer.clouds.amazon.ecs.EcsCloudClient.startNewInstance(EcsCloudClient.java:88)',
        ],
      ],
    ],
    noMatch: [
      [
        ['log', 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null'],
        ['log', '\tat com.example.orders.OrderService.place(OrderService.java:42)'],
      ],
      [
        ['log', 'INFO hudson.slaves.NodeProvisioner lambda$update$6'],
        ['log', 'java.net.ConnectException: Connection refused'],
      ],
    ],
  },
};
export default rule;
