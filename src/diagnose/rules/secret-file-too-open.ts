import type { Rule } from '../types.js';

/*
 * A key, credentials or config file that the program refuses (or ignores) because its group or others may read or
 * write it: a file mounted from a secret, a bind mount or a Windows host keeps mode 0644 or 0777 and the owner of the
 * image's user is wrong. PostgreSQL's `private key file "…" has group or world access` (a FATAL at start), libpq's
 * `password file "…" has group or world access` (the password is then not sent), OpenSSH's `UNPROTECTED PRIVATE KEY
 * FILE` / `Permissions 0644 for '…' are too open` (the key is ignored), mongod's keyFile `permissions on … are too
 * open`, MySQL's `World-writable config file '…' is ignored`. The fix is the file's mode or owner (a secret volume's
 * `defaultMode`, a `chmod` / `chown` in the entrypoint), not the credentials inside it.
 */
const rule: Rule = {
  id: 'secret-file-too-open',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>(?:private key|password) file "[^"\n]+" has group or world access|UNPROTECTED PRIVATE KEY FILE|Permissions 0?[0-7]{3,4} for '[^'\n]+' are too open|permissions on \S+ are too open|World-writable config file '[^'\n]+' is ignored)/,
    },
  ],
  cause:
    '{service} refused or ignored a key, credentials or config file because others may read or write it: {what}.',
  fix: "Make the file readable by its owner only (0600, or 0640 owned by root where the program allows it) and owned by the container's user: set the secret volume's mode, or `chmod` / `chown` it in the entrypoint before the program starts; a file bind-mounted from a Windows host needs to be copied in instead.",
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'local-unhealthy'],
  examples: {
    match: [
      [['log', 'FATAL:  private key file "/var/lib/postgresql/certs/server.key" has group or world access']],
      [['log', "Permissions 0644 for '/root/.ssh/id_ed25519' are too open."]],
      [['log', '"errmsg":"permissions on /etc/mongo/keyfile are too open"']],
      [['log', "mysqld: [Warning] World-writable config file '/etc/mysql/conf.d/custom.cnf' is ignored."]],
    ],
    noMatch: [
      [['log', "Permissions 0600 for '/root/.ssh/id_ed25519' set"]],
      [['log', 'private key file "/certs/server.key" loaded']],
    ],
  },
};
export default rule;
