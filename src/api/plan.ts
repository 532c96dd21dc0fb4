import { observe } from '../engine/deploy.js';
import { buildPlan, type Plan } from '../plan/plan.js';
import type { Opened } from './open.js';

/** What a deployment would do now: the waves, and per service whether it changes and why. Changes nothing. */
export async function plan(o: Opened): Promise<Plan> {
  const { recorded, health } = await observe(o, o.stack);
  return buildPlan(o.stack, recorded, health);
}
