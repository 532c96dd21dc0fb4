import type { SourceLocation } from '../errors.js';
import type { NotifyChannel } from './notify.js';
import type { BakeSpec, PostCheck } from './post-checks.js';
import type { ConditionName, HealthCheckSpec, LocalSpec, RawStack } from './schema.js';

/** A dependency after normalisation: the short form `[db]` becomes `{ db: { condition } }`. */
export interface Dependency {
  name: string;
  condition: ConditionName;
}

/** The aws block with its JSON files read, interpolated and parsed (so revisions hash what is deployed). */
export interface AwsService {
  taskDefinitionFile: string;
  taskDefinition: Record<string, unknown>;
  serviceDefinitionFile?: string;
  serviceDefinition?: Record<string, unknown>;
  runTaskFile?: string;
  runTask?: Record<string, unknown>;
  cluster?: string;
  /** See AwsServiceBlock: the gate of a service with a deployment strategy, and the stage its wave pauses at. */
  waitUntil?: string;
  pauseAt?: string;
}

/** The cloudformation block with its template read. */
export interface CloudFormation {
  stackName: string;
  templateFile?: string;
  templateBody?: string;
  parameters: Record<string, string>;
  capabilities: string[];
  stallWarning: number;
  /** Resource type prefixes guarded against removal and replacement; undefined: the default (targets/aws). */
  protect?: string[];
  /**
   * The stack's Outputs when this revision last completed, recorded by the deployment so later units (and a
   * rollback or resume) resolve `${cfn:unit.Key}` to the same values. Not part of the revision.
   */
  outputs?: Record<string, string>;
}

/** A service as the planner and engine see it: validated, interpolated, dependencies normalised. */
export interface Service {
  name: string;
  kind: 'service' | 'job' | 'cloudformation';
  version?: string;
  dependsOn: Dependency[];
  healthCheck?: HealthCheckSpec;
  /** How far `convoy scale` may go (README "Scale"). */
  scale?: { max: number };
  local?: LocalSpec;
  aws?: AwsService;
  cloudformation?: CloudFormation;
}

/** A loaded stack file. `dir` is the folder of the file: relative paths and `.convoy/` live there. */
export interface Stack {
  name: string;
  file: string;
  dir: string;
  target: RawStack['target'];
  deploy: RawStack['deploy'];
  rollback: RawStack['rollback'];
  lock: RawStack['lock'];
  store: RawStack['store'];
  aws?: RawStack['aws'];
  /** Notification channels, in file order (absent or []: none). */
  notify?: NotifyChannel[];
  /** Post-deploy checks (`verify:`), each service's then the stack's own, in file order (absent or []: none). */
  postChecks?: PostCheck[];
  /** After the last wave, the checks run again for this long (`bake:`). */
  bake?: BakeSpec;
  services: Service[];
  /** Where a field of the file is, for error messages: `locate(['services','api','dependsOn'])`. */
  locate(path: readonly (string | number)[]): SourceLocation;
  /**
   * A service read back from the state store, its secrets resolved again from where they come from with the
   * environment this file was loaded with (spec/secrets.ts); throws SecretUnavailableError when one is gone.
   */
  unseal(service: Service): Service;
}
export type { HealthCheckSpec, LocalSpec, EnvEntry, ConditionName } from './schema.js';
export type { BakeSpec, PostCheck } from './post-checks.js';
