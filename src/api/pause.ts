import { answerPause } from '../engine/answer-pause.js';
import type { StoredPauseDecision } from '../store/store.js';
import type { PauseDecision } from '../targets/target.js';
import type { Opened } from './open.js';

/** `convoy approve` / `convoy reject`: answers the stack's paused deployment, recorded as `by` (README "Pauses"). */
export function decidePause(o: Opened, answer: PauseDecision): Promise<StoredPauseDecision[]> {
  return answerPause(o, o.stack, answer);
}
