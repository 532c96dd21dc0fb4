import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AMBIGUITY_SETS } from '../../src/diagnose/ambiguity.js';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part p: `other`, where the platform or the tool is at fault. A container runtime whose records contradict
 * each other, a stop the orchestrator asked for that the runtime did not carry out, deploy tools admitting a bug of
 * their own; and evidence whose second reading is the platform's (a transform's rejection, a role a service could not
 * use, a port already in use). Written from how each tool words it (not copied from the corpus), with routine lines
 * around.
 */
const host = (source: string, ...lines: string[]) => ({
  service: 'api',
  logs: { [source]: ['systemd[1]: Started Docker Application Container Engine.', ...lines] },
});

const cases: readonly PhrasingCase[] = [
  // The runtime's own records disagree.
  {
    name: 'dockerd deleting a container containerd does not have, then containerd refusing an existing task',
    expect: 'other',
    rule: 'runtime-state-conflict',
    capture: host(
      'dockerd',
      'level=info msg="Loading containers: done."',
      'level=error msg="cleanup: failed to delete container from containerd: no such container"',
      'level=error msg="failed to start container" error="task 9d2e41f0 already exists: unknown"',
    ),
  },
  {
    name: "the CRI plugin's name still reserved",
    expect: 'other',
    rule: 'runtime-state-conflict',
    capture: host(
      'kubelet',
      'I0412 10:02:11.120 kubelet.go:2117] "SyncLoop ADD" source="api" pods=["default/api-7c9d"]',
      'E0412 10:02:15.331 pod_workers.go:951] Error syncing pod: failed to "CreateContainer" for "api" with CreateContainerError: "failed to reserve container name \\"api_api-7c9d_default_31f_0\\": name \\"api_api-7c9d_default_31f_0\\" is reserved for \\"5be0c2\\""',
    ),
  },
  {
    name: "CRI-O's name still reserved",
    expect: 'other',
    rule: 'runtime-state-conflict',
    capture: host(
      'crio',
      'level=info msg="Running pod sandbox: default/api-7c9d"',
      'level=error msg="Kubelet may be retrying requests that are timing out in CRI-O due to system load. Currently at stage container creation: error reserving ctr name k8s_api_api-7c9d_default_31f_1 for id 77ab: name is reserved"',
    ),
  },
  {
    name: "runc's container id that exists",
    expect: 'other',
    rule: 'runtime-state-conflict',
    capture: host(
      'containerd',
      'level=info msg="starting containerd" version=1.7.2',
      'level=error msg="RunContainer failed" error="runc create failed: container with given ID already exists"',
    ),
  },
  {
    name: "libnetwork's stale endpoint",
    expect: 'other',
    rule: 'runtime-state-conflict',
    capture: logged(
      'Creating api ... error',
      'ERROR: for api  Cannot start service api: endpoint with name api already exists in network app_default',
    ),
  },
  // A stop that did not happen.
  {
    name: 'the ECS agent stopping a container that docker ps still shows up',
    expect: 'other',
    rule: 'stop-not-applied',
    capture: {
      service: 'web',
      tasks: [{ lastStatus: 'PENDING', desiredStatus: 'RUNNING' }],
      logs: {
        'ecs-agent': [
          '2024-03-02T10:00:01Z [INFO] Managed task [arn:aws:ecs:eu-west-1:1:task/web/4c2a]: task at steady state: RUNNING',
          '2024-03-02T10:20:13Z [INFO] Stopping container module="TaskEngine" task="web:41 arn:aws:ecs:eu-west-1:1:task/web/4c2a, Status: (RUNNING->STOPPED)"',
        ],
        'docker-ps': [
          'CONTAINER ID   IMAGE          COMMAND         CREATED          STATUS          PORTS                   NAMES',
          '8a7f3e21c0d4   web:41   "node server.js"   31 minutes ago   Up 31 minutes   0.0.0.0:32771->3000/tcp   ecs-web-41-web-e6b4',
        ],
      },
    },
  },
  {
    name: "the ECS agent's stop that timed out",
    expect: 'other',
    rule: 'stop-not-applied',
    capture: {
      service: 'web',
      logs: {
        'ecs-agent': [
          '2024-03-02T10:00:01Z [INFO] Task engine: pulling image web:41',
          "2024-03-02T10:20:13Z [INFO] DockerTimeoutError for 'docker stop' of container; ignoring state change; task: web:41 Status: (RUNNING->STOPPED) error: Could not transition to stopped; timed out after waiting 30s",
        ],
      },
    },
  },
  {
    name: "Docker's kill that got no exit event",
    expect: 'other',
    rule: 'stop-not-applied',
    capture: logged(
      '$ docker compose down',
      'Error response from daemon: cannot stop container: 8a7f3e21c0d4: tried to kill container, but did not receive an exit event',
    ),
  },
  {
    name: "Docker's kill refused by AppArmor",
    expect: 'other',
    rule: 'stop-not-applied',
    capture: logged(
      '$ docker stop api',
      'Error response from daemon: Cannot kill container: 8a7f3e21c0d4: permission denied',
    ),
  },
  // Deploy tools admitting a bug of their own.
  {
    name: "the Serverless Framework's own bug box",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      service: 'api',
      logs: {
        sls: [
          'Serverless: Packaging service...',
          '  Type Error ---------------------------------------------',
          "  TypeError: Cannot read property 'Properties' of undefined",
          '     Please report this error. We think it might be a bug.',
        ],
      },
    },
  },
  {
    name: "the SAM CLI's unexpected error",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      service: 'api',
      logs: {
        sam: [
          'Uploading to api/3f1a2b.template  1234 / 1234  (100.00%)',
          'Error: An unexpected error was encountered while executing "sam deploy".',
          'Search for an existing issue:',
        ],
      },
    },
  },
  {
    name: "Ansible's unexpected exception",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      service: 'api',
      logs: {
        ansible: [
          'PLAY [deploy api] **************************************************************',
          "ERROR! Unexpected Exception, this is probably a bug: 'NoneType' object has no attribute 'get'",
        ],
      },
    },
  },
  {
    name: "Pulumi's failed assertion",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      service: 'api',
      logs: {
        pulumi: [
          'Updating (dev):',
          'panic: fatal: An assertion has failed: unexpected resource state',
          'We would appreciate a bug report: https://github.com/pulumi/pulumi/issues',
        ],
      },
    },
  },
  {
    name: "Terraform's crash banner",
    expect: 'other',
    rule: 'tool-reports-own-bug',
    capture: {
      service: 'api',
      logs: {
        terraform: [
          'aws_ecs_service.api: Modifying... [id=arn:aws:ecs:eu-west-1:1:service/app/api]',
          '!!!!!!!!!!!!!!!!!!!!!!!!!!! TERRAFORM CRASH !!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        ],
      },
    },
  },
];

