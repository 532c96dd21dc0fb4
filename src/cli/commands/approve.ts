import type { Command } from 'commander';
import { decidePause } from '../../api/pause.js';
import { whoAndWhere } from '../../api/who.js';
import type { PauseDecision } from '../../targets/target.js';
import { printJson } from '../output.js';
import { cliEnv, withOpened } from '../setup.js';

const VERB: Record<PauseDecision['action'], string> = { CONTINUE: 'approve', ROLLBACK: 'reject' };

/**
 * `convoy approve` / `convoy reject`: the decision at the pause (`pauseAt`) the stack's running deployment waits at,
 * taken from another terminal and recorded in the store with who took it; exit 3 when nothing is paused.
 */
export function register(program: Command): void {
  for (const action of ['CONTINUE', 'ROLLBACK'] as const) {
    program
      .command(VERB[action])
      .description(
        `answer the paused deployment of the stack (a wave held at its pauseAt) with ${action} for every paused service; exit 3 when none is paused`,
      )
      .option(
        '--by <name>',
        'who decides, as recorded (default: the actor a deployment records: CI user, git user, OS user)',
      )
      .option('--json', 'machine-readable')
      .action(async (opts: { by?: string; json?: boolean }) => {
        await withOpened(program.opts().file, { readOnly: true }, async (o) => {
          const by = opts.by ?? whoAndWhere(o.stack.dir, cliEnv()).actor;
          const answered = await decidePause(o, { action, by });
          if (opts.json) return printJson(answered);
          for (const d of answered)
            process.stdout.write(
              `${action} at ${d.stage} for ${d.services.join(', ')} (wave ${d.wave + 1} of deployment ${d.deploymentId}), recorded as ${d.by}\n`,
            );
        });
      });
  }
}
