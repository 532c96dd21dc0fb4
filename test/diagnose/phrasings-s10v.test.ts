import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part v: network-sg where the capture shows the network itself: a load balancer target unhealthy with no
 * answer while the task is fine, outbound mail that gets no answer, a host firewall shown rejecting, the internet's
 * package hosts not resolving inside a container. Written from how each tool words it (not copied from the corpus),
 * with routine lines around.
 */
const target = (health: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  service: 'web',
  targetHealth: [{ Target: { Id: '10.0.1.23', Port: 8080 }, TargetHealth: health }],
  ...extra,
});
const running = (healthStatus?: string) => ({
  tasks: [
    {
      lastStatus: 'RUNNING',
      containers: [{ name: 'web', lastStatus: 'RUNNING', ...(healthStatus ? { healthStatus } : {}) }],
    },
  ],
});

const cases: readonly PhrasingCase[] = [
  // The load balancer gets no answer while the task is fine.
  {
    name: 'an NLB target unhealthy with nothing else in the capture',
    expect: 'network-sg',
    rule: 'target-unhealthy-no-reason',
    capture: target({ State: 'unhealthy' }),
  },
  {
    name: "an ALB target unhealthy while the container's own health check passes",
    expect: 'network-sg',
    rule: 'target-unhealthy-no-reason',
    capture: target(
      { State: 'unhealthy' },
      { ...running('HEALTHY'), logs: { web: ['GET /health 200 1ms', 'GET /health 200 0ms'] } },
    ),
  },
  {
    name: "an NLB's FailedHealthChecks with no code",
    expect: 'network-sg',
    rule: 'target-unhealthy-no-reason',
    capture: target(
      { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
      running(),
    ),
  },
  // Outbound mail that gets no answer.
  {
    name: "Postfix's connect to an MX on port 25 timing out",
    expect: 'network-sg',
    rule: 'smtp-egress-no-answer',
    capture: {
      service: 'mail',
      logs: {
        mail: [
          'postfix/master[1]: daemon started -- version 3.7.6, configuration /etc/postfix',
          'postfix/qmgr[214]: 9C1F23A0: from=<noreply@example.org>, size=1822, nrcpt=1 (queue active)',
          'postfix/smtp[220]: connect to mx1.example.net[203.0.113.25]:25: Connection timed out',
        ],
      },
    },
  },
  {
    name: "lettre's SMTP timeout (Rust)",
    expect: 'network-sg',
    rule: 'smtp-egress-no-answer',
    capture: logged(
      '[INFO] Rocket has launched from http://0.0.0.0:80',
      '[mailer][ERROR] SMTP timeout error: Connection error: connection timed out',
    ),
  },
  {
    name: "PHPMailer's SMTP connect failure",
    expect: 'network-sg',
    rule: 'smtp-egress-no-answer',
    capture: logged(
      '[pool www] child 31 started',
      'SMTP ERROR: Failed to connect to server: Connection timed out (110)',
    ),
  },
  {
    name: "JavaMail's MailConnectException",
    expect: 'network-sg',
    rule: 'smtp-egress-no-answer',
    capture: logged(
      'INFO  o.s.b.w.e.tomcat.TomcatWebServer - Tomcat started on port(s): 8080 (http)',
      "ERROR c.e.mail.Notifier - com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.com, 587; timeout -1;",
      '  nested exception is: java.net.ConnectException: Connection timed out',
    ),
  },
  {
    name: "nodemailer's connect timeout to a submission port",
    expect: 'network-sg',
    rule: 'smtp-egress-no-answer',
    capture: logged(
      'Server listening on :3000',
      'Error: connect ETIMEDOUT 198.51.100.7:587',
      '    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)',
    ),
  },
  // A host firewall shown rejecting beside a failed connection.
  {
    name: "an iptables listing's REJECT beside curl's no route to host",
    expect: 'network-sg',
    rule: 'host-firewall-blocks',
    capture: {
      service: 'agent',
      logs: {
        agent: ['agent started, proxy at http://host.docker.internal:3001'],
        host: [
          'Chain INPUT (policy ACCEPT)',
          'ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0            state NEW tcp dpt:22',
          'REJECT     all  --  0.0.0.0/0            0.0.0.0/0            reject-with icmp-host-prohibited',
        ],
        probe: ['curl: (7) Failed to connect to host.docker.internal port 3001: No route to host'],
      },
    },
  },
  {
    name: "nftables' reject beside a timeout",
    expect: 'network-sg',
    rule: 'host-firewall-blocks',
    capture: {
      service: 'api',
      logs: {
        api: ['listening on :8080', 'Error: connect ETIMEDOUT 172.17.0.1:5432'],
        nft: [
          'table inet filter {',
          '  chain input { type filter hook input priority 0; policy drop;',
          '    reject with icmp type host-prohibited',
        ],
      },
    },
  },
  {
    name: "ufw's BLOCK kernel log beside a refused connection",
    expect: 'network-sg',
    rule: 'host-firewall-blocks',
    capture: {
      service: 'api',
      logs: {
        api: [
          'starting worker',
          'psycopg2.OperationalError: could not connect to server: Connection refused',
        ],
        kernel: [
          '[UFW BLOCK] IN=docker0 OUT= PHYSIN=veth3a1 SRC=172.17.0.3 DST=172.17.0.1 PROTO=TCP SPT=40122 DPT=5432',
        ],
      },
    },
  },
  {
    name: "firewalld's FINAL_REJECT log beside a timeout",
    expect: 'network-sg',
    rule: 'host-firewall-blocks',
    capture: {
      service: 'api',
      logs: {
        api: ['worker booted', 'redis.exceptions.TimeoutError: Timeout connecting to server'],
        kernel: ['FINAL_REJECT: IN=docker0 OUT= SRC=172.17.0.4 DST=172.17.0.1 PROTO=TCP DPT=6379'],
      },
    },
  },
  // The internet's package hosts do not resolve inside the container.
  {
    name: "apt's could not resolve a Debian mirror",
    expect: 'network-sg',
    rule: 'public-host-not-resolved',
    capture: logged(
      'Step 3/9 : RUN apt-get update',
      'Err:1 http://deb.debian.org/debian bookworm InRelease',
      "  Temporary failure resolving 'deb.debian.org'",
      "W: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not resolve 'deb.debian.org'",
    ),
  },
  {
    name: "wget's failed resolve of github.com",
    expect: 'network-sg',
    rule: 'public-host-not-resolved',
    capture: logged(
      '--2024-02-01 10:00:00--  https://github.com/org/tool/releases/download/v1/tool.tgz',
      'Resolving github.com (github.com)... failed: Temporary failure in name resolution.',
    ),
  },
  {
    name: "curl's could not resolve host (raw.githubusercontent.com)",
    expect: 'network-sg',
    rule: 'public-host-not-resolved',
    capture: logged('installing plugin', 'curl: (6) Could not resolve host: raw.githubusercontent.com'),
  },
  {
    name: "npm's EAI_AGAIN on the registry",
    expect: 'network-sg',
    rule: 'public-host-not-resolved',
    capture: logged(
      'npm ci --omit=dev',
      'npm ERR! code EAI_AGAIN',
      'npm ERR! request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
    ),
  },
  {
    name: "pip's name resolution failure on PyPI",
    expect: 'network-sg',
    rule: 'public-host-not-resolved',
    capture: logged(
      'Collecting flask==3.0.0',
      "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/ (pypi.org)",
      'ERROR: Could not find a version that satisfies the requirement flask==3.0.0',
    ),
  },
];

describe('session 10 part v: the network shown in the capture', () => {
  itNamesEach(cases);

  it('a target failing with a response code is the health check, not the network', () => {
    const f = diagnose(
      target(
        {
          State: 'unhealthy',
          Reason: 'Target.ResponseCodeMismatch',
          Description: 'Health checks failed with these codes: [404]',
        },
        running('HEALTHY'),
      ),
    );
    assert.ok(!f.some((x) => x.rule === 'target-unhealthy-no-reason'));
  });

  it('an unhealthy target beside a task that logs its own crash is not read as the network', () => {
    const f = diagnose(
      target({ State: 'unhealthy' }, { logs: { web: ["Error: Cannot find module '/app/server.js'"] } }),
    );
    assert.ok(!f.some((x) => x.rule === 'target-unhealthy-no-reason'));
  });

  it('a local mail catcher that does not answer is a dependency, not egress', () => {
    const f = diagnose(logged('SMTP error: connect ETIMEDOUT mailhog:1025'));
    assert.ok(!f.some((x) => x.rule === 'smtp-egress-no-answer'));
  });

  it('a bare timeout with no mail port stays the ambiguous timeout', () => {
    const top = diagnose(logged('Error: connect ETIMEDOUT 10.0.0.109:5432'))[0]!;
    assert.equal(top.category, 'other');
  });

  it("Docker's isolation DROP rules in a listing are routine", () => {
    const f = diagnose({
      service: 'api',
      logs: {
        api: ['Error: connect ETIMEDOUT 172.18.0.5:5432'],
        host: [
          'Chain DOCKER-ISOLATION-STAGE-2 (1 references)',
          'DROP       all  --  anywhere             anywhere',
        ],
      },
    });
    assert.ok(!f.some((x) => x.rule === 'host-firewall-blocks'));
  });

  it("the daemon's lost chains stay the platform's", () => {
    const top = diagnose(
      logged(
        'docker: Error response from daemon: driver failed programming external connectivity on endpoint web (4f1d): iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT --to-destination 172.17.0.2:8080 ! -i docker0: iptables: No chain/target/match by that name.',
      ),
    )[0]!;
    assert.equal(top.category, 'other');
  });

  it("an app's own dependency host that does not resolve stays name-not-resolved", () => {
    const top = diagnose(logged('Error: getaddrinfo ENOTFOUND postgres'))[0]!;
    assert.notEqual(top.rule, 'public-host-not-resolved');
  });
});
