import type { Rule } from '../types.js';

/*
 * The runtime found the image's program by its absolute path yet could not load it (`exec /entrypoint.sh: no such
 * file or directory`): a script with CRLF line endings names the interpreter `/bin/sh\r`, or a binary's dynamic loader
 * is missing from the image; or the image's entrypoint script execs a program the image lacks. Either way the image was
 * built wrong, unlike `executable file not found in $PATH`, which names a command the user chose.
 */
const rule: Rule = {
  id: 'entrypoint-not-runnable',
  category: 'app-crash',
  match: [
    {
      in: ['containerReason', 'stoppedReason', 'serviceEvent', 'log', 'localField'],
      // A shell running the image's start command or script (`/bin/bash: line 1: php-fpm81: command not found`, dash's
      // `/bin/sh: 3: bun: not found`) says the image lacks that program; a health tool missing is the health check's.
      re: /(?:^|[^\w/])exec (?<cmd>\.{0,2}\/[^\s:]+): no such file or directory|exec user process caused:? \\?["“]?no such file or directory|: exec: line \d+: (?<cmd2>[^\s:]+): not found|^(?:\/(?:usr\/)?bin\/)?(?:ba|da)?sh: (?:line )?\d+: (?<cmd3>[\w./+-]+): (?:command )?not found/,
      not: /\b(?:curl|wget|nc|pg_isready|mysqladmin|redis-cli|healthcheck)\b: (?:command )?not found/,
    },
  ],
  cause:
    "The image's own program {cmd,cmd2,cmd3|entrypoint} could not be run: the file or its interpreter is missing from the image, or a script has Windows (CRLF) line endings so its interpreter `#!/bin/sh\\r` does not exist.",
  fix: 'Rebuild the image: convert scripts to LF line endings (and mark them so in .gitattributes), check the program and its interpreter or dynamic loader are in the image (`docker run --entrypoint sh IMAGE -c "ls -l PATH; head -1 PATH | od -c"`), or use the previous image tag.',
  confidence: 0.85,
  examples: {
    match: [
      [['log', '/bin/bash: line 1: php-fpm81: command not found']],
      [['log', 'exec /docker-entrypoint.sh: no such file or directory']],
      [['log', 'exec ./docker-entrypoint.sh: no such file or directory']],
      [['log', 'standard_init_linux.go:185: exec user process caused "no such file or directory"']],
      [['log', '/usr/local/bin/docker-entrypoint.sh: exec: line 164: bun: not found']],
    ],
    noMatch: [
      [['log', '/bin/sh: 1: curl: not found']],
      [['log', 'exec /usr/bin/java: exec format error']],
      [['containerReason', 'exec: "curl": executable file not found in $PATH']],
    ],
  },
};
export default rule;
