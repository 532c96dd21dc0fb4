import type { Rule } from '../types.js';

/*
 * Outbound mail that gets no answer: the mail servers of the internet are up, and most clouds (EC2, GCP, Azure, new
 * DigitalOcean accounts) and many ISPs block or throttle outbound port 25, while a private or isolated subnet has no
 * route out at all, so a mail client's connect timeout or unreachable network is egress being dropped rather than a
 * dependency that is down. This is not the bare timeout (connect-timeout-ambiguous): the line names the mail
 * protocol or a mail port. Local mail catchers (MailHog, Mailpit, MailDev, port 1025) are a dependency and left out.
 */
const TIMEOUT = String.raw`(?:connection )?timed? ?out|timeout|ETIMEDOUT|Network is unreachable|(?:Errno|os error) 101\b`;
const rule: Rule = {
  id: 'smtp-egress-no-answer',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField'],
      re: new RegExp(
        [
          // Postfix, Exim and most MTAs: `connect to mx.example.com[1.2.3.4]:25: Connection timed out`
          String.raw`connect to \S+\[[^\]]*\]:(?:25|465|587): (?:Connection timed out|Network is unreachable)`,
          // clients that name the protocol: lettre `SMTP timeout error`, PHPMailer `SMTP ERROR: Failed to connect to server: Connection timed out`,
          // nodemailer `SMTPConnection` frames, Python's smtplib, JavaMail's MailConnectException, .NET's SmtpException
          String.raw`\b(?:SMTP|smtplib|SMTPConnection|MailConnectException|SmtpException)\b[^\n]{0,200}?(?:${TIMEOUT})`,
          // the timeout first and the mail client's frame after it: Ruby's `Net::OpenTimeout` above `net/smtp.rb`,
          // nodemailer's `Error: Connection timeout` above `SMTPConnection._formatError`
          String.raw`(?:${TIMEOUT})[^\n]{0,200}?(?:\bnet\/smtp\.rb|\bSMTPConnection\.)`,
          // a timeout naming a mail port: `connect ETIMEDOUT 142.250.1.27:587`, `dial tcp 1.2.3.4:25: i/o timeout`
          String.raw`(?:ETIMEDOUT|dial tcp) [\w.\[\]:-]+:(?:25|465|587)\b`,
          String.raw`(?:smtp|mail)[\w.-]*, (?:25|465|587); timeout`,
        ].join('|'),
        'i',
      ),
      not: /mailhog|mailpit|maildev|smtp4dev|:1025\b|, 1025;/i,
      span: 3,
    },
  ],
  cause:
    "{service}'s outgoing mail connections get no answer: the network drops traffic to the mail servers' ports (a provider's port 25 block, a security group or network ACL without that egress, or a subnet with no route out).",
  fix: "Send through a relay on an open submission port (587 or 465, e.g. SES or your provider's relay) or ask the provider to lift the port 25 block; on AWS give the task's subnet a route out (NAT gateway) and its security group egress to that port.",
  confidence: 0.6,
  beats: [
    'connect-timeout-ambiguous',
    'connect-timeout-dropped',
    'compose-dependency-timeout',
    'network-unreachable',
    'host-unreachable',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'postfix/smtp[4120]: connect to gmail-smtp-in.l.google.com[142.250.1.27]:25: Connection timed out',
        ],
      ],
      [['log', '[vaultwarden::mail][ERROR] SMTP timeout error: Connection error: connection timed out']],
      [['log', 'SMTP ERROR: Failed to connect to server: Connection timed out (110)']],
      [['log', 'Error: connect ETIMEDOUT 142.250.1.108:587']],
    ],
    noMatch: [
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
      [['log', 'SMTP error: connect ETIMEDOUT mailhog:1025']],
      [
        [
          'log',
          'postfix/smtp[4120]: 4F1A2: to=<a@b.c>, relay=mx.b.c[1.2.3.4]:25, status=sent (250 2.0.0 OK)',
        ],
      ],
    ],
  },
};
export default rule;
