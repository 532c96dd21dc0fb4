import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { cli, describeEachBackend, downAfterSuite, freePort, serviceYaml, stackDir } from '../e2e/helpers.js';
import { GitHubStandIn } from './receivers.js';

/** The real @octokit/rest client against a GitHub stand-in on 127.0.0.1 (issue 14, GitHub deployments). */

const TOKEN = 'ghp_plantedtoken0123456789';
const SHA = '0123456789abcdef0123456789abcdef01234567';

async function oneService(): Promise<string> {
  return stackDir(
    'notifygh',
    [serviceYaml('api', { port: await freePort() })],
    [
      'notify:',
      '  gh:',
      '    github:',
      '      token: "${GH_TOKEN}"',
      '      repository: acme/shop',
      '      environment: production',
      '      apiUrl: "${GH_URL}"',
      '      environmentUrl: https://shop.example.com',
      '    links: { dashboard: "https://convoy.example.com/stacks" }',
    ],
  );
}

describeEachBackend('notifications: GitHub deployments and commit statuses', () => {
  let gh: GitHubStandIn;
  const stack = downAfterSuite(oneService);
  before(async () => {
    gh = await new GitHubStandIn(TOKEN, 'acme/shop').listen();
  });
  after(() => gh.close());

  it('creates one deployment of the sha; its status goes in_progress → success; commit status convoy/<stack>', async () => {
    gh.deployments.length = gh.statuses.length = gh.commitStatuses.length = 0;
    gh.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 });
    const dir = await stack();
    // The CI run the deployment records is the status's log (no logUrl in the stack file).
    const ci = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '7',
    };
    const env = { GH_TOKEN: TOKEN, GH_URL: gh.url, GITHUB_SHA: SHA, GITHUB_RUN_ATTEMPT: '1', ...ci };
    const run = 'https://github.com/acme/shop/actions/runs/7';
    const r = await cli(['deploy'], { cwd: dir, env });
    assert.equal(r.code, 0, r.stderr);
    const flush = await cli(['notify', 'flush'], { cwd: dir, env });
    assert.equal(flush.code, 0, flush.stderr);
    assert.deepEqual(gh.deployments, [{ id: 1, ref: SHA, environment: 'production' }]);
    assert.deepEqual(
      gh.statuses.map((s) => [s.deployment, s.state, s.auto_inactive, s.environment_url, s.log_url]),
      [
        [1, 'in_progress', true, 'https://shop.example.com', run],
        [1, 'success', true, 'https://shop.example.com', run],
      ],
    );
    assert.deepEqual(
      gh.statuses.map((s) => s.description),
      ['deploying · correlation gh-7-1', 'deployment success · correlation gh-7-1'],
    );
    assert.deepEqual(
      gh.commitStatuses.map((s) => [s.sha, s.state, s.target_url]),
      [
        [SHA, 'pending', run],
        [SHA, 'success', run],
      ],
    );
    assert.ok(gh.commitStatuses.every((s) => s.context.startsWith('convoy/notifygh-')));
    assert.ok(!(r.stdout + r.stderr).includes(TOKEN));
  });
});
