import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { README, renderSlackExample, withExample } from './slack-example.js';

it("the README's Slack example is what the Slack channel sends", async () => {
  const readme = readFileSync(README, 'utf8');
  const example = await renderSlackExample();
  assert.match(example, /^:white_check_mark: \*shop\* deployed in 41\.2 s/m);
  assert.match(example, /<!subteam\^S0123ABC> rollback failed for api/);
  assert.equal(
    withExample(readme, example),
    readme,
    'README.md is stale: npm run build && node dist/test/notify/slack-example.js --write',
  );
});
