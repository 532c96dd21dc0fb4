/**
 * Which programs a health check command runs, read the way Docker/ECS read it: `CMD` executes its first argument
 * directly; `CMD-SHELL` hands one string to /bin/sh. Pure, and modest: it aims at the first word of each simple
 * command, which is where a missing curl or wget shows.
 */

/** Words the shell itself understands: never looked up on PATH. */
const BUILTINS = new Set(
  (
    'if then else elif fi for while until do done case esac in function { } [[ ]] ! test [ echo printf exit ' +
    'return true false cd set export unset read eval : . source wait trap shift local let type kill ulimit umask'
  ).split(' '),
);

/** Prefixes that run the next word as the program (`exec curl …`, `timeout 5 curl …`). */
const WRAPPERS = new Set(['exec', 'command', 'env', 'timeout', 'nice', 'nohup', 'time']);

const SEPARATORS = ['&&', '||', ';;', ';', '|', '&', '\n', '(', ')', '`', '$('];

/** Splits a shell string into simple commands and those into words, respecting quotes. */
export function shellCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
      continue;
    }
    if (c === '>' || c === '<') {
      // A redirection (`2>&1`, `>/dev/null`, `< in`) names no program: drop it, its fd number and its file.
      if (/^\d+$/.test(word)) word = '';
      endWord();
      const op = /^[<>]{1,2}(&(\d+|-))?/.exec(script.slice(i))![0];
      i += op.length;
      if (!op.includes('&')) {
        while (i < script.length && /[ \t]/.test(script[i]!)) i++;
        while (i < script.length && !/[\s;&|()]/.test(script[i]!)) i++;
      }
      i--;
      continue;
    }
    const sep = SEPARATORS.find((s) => script.startsWith(s, i));
    if (sep) {
      endCommand();
      i += sep.length - 1;
      continue;
    }
    if (/\s/.test(c)) {
      endWord();
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand();
  return commands;
}

/** Programs a simple command needs: its first word, and what a wrapper such as `timeout` runs; none for builtins. */
function programOf(words: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) i++;
  while (i < words.length) {
    const w = words[i]!;
    if (w.includes('$') || BUILTINS.has(w)) return out;
    if (!WRAPPERS.has(w)) return [...out, w];
    if (w !== 'exec' && w !== 'command') out.push(w);
    // Skip the wrapper's options and numbers (`timeout -s KILL 5 curl`) and env's assignments.
    i++;
    while (i < words.length && /^-|^\d+[smhd]?$|^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!)) {
      if (/^-[sk]$/.test(words[i]!)) i++;
      i++;
    }
  }
  return out;
}

export type HealthCommand = readonly string[];

/** Programs a health check command needs, in order, without duplicates. */
export function healthPrograms(command: HealthCommand): string[] {
  const [form, ...rest] = command;
  const found =
    form === 'CMD-SHELL' ? shellCommands(rest[0] ?? '').flatMap(programOf) : rest[0] ? [rest[0]] : [];
  return [...new Set(found)];
}

/**
 * `CMD` runs without a shell, so shell syntax in it is passed to the program as plain arguments and never acts:
 * `["CMD", "curl -f http://x || exit 1"]` looks for a program named after the whole string.
 */
export function execFormProblem(command: HealthCommand): string | undefined {
  const [form, program, ...args] = command;
  if (form !== 'CMD' || program === undefined) return undefined;
  if (/\s/.test(program.trim()))
    return `"CMD" runs its first argument as one program name, and "${program}" has spaces in it`;
  const op = args.find(
    (a) => ['||', '&&', '|', ';', '>', '2>&1', '>/dev/null'].includes(a) || /^\$\w/.test(a),
  );
  if (op) return `"CMD" runs without a shell, so "${op}" is handed to ${program} as a plain argument`;
  return undefined;
}
