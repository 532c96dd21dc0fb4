import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStack } from '../../src/spec/load.js';
import { assertAt, invalid, writeStack } from '../spec/fixtures.js';

/** The notify: block's filters and links: what loads, and the error (file:line:column: field) for what does not. */

const stack = (channel: string) => `stack: shop
notify:
  team:
${channel}
services:
  web:
    local: { command: node }
`;
const SLACK = '    slack: { token: "xoxb-1", channel: "#deploys", mention: "<!subteam^S0123ABC>" }';
const load =
  (text: string, env: Record<string, string> = {}) =>
  () =>
    loadStack(writeStack(text), { env });

describe('notify: filters and links in the stack file', () => {
  it('loads outcomes, links (with ${VAR}s) and a Slack mention', () => {
    const text = stack(
      [
        SLACK,
        '    events: ["deploy.*", service.failed]',
        '    outcomes: [failed, rollback-failed]',
        '    links: { console: "https://console.example.com/ecs/shop", ci: "${CI_URL}", dashboard: "${DASH:-}" }',
      ].join('\n'),
    );
    const s = loadStack(writeStack(text), { env: { CI_URL: 'https://ci.example.com/run/7' } });
    const team = s.notify![0]!;
    assert.deepEqual(team.outcomes, ['failed', 'rollback-failed']);
    assert.deepEqual(team.links, {
      console: 'https://console.example.com/ecs/shop',
      ci: 'https://ci.example.com/run/7',
      dashboard: '',
    });
    assert.equal(team.slack?.mention, '<!subteam^S0123ABC>');
  });

  it('accepts several mentions, and a mention on an incoming webhook', () => {
    const text = stack(
      '    slackWebhook: { url: "https://hooks.example.com/x", mention: "<@U0123ABC> <!here>" }',
    );
    assert.equal(loadStack(writeStack(text)).notify![0]!.slackWebhook?.mention, '<@U0123ABC> <!here>');
  });

  it('points at an unknown channel field and suggests the known one', () => {
    const text = stack(`${SLACK}\n    outcome: [failed]`);
    const err = invalid(load(text));
    assertAt(err, text, 'outcome:', 'notify.team.outcome');
    assert.equal(err.hint, 'did you mean "outcomes"?');
  });

  it('names the outcomes there are', () => {
    const text = stack(`${SLACK}\n    outcomes: [failed, rolled-back]`);
    const err = invalid(load(text));
    assertAt(err, text, 'rolled-back', 'notify.team.outcomes.1');
    assert.match(err.message, /expected one of "succeeded", "failed", "rollback-failed", "interrupted"/);
  });

  it('lists the known links for an unknown one', () => {
    const text = stack(`${SLACK}\n    links: { grafana: "https://grafana.example.com" }`);
    const err = invalid(load(text));
    assertAt(err, text, 'grafana', 'notify.team.links.grafana');
    assert.equal(err.hint, 'known fields: console, ci, dashboard');
  });

  it('refuses a link that is not a URL', () => {
    const text = stack(`${SLACK}\n    links: { console: "console.example.com" }`);
    const err = invalid(load(text));
    assertAt(err, text, '"console.example.com"', 'notify.team.links.console');
    assert.match(err.message, /expected an http\(s\) URL/);
  });

  it("refuses a mention Slack would not page with, saying Slack's syntax", () => {
    const text = stack(SLACK.replace('<!subteam^S0123ABC>', '@oncall'));
    const err = invalid(load(text));
    assertAt(err, text, '"@oncall"', 'notify.team.slack.mention');
    assert.match(err.message, /expected a Slack mention such as "<!subteam\^S0123ABC>"/);
  });
});
