import type { Check } from '../types.js';
import command from './command.js';
import cfnState from './cfn-state.js';
import cwd from './cwd.js';
import envDefaults from './env-defaults.js';
import healthCommand from './health-command.js';
import loopbackBind from './loopback-bind.js';
import ports from './ports.js';

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
  cfnState,
];
