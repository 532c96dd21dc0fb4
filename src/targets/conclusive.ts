/**
 * Evidence that waiting cannot change. A health command the shell cannot find will not be found at the next probe
 * either; an image built for another CPU, a tag or a secret that does not exist, or a required setting missing from
 * the environment stay that way until someone redeploys. On such evidence a service may fail at once, inside the
 * start period too. Everything else (connection refused while a dependency starts, a 503 while warming up, a slow
 * probe) may still pass, and keeps ECS's semantics: the health check's own verdict.
 *
 * Pure functions over text, shared by the targets, so the local target, the aws target and the simulator agree.
 */

/** Which kind of evidence failed a service: one that cannot change, or the health check's (or ECS's) own verdict. */
export type DecidedBy = 'conclusive' | 'verdict';

/** `deploy.failFast`: fail at the first conclusive evidence, or wait for the verdict as ECS does. */
export type FailFast = 'conclusive' | 'verdict';

export interface Conclusive {
  /** What it means, in a few words: "the health command was not found". */
  meaning: string;
}

/**
 * Shells' own wording for a program they cannot find: dash `sh: 1: wget: not found`, busybox `/bin/sh: wget: not
 * found`, bash `bash: line 1: curl: command not found`, Docker/runc `executable file not found in $PATH`, Node's
 * `spawn curl ENOENT`. An HTTP `404 Not Found` from curl is not one of them.
 */
const NOT_FOUND = [
  /(^|[\s:])(\/bin\/|\/usr\/bin\/)?(ba|da|z|k|a)?sh: (\d+: )?(line \d+: )?[^\s:]+: (command )?not found/im,
  /\bcommand not found\b/i,
  /executable file not found in \$?PATH/i,
  /\bspawn \S+ ENOENT\b/,
  /\bno such file or directory\b.*\b(exec|spawn)\b|\b(exec|spawn)\b.*\bno such file or directory\b/i,
];
const EXEC_FORMAT = /exec format error/i;
const CANNOT_EXECUTE = /(^|\s)(\/bin\/)?\w*sh: (\d+: )?(line \d+: )?\S+: (Permission denied|cannot execute)/i;

/**
 * A health probe's result that cannot change by waiting: the command is missing (exit 127, the shell's "not
 * found") or cannot run here (exit 126, exec format error). `output` is the probe's text as the targets write it,
 * `exit N: <output>` for commands; `exitCode` when known separately.
 */
export function conclusiveProbe(output: string, exitCode?: number | null): Conclusive | undefined {
  const code = exitCode ?? exitOf(output);
  if (EXEC_FORMAT.test(output))
    return { meaning: 'the health command cannot run on this CPU (exec format error)' };
  if (code === 127 || NOT_FOUND.some((re) => re.test(output)))
    return { meaning: 'the health command was not found where the check runs' };
  if (code === 126 || (code === undefined && CANNOT_EXECUTE.test(output)))
    return { meaning: 'the health command was found but cannot be executed (exit 126)' };
  return undefined;
}

function exitOf(output: string): number | undefined {
  const m = /^exit (\d+)\b/.exec(output.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * What a process (or container) printed or exited with that says it can never start as built: exec format error,
 * its own program not found (126/127), or a required setting missing from its environment at boot.
 */
export function conclusiveStart(lines: readonly string[], exitCode?: number | null): Conclusive | undefined {
  const text = lines.join('\n');
  if (EXEC_FORMAT.test(text)) return { meaning: 'the program was built for another CPU (exec format error)' };
  if (exitCode === 127) return { meaning: 'the program or something it runs was not found (exit 127)' };
  if (exitCode === 126) return { meaning: 'the program cannot be executed (exit 126)' };
  if (MISSING_ENV.some((re) => re.test(text)))
    return { meaning: 'a required setting is missing from its environment' };
  return undefined;
}

/**
 * Applications' ways of saying a required setting is not set: "Missing required environment variable X",
 * "environment variable X is not set", "X must be set", Python's `KeyError: 'X'` from `os.environ`, Pydantic's
 * "field required", Ruby's `KeyError: key not found: "X"`, Java/Spring's "Could not resolve placeholder 'X'".
 */
const MISSING_ENV = [
  /\b(missing|required)\b[^\n]{0,40}\b(env(ironment)?( variable| var)?|setting|config(uration)? (value|key))s?\b[^\n]{0,10}\b[A-Z][A-Z0-9_]{2,}\b/i,
  /\benv(ironment)?( variable| var)? [`'"]?[A-Z][A-Z0-9_]{2,}[`'"]? (is )?(not set|not defined|missing|required|undefined|empty)\b/i,
  /\b[A-Z][A-Z0-9_]{2,} (must be set|is required|is not set)\b/,
  /KeyError: (key not found: )?['"][A-Z][A-Z0-9_]{2,}['"]/,
  /Could not resolve placeholder '[\w.]+'/,
];

/**
 * ECS's own words for a start that will fail the same way for the replacement task: an image or tag that does not
 * exist (`CannotPullContainerError … not found` / `manifest unknown`, or no entry for this platform), a binary built
 * for another CPU, a secret or parameter that does not exist. A pull that timed out or was throttled is not.
 */
export function conclusiveEcs(text: string): Conclusive | undefined {
  if (EXEC_FORMAT.test(text)) return { meaning: 'the image was built for another CPU (exec format error)' };
  if (/CannotPullContainer/i.test(text)) {
    if (/no match for platform/i.test(text)) return { meaning: 'the image has no build for this platform' };
    if (
      /manifest unknown|: not found\b|not found: manifest|repository .* not found|does not exist/i.test(text)
    )
      return { meaning: 'the image or tag does not exist' };
    return undefined;
  }
  if (/ResourceInitializationError/i.test(text)) {
    if (
      /ResourceNotFoundException|ParameterNotFound|InvalidParameters|can't find the specified secret|does not exist|not found/i.test(
        text,
      )
    )
      return { meaning: 'a secret or parameter the task needs does not exist' };
    return undefined;
  }
  if (/executable file not found in \$?PATH/i.test(text))
    return { meaning: 'the container command was not found in the image' };
  return undefined;
}
