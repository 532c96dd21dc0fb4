import { AwsError } from '../core/errors.js';
import { apiErrors } from './messages.js';
import type { ContainerDefinition } from './types.js';

/**
 * RegisterTaskDefinition's checks, in the order ECS appears to apply them, each failing with ECS's own words. Only
 * rules whose wording is attested are enforced; ECS has many more.
 */

export interface RegisterInput {
  family?: string;
  containerDefinitions?: ContainerDefinition[];
  networkMode?: string;
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  volumes?: { name?: string }[];
  [k: string]: unknown;
}

const client = (message: string) => new AwsError('ClientException', message);

const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Fargate task sizes from the ECS developer guide (cpu → allowed memory in MiB). */
const FARGATE_SIZES: Record<number, (m: number) => boolean> = {
  256: (m) => [512, 1024, 2048].includes(m),
  512: (m) => m >= 1024 && m <= 4096 && m % 1024 === 0,
  1024: (m) => m >= 2048 && m <= 8192 && m % 1024 === 0,
  2048: (m) => m >= 4096 && m <= 16384 && m % 1024 === 0,
  4096: (m) => m >= 8192 && m <= 30720 && m % 1024 === 0,
  8192: (m) => m >= 16384 && m <= 61440 && m % 4096 === 0,
  16384: (m) => m >= 32768 && m <= 122880 && m % 8192 === 0,
};

/** ECS accepts "1 vCPU"/".25 vcpu" and "0.5 GB"/"512 MiB" and stores integers; returns undefined when absent. */
export function parseTaskSize(value: string | undefined, what: 'cpu' | 'memory'): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  const m = /^(\d*\.?\d+)\s*([a-z]*)$/.exec(text);
  const units: Record<string, number> =
    what === 'cpu' ? { '': 1, vcpu: 1024, vcpus: 1024 } : { '': 1, mb: 1, mib: 1, gb: 1024, gib: 1024 };
  const scale = m ? units[m[2]!] : undefined;
  const n = m && scale !== undefined ? Number(m[1]) * scale : NaN;
  if (!Number.isInteger(n) || n <= 0) throw client(apiErrors.invalidTaskSize(what));
  return String(n);
}

export function isValidRole(role: string): boolean {
  return ROLE_ARN.test(role) || ROLE_NAME.test(role);
}

export function validateRegistration(input: RegisterInput): { cpu?: string; memory?: string } {
  const family = input.family ?? '';
  if (family.trim() === '') throw client(apiErrors.familyBlank);
  if (!FAMILY.test(family)) throw client(apiErrors.familyInvalid);
  const containers = input.containerDefinitions ?? [];
  if (containers.length === 0) throw client(apiErrors.containersEmpty);
  const cpu = parseTaskSize(input.cpu, 'cpu');
  const memory = parseTaskSize(input.memory, 'memory');
  for (const role of [input.taskRoleArn, input.executionRoleArn]) {
    if (role !== undefined && !isValidRole(role)) throw client(apiErrors.roleInvalid);
  }
  for (const c of containers) {
    if (!c.name) throw client(apiErrors.containerNameEmpty);
    if (!FAMILY.test(c.name)) throw client(apiErrors.containerNameInvalid);
    if (!c.image) throw client(apiErrors.imageEmpty);
  }
  const fargate = (input.requiresCompatibilities ?? []).includes('FARGATE');
  if (fargate) {
    if (input.networkMode !== 'awsvpc') throw client(apiErrors.fargateNetworkMode);
    if (cpu === undefined) throw client(apiErrors.fargateCpu);
    if (memory === undefined) throw client(apiErrors.fargateMemory);
    if (!FARGATE_SIZES[Number(cpu)]?.(Number(memory))) throw client(apiErrors.fargateSize);
  }
  if (memory === undefined) {
    for (const c of containers) {
      if (c.memory === undefined && c.memoryReservation === undefined)
        throw client(apiErrors.memoryMissing(c.name!));
    }
  }
  const volumes = new Set((input.volumes ?? []).map((v) => v.name));
  for (const c of containers) {
    for (const mp of c.mountPoints ?? []) {
      if (!volumes.has(mp.sourceVolume))
        throw client(apiErrors.unknownVolume(String(mp.sourceVolume ?? null)));
    }
  }
  if (!input.executionRoleArn && containers.some((c) => (c.secrets ?? []).length > 0)) {
    throw client(apiErrors.secretsNeedExecutionRole);
  }
  if (
    fargate &&
    !input.executionRoleArn &&
    containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')
  ) {
    throw client(apiErrors.fargateAwslogsRole);
  }
  if (input.networkMode === 'awsvpc') {
    for (const c of containers) {
      for (const p of c.portMappings ?? []) {
        if (p.hostPort !== undefined && p.hostPort !== p.containerPort) throw client(apiErrors.awsvpcPorts);
      }
    }
  }
  return { cpu, memory };
}
