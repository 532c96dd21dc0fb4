import type { Rule } from '../types.js';

/*
 * The health check reached the app but failed writing what it fetched: wget and curl save the response to a file
 * unless told not to, and a container running as a non-root user in a directory it cannot write (or a read-only root
 * file system) makes every check fail while the app is up. One meaning in each tool's words: BusyBox wget's `can't open
 * 'health': Permission denied`, GNU wget's `Cannot write to 'health' (Permission denied)`, curl's `(23) Failure
 * writing output to destination` and its `Failed to open the file … Permission denied`. Read in the health output
 * only, where the download is the check's; a script's own download failing is not the check.
 */
const rule: Rule = {
  id: 'health-output-unwritable',
  category: 'health-check-command',
  match: [
    {
      in: ['healthOutput'],
      re: /(?<what>wget: can't open '[^']+': (?:Permission denied|Read-only file system)|Cannot write to ['‘][^'’]+['’] \((?:Permission denied|Read-only file system)\)|curl: \(23\) (?:Failure writing output to destination|Failed writing body|client returned ERROR on write)|Failed to (?:open|create) the file [^\n]*(?:Permission denied|Read-only file system))/,
    },
  ],
  cause:
    "{service}'s health check reached the app but could not write the response it downloaded ({what}): the check saves a file where the container's user cannot write, so it fails while the app is up.",
  fix: 'Make the check discard what it fetches: `wget -q --spider` or `wget -qO- …` / `-O /dev/null`, `curl -fsS -o /dev/null …`; or run it from a writable directory. Keep the URL.',
  confidence: 0.75,
  beats: ['local-unhealthy', 'container-health-failed', 'health-tool-unverified', 'health-exit-127'],
  examples: {
    match: [
      [['healthOutput', "wget: can't open 'health': Permission denied"]],
      [['healthOutput', "Cannot write to 'healthz' (Read-only file system)."]],
      [['healthOutput', 'curl: (23) Failure writing output to destination']],
    ],
    noMatch: [
      [['log', "wget: can't open 'plugins.zip': Permission denied"]],
      [['healthOutput', "wget: can't connect to remote host (127.0.0.1): Connection refused"]],
    ],
  },
};
export default rule;