/** Evidence whose second reading is the platform's or the tool's: `other` is among the top three. */
interface FamilyCase {
  name: string;
  family: string;
  capture: unknown;
}

const stack = (message: string) => ({
  service: 'api',
  stackEvents: [
    {
      LogicalResourceId: 'app',
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    },
    { LogicalResourceId: 'app', ResourceStatus: 'ROLLBACK_IN_PROGRESS', ResourceStatusReason: message },
  ],
});

const families: readonly FamilyCase[] = [
  {
    name: 'the SAM transform through the CLI',
    family: 'a template a transform rejected',
    capture: {
      service: 'api',
      logs: {
        'aws-cli': [
          'Waiting for changeset to be created..',
          'Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Api] is invalid. Event with id [Root] is invalid.',
        ],
      },
    },
  },
  {
    name: "AWS::Include's rejection in a stack event",
    family: 'a template a transform rejected',
    capture: stack(
      "Transform AWS::Include failed with: The specified S3 object's content should be valid Yaml/JSON",
    ),
  },
  {
    name: "an account macro's rejection",
    family: 'a template a transform rejected',
    capture: stack('Transform 123456789012::Expand failed with: Failed to execute transform'),
  },
  {
    name: 'ECS refusing a service role, through CloudFormation',
    family: 'a role a service could not use',
    capture: stack(
      'Resource handler returned message: "Invalid request provided: CreateService error: Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."',
    ),
  },
  {
    name: 'ECS refusing a service role, through Terraform',
    family: 'a role a service could not use',
    capture: {
      service: 'api',
      logs: {
        terraform: [
          'aws_iam_role.ecs_service: Creation complete after 1s [id=api-ecs-service]',
          'Error: creating ECS Service (api): InvalidParameterException: Unable to assume role and validate the listeners configured on your load balancer. Please verify that the ECS service role being passed has the proper permissions.',
        ],
      },
    },
  },
  {
    name: 'ECS refusing a service role, through the AWS CLI',
    family: 'a role a service could not use',
    capture: {
      service: 'api',
      logs: {
        'aws-cli': [
          '$ aws ecs create-service --cli-input-json file://service.json',
          'An error occurred (InvalidParameterException) when calling the CreateService operation: Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.',
        ],
      },
    },
  },
  {
    name: "EC2's instance profile not yet usable",
    family: 'a role a service could not use',
    capture: stack(
      'Value (api-instance-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    ),
  },
  {
    name: "Docker's userland proxy on a taken port",
    family: 'a port already in use',
    capture: logged(
      'docker: Error response from daemon: driver failed programming external connectivity on endpoint api (3f1c): Error starting userland proxy: listen tcp4 0.0.0.0:53: bind: address already in use.',
    ),
  },
  {
    name: "Docker's port already allocated",
    family: 'a port already in use',
    capture: logged('Error response from daemon: Bind for 0.0.0.0:8080 failed: port is already allocated'),
  },
  {
    name: "Node's EADDRINUSE",
    family: 'a port already in use',
    capture: logged('Error: listen EADDRINUSE: address already in use :::3000'),
  },
];

describe('session 10 part p: the platform or the tool at fault', () => {
  itNamesEach(cases);

  for (const c of families) {
    it(`${c.name}: every reading of ${c.family}, \`other\` among them, is in the top three`, () => {
      const set = AMBIGUITY_SETS.find((s) => s.family === c.family)!;
      assert.ok(set.categories.includes('other'));
      const findings = diagnose(c.capture);
      const top = findings[0]!;
      assert.ok(set.rules.includes(top.rule ?? ''), `top finding by ${top.rule ?? 'no rule'}: ${top.cause}`);
      const three = findings.slice(0, 3).map((f) => f.category);
      for (const category of set.categories)
        assert.ok(three.includes(category), `${category} not in ${three.join(', ')}`);
    });
  }

  it("a container name the user left in use is not the runtime's state", () => {
    const f = diagnose(
      logged(
        'docker: Error response from daemon: Conflict. The container name "/api" is already in use by container "8a7f3e21c0d4". You have to remove (or rename) that container to be able to reuse that name.',
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'runtime-state-conflict'), 'runtime-state-conflict fired');
  });

  it('a stop beside a container shown unhealthy is not a stop that did not happen', () => {
    const f = diagnose({
      service: 'web',
      logs: {
        'ecs-agent': [
          '[INFO] Stopping container module="TaskEngine" task="web:41", Status: (RUNNING->STOPPED)',
        ],
        'docker-ps': [
          '8a7f3e21c0d4   web:41   "node server.js"   3 minutes ago   Up 3 minutes (unhealthy)   3000/tcp   web',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'stop-not-applied'), 'stop-not-applied fired');
  });

  it("an app's own failed assertion is not a tool's bug", () => {
    const f = diagnose(logged('AssertionError: An assertion has failed in the checkout total'));
    assert.ok(!f.some((x) => x.rule === 'tool-reports-own-bug'), 'tool-reports-own-bug fired');
  });

  it("ECS unable to assume a task's role stays role-not-assumable", () => {
    const f = diagnose({
      service: 'api',
      services: [
        {
          serviceName: 'api',
          events: [
            {
              message:
                "(service api) failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::1:role/api-exec' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions).",
            },
          ],
        },
      ],
    });
    assert.equal(f[0]!.rule, 'role-not-assumable');
  });
});
