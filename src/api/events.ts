import { follow as followStore, type FollowOptions } from '../engine/follow.js';
import type { Opened } from './open.js';

/**
 * The stack's stored events after `afterSeq`, in order and without gaps; with `follow` (the default) it keeps
 * waiting for new ones until `signal` aborts. Any process on the same store may read it.
 */
export function follow(o: Opened, afterSeq = 0, opts: FollowOptions = {}) {
  return followStore(o.store, o.stack.name, afterSeq, opts);
}
