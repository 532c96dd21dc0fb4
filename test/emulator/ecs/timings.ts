/** How long ECS takes for the things no scenario controls. Seconds of model time. */
export interface EcsTimings {
  /** PROVISIONING → PENDING (capacity found, ENI attached on awsvpc). */
  provisioningSeconds: number;
  /** Each step of the stop sequence (DEACTIVATING, STOPPING, DEPROVISIONING). */
  stopStepSeconds: number;
  /** How soon the service scheduler reacts to a change. */
  schedulerDelaySeconds: number;
  /**
   * ECS slows relaunching a service whose tasks keep failing. After `afterFailures` consecutive failures each
   * relaunch waits base·2^(n−1) seconds, capped; `baseSeconds: 0` turns the backoff off.
   */
  launchBackoff: { afterFailures: number; baseSeconds: number; maxSeconds: number };
}

export const defaultEcsTimings: EcsTimings = {
  provisioningSeconds: 2,
  stopStepSeconds: 5,
  schedulerDelaySeconds: 1,
  launchBackoff: { afterFailures: 3, baseSeconds: 0, maxSeconds: 900 },
};
