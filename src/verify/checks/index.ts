import type { Check } from '../types.js';
import command from './command.js';
import awsCredentials from './aws-credentials.js';
import cfnState from './cfn-state.js';
import cwd from './cwd.js';
import dependsOn from './depends-on.js';
import ecsCluster from './ecs-cluster.js';
import ecrImages from './ecr-images.js';
import envDefaults from './env-defaults.js';
import healthCommand from './health-command.js';
import iamRoles from './iam-roles.js';
import loopbackBind from './loopback-bind.js';
import ports from './ports.js';
import rdsEngineVersion from './rds-engine-version.js';
import secrets from './secrets.js';

/**
 * Every pre-flight check after the stack file itself (checks/stack-file.ts), in the order they are shown. Adding
 * one is a new file plus a line here; a check for one target only says so in `targets`.
 */
export const CHECKS: readonly Check[] = [
  command,
  cwd,
  envDefaults,
  ports,
  healthCommand,
  loopbackBind,
  dependsOn,
  // First of the aws checks: the others are silent when it fails (aws/identity.ts).
  awsCredentials,
  cfnState,
  ecsCluster,
  iamRoles,
  secrets,
  ecrImages,
  rdsEngineVersion,
];
