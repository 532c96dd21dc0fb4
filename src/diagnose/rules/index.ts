import type { Rule } from '../types.js';
import { CATALOGUES, catalogueRules } from '../catalogue/index.js';
import registryNetworkTimeout from './registry-network-timeout.js';
import secretFetchNetwork from './secret-fetch-network.js';
import targetTimeout from './target-timeout.js';
import targetUnhealthyNoReason from './target-unhealthy-no-reason.js';
import smtpEgressNoAnswer from './smtp-egress-no-answer.js';
import hostFirewallBlocks from './host-firewall-blocks.js';
import publicHostNotResolved from './public-host-not-resolved.js';
import pullRateLimit from './pull-rate-limit.js';
import platformManifestMissing from './platform-manifest-missing.js';
import pullAccessDenied from './pull-access-denied.js';
import registryPushRefused from './registry-push-refused.js';
import ecrPublicRegion from './ecr-public-region.js';
import pullManifestNotFound from './pull-manifest-not-found.js';
import kmsAccessDenied from './kms-access-denied.js';
import secretAccessDenied from './secret-access-denied.js';
import secretNotFound from './secret-not-found.js';
import roleNotAssumable from './role-not-assumable.js';
import serviceLinkedRoleMissing from './service-linked-role-missing.js';
import executionRoleRequired from './execution-role-required.js';
import iamNotAuthorized from './iam-not-authorized.js';
import healthCmdPrefixDoubled from './health-cmd-prefix-doubled.js';
import healthExecFormShellSyntax from './health-exec-form-shell-syntax.js';
import healthBinaryMissing from './health-binary-missing.js';
import curlWithoutFail from './curl-without-fail.js';
import curlWithoutFailExitCode from './curl-without-fail-exit-code.js';
import healthExit127 from './health-exit-127.js';
import elbHealthCodeMismatch from './elb-health-code-mismatch.js';
import elbHealthFailed from './elb-health-failed.js';
import containerHealthFailed from './container-health-failed.js';
import localUnhealthy from './local-unhealthy.js';
import listensOnTaskAddress from './listens-on-task-address.js';
import hostPortMappedTwice from './host-port-mapped-twice.js';
import portInUse from './port-in-use.js';
import listeningOnLoopback from './listening-on-loopback.js';
import serverBoundLoopbackLogged from './server-bound-loopback-logged.js';
import healthNothingListening from './health-nothing-listening.js';
import loopbackRefusedNoDbHost from './loopback-refused-no-db-host.js';
import loopbackRefusedNoCacheHost from './loopback-refused-no-cache-host.js';
import loopbackRefusedNoBrokerHost from './loopback-refused-no-broker-host.js';
import envVarNotSet from './env-var-not-set.js';
import logGroupMissing from './log-group-missing.js';
import hostNotAllowed from './host-not-allowed.js';
import dbSslRequired from './db-ssl-required.js';
import dbSslNotOffered from './db-ssl-not-offered.js';
import dbTlsUntrusted from './db-tls-untrusted.js';
import stalePidFile from './stale-pid-file.js';
import urlAsHostname from './url-as-hostname.js';
import dbAuthMethodUnsupported from './db-auth-method-unsupported.js';
import commandNotFound from './command-not-found.js';
import commandAsOneString from './command-as-one-string.js';
import commandArgumentUnknown from './command-argument-unknown.js';
import entrypointNotRunnable from './entrypoint-not-runnable.js';
import kafkaBrokerUnavailable from './kafka-broker-unavailable.js';
import nameNotResolved from './name-not-resolved.js';
import hostSettingNotResolved from './host-setting-not-resolved.js';
import connectionRefused from './connection-refused.js';
import oomKilled from './oom-killed.js';
import runtimeHeapOom from './runtime-heap-oom.js';
import memoryNotEnough from './memory-not-enough.js';
import exit137 from './exit-137.js';
import noContainerInstances from './no-container-instances.js';
import portTakenOnInstance from './port-taken-on-instance.js';
import missingInstanceAttribute from './missing-instance-attribute.js';
import fargateCapacityUnavailable from './fargate-capacity-unavailable.js';
import taskQuotaReached from './task-quota-reached.js';
import insufficientResources from './insufficient-resources.js';
import execFormatError from './exec-format-error.js';
import cpuFeaturesMissing from './cpu-features-missing.js';
import dataDirVersionMismatch from './data-dir-version-mismatch.js';
import healthCheckDefinitionInvalid from './health-check-definition-invalid.js';
import stackRollbackComplete from './stack-rollback-complete.js';
import stackRollbackFailed from './stack-rollback-failed.js';
import stackBusy from './stack-busy.js';
import unresolvedDependencies from './unresolved-dependencies.js';
import unsupportedProperty from './unsupported-property.js';
import circularDependency from './circular-dependency.js';
import nestedOutputNotFound from './nested-output-not-found.js';
import elbv2InternalFailure from './elbv2-internal-failure.js';
import templateError from './template-error.js';
import liquibaseLock from './liquibase-lock.js';
import flywayValidateFailed from './flyway-validate-failed.js';
import prismaFailedMigration from './prisma-failed-migration.js';
import pendingMigrations from './pending-migrations.js';
import nodeModuleNotFound from './node-module-not-found.js';
import pythonModuleNotFound from './python-module-not-found.js';
import workerCrashed from './worker-crashed.js';
import segfault from './segfault.js';
import uncaughtException from './uncaught-exception.js';
import runtimeFatalBanner from './runtime-fatal-banner.js';
import essentialExitedNonzero from './essential-exited-nonzero.js';
import exitedZero from './exited-zero.js';
import localExitNonzero from './local-exit-nonzero.js';
import localHealthCommandNotFound from './local-health-command-not-found.js';
import localCommandNotFound from './local-command-not-found.js';
import localCwdMissing from './local-cwd-missing.js';
import connectTimeoutAmbiguous from './connect-timeout-ambiguous.js';
import connectTimeoutDropped from './connect-timeout-dropped.js';
import composeDependencyTimeout from './compose-dependency-timeout.js';
import composeHealthConditionNoCheck from './compose-health-condition-no-check.js';
import networkUnreachable from './network-unreachable.js';
import hostUnreachable from './host-unreachable.js';
import hostUnreachableFirewall from './host-unreachable-firewall.js';
import ipv6EgressUnavailable from './ipv6-egress-unavailable.js';
import upstreamNoneHealthy from './upstream-none-healthy.js';
import webhookUnreachable from './webhook-unreachable.js';
import kubeletUnreachable from './kubelet-unreachable.js';
import instancesUnregisteredNetwork from './instances-unregistered-network.js';
import nodesCannotJoin from './nodes-cannot-join.js';
import registryServerError from './registry-server-error.js';
import platformAgentCrashed from './platform-agent-crashed.js';
import proxyUpstreamRefused from './proxy-upstream-refused.js';
import bucketAclNotSupported from './bucket-acl-not-supported.js';
import awsSdkNoAnswer from './aws-sdk-no-answer.js';
import agentInitNoAnswer from './agent-init-no-answer.js';
import awsEndpointNoAnswer from './aws-endpoint-no-answer.js';
import awsCallDenied from './aws-call-denied.js';
import trafficRejected from './traffic-rejected.js';
import healthPathNotFound from './health-path-not-found.js';
import healthUrlMalformed from './health-url-malformed.js';
import secretRetrievalRefused from './secret-retrieval-refused.js';
import circuitBreaker from './circuit-breaker.js';
import deploymentAlarm from './deployment-alarm.js';
import loopbackDependencyRefused from './loopback-dependency-refused.js';
import loopbackRequestRefused from './loopback-request-refused.js';
import hostUnexpandedVariable from './host-unexpanded-variable.js';
import loopbackDsnFailed from './loopback-dsn-failed.js';
import loopbackDsnLogged from './loopback-dsn-logged.js';
import refusedWithLoopbackSetting from './refused-with-loopback-setting.js';
import refusedAtDefaultHost from './refused-at-default-host.js';
import loopbackDependencyDownOnHost from './loopback-dependency-down-on-host.js';
import appServerUpstreamLoopback from './app-server-upstream-loopback.js';
import urlSchemeUnknown from './url-scheme-unknown.js';
import refusedAtUnusualPort from './refused-at-unusual-port.js';
import secretKeyMissing from './secret-key-missing.js';
import commandNotExecutable from './command-not-executable.js';
import resourceInitNetwork from './resource-init-network.js';
import efsMountTimeout from './efs-mount-timeout.js';
import awsvpcNetworkConfigRejected from './awsvpc-network-config-rejected.js';
import managedEndpointTimeout from './managed-endpoint-timeout.js';
import dependencyTimeoutAwsNetwork from './dependency-timeout-aws-network.js';
import healthToolUnverified from './health-tool-unverified.js';
import healthLocalhostIpv6 from './health-localhost-ipv6.js';
import stackParametersInvalid from './stack-parameters-invalid.js';
import migrationToolFailed from './migration-tool-failed.js';
import schemaNotMigrated from './schema-not-migrated.js';
import stackFailedState from './stack-failed-state.js';
import propertyValidationFailed from './property-validation-failed.js';
import platformFault from './platform-fault.js';
import engineSeccompOutdated from './engine-seccomp-outdated.js';
import requiredSettingMissing from './required-setting-missing.js';
import migrationStateBroken from './migration-state-broken.js';
import awsCredentialsMissing from './aws-credentials-missing.js';
import privilegedPortDenied from './privileged-port-denied.js';
import pathNotWritable from './path-not-writable.js';
import secretFileTooOpen from './secret-file-too-open.js';
import dataDirNotEmpty from './data-dir-not-empty.js';
import dbClientHostNotAllowed from './db-client-host-not-allowed.js';
import encryptionKeyMismatch from './encryption-key-mismatch.js';
import hostKernelLimitLow from './host-kernel-limit-low.js';
import clusterPeersUnreachable from './cluster-peers-unreachable.js';
import dbConnectionLimitReached from './db-connection-limit-reached.js';
import engineSocketDenied from './engine-socket-denied.js';
import ec2CapacityInsufficient from './ec2-capacity-insufficient.js';
import settingValueInvalid from './setting-value-invalid.js';
import databaseNameUnknown from './database-name-unknown.js';
import schedulerNoFit from './scheduler-no-fit.js';
import subnetAddressesExhausted from './subnet-addresses-exhausted.js';
import apiThrottled from './api-throttled.js';
import envSchemaRejected from './env-schema-rejected.js';
import publishedPortEmptyReply from './published-port-empty-reply.js';
import placementUnexplained from './placement-unexplained.js';
import credentialsRejected from './credentials-rejected.js';
import configFileInvalid from './config-file-invalid.js';
import bindAddressUnavailable from './bind-address-unavailable.js';
import serverBindFailed from './server-bind-failed.js';
import embeddedDnsRefused from './embedded-dns-refused.js';
import dependencyNotReady from './dependency-not-ready.js';
import traceInClientConnect from './trace-in-client-connect.js';
import platformPortNotListening from './platform-port-not-listening.js';
import probeRefused from './probe-refused.js';
import clientTooOld from './client-too-old.js';
import diskFull from './disk-full.js';
import resourceRequestInvalid from './resource-request-invalid.js';
import resourceNameInvalid from './resource-name-invalid.js';
import iacDefinitionInvalid from './iac-definition-invalid.js';
import capacityProviderInvalid from './capacity-provider-invalid.js';
import loggingSetupNetwork from './logging-setup-network.js';
import scriptCrlfLineEndings from './script-crlf-line-endings.js';
import probeLocalhostIpv6Refused from './probe-localhost-ipv6-refused.js';
import healthSchemeMismatch from './health-scheme-mismatch.js';
import healthCommandUnrunnable from './health-command-unrunnable.js';
import healthCheckNoCredentials from './health-check-no-credentials.js';
import healthToolOptionInvalid from './health-tool-option-invalid.js';
import healthStartPeriodShort from './health-start-period-short.js';
import healthOutputRefusedPath from './health-output-refused-path.js';
import healthCheckTimedOut from './health-check-timed-out.js';
import sharedLibraryMissing from './shared-library-missing.js';
import nativeAbort from './native-abort.js';
import listenIpv6Unavailable from './listen-ipv6-unavailable.js';
import probePortNotListened from './probe-port-not-listened.js';
import runtimeDependencyMissing from './runtime-dependency-missing.js';
import imageReferenceInvalid from './image-reference-invalid.js';
import imageLayersUnreadable from './image-layers-unreadable.js';
import settingValueRejected from './setting-value-rejected.js';
import tlsMaterialMissing from './tls-material-missing.js';
import awsServiceFault from './aws-service-fault.js';
import hostFirewallRulesLost from './host-firewall-rules-lost.js';
import agentDisconnected from './agent-disconnected.js';
import toolReportsOwnBug from './tool-reports-own-bug.js';
import environLookupFailed from './environ-lookup-failed.js';
import envAssignmentAsCommand from './env-assignment-as-command.js';
import daemonApiMismatch from './daemon-api-mismatch.js';
// Session 8, part d: IAM, image, memory, capacity, CloudFormation and migration families.
import workerKilledBySignal from './worker-killed-by-signal.js';
import stackLogGroupMissing from './stack-log-group-missing.js';
import intrinsicFunctionInvalid from './intrinsic-function-invalid.js';
import efsMountDenied from './efs-mount-denied.js';
// Session 10, part o: config-env.
import nfsExportPathMissing from './nfs-export-path-missing.js';
import fargateSizeUnsupported from './fargate-size-unsupported.js';
import shellReportsKilled from './shell-reports-killed.js';
import exportNotFound from './export-not-found.js';
import eniLimitReached from './eni-limit-reached.js';
import pullStreamBroken from './pull-stream-broken.js';
// Session 9, part i: tools, registries and the platform read as `other`.
import logFetchFailed from './log-fetch-failed.js';
import registryNoAnswer from './registry-no-answer.js';
import dockerEngineUnreachable from './docker-engine-unreachable.js';
import requestNoAnswer from './request-no-answer.js';
import terminalRequired from './terminal-required.js';
import runtimeStateConflict from './runtime-state-conflict.js';
import transformRejected from './transform-rejected.js';
import roleNotUsable from './role-not-usable.js';
import stopNotApplied from './stop-not-applied.js';
import toolJavaException from './tool-java-exception.js';
import traceInMigrationCheck from './trace-in-migration-check.js';
import healthOutputUnwritable from './health-output-unwritable.js';
import templateUnparsable from './template-unparsable.js';
import ecsIdentifierInvalid from './ecs-identifier-invalid.js';
import clientRegionList from './client-region-list.js';
import instanceMetadataOnFargate from './instance-metadata-on-fargate.js';
import pullFailedNoCause from './pull-failed-no-cause.js';
import platformStoppedTask from './platform-stopped-task.js';
import caCertificatesMissing from './ca-certificates-missing.js';
import probeExecUnrunnable from './probe-exec-unrunnable.js';

/**
 * Every signature, one file each; adding one is a new file plus a line here (test/diagnose/rules.test.ts then
 * checks its examples). Order matters only for ties: list a specific rule before the generic rule of the same
 * confidence (confidence and `beats` decide first).
 */
const HAND_WRITTEN: readonly Rule[] = [
  targetUnhealthyNoReason,
  smtpEgressNoAnswer,
  hostFirewallBlocks,
  publicHostNotResolved,
  registryNetworkTimeout,
  secretFetchNetwork,
  resourceInitNetwork,
  efsMountTimeout,
  awsvpcNetworkConfigRejected,
  targetTimeout,
  pullRateLimit,
  platformManifestMissing,
  pullAccessDenied,
  registryPushRefused,
  ecrPublicRegion,
  pullManifestNotFound,
  kmsAccessDenied,
  secretAccessDenied,
  secretNotFound,
  roleNotAssumable,
  serviceLinkedRoleMissing,
  executionRoleRequired,
  iamNotAuthorized,
  awsCallDenied,
  awsCredentialsMissing,
  healthCmdPrefixDoubled,
  healthExecFormShellSyntax,
  healthBinaryMissing,
  healthLocalhostIpv6,
  probeLocalhostIpv6Refused,
  healthSchemeMismatch,
  healthCommandUnrunnable,
  healthCheckNoCredentials,
  healthToolOptionInvalid,
  healthStartPeriodShort,
  healthOutputRefusedPath,
  healthCheckTimedOut,
  curlWithoutFail,
  curlWithoutFailExitCode,
  healthExit127,
  localHealthCommandNotFound,
  healthToolUnverified,
  elbHealthCodeMismatch,
  elbHealthFailed,
  containerHealthFailed,
  localUnhealthy,
  listensOnTaskAddress,
  hostPortMappedTwice,
  portInUse,
  privilegedPortDenied,
  pathNotWritable,
  secretFileTooOpen,
  dataDirNotEmpty,
  dbClientHostNotAllowed,
  encryptionKeyMismatch,
  hostKernelLimitLow,
  clusterPeersUnreachable,
  dbConnectionLimitReached,
  engineSocketDenied,
  bindAddressUnavailable,
  serverBindFailed,
  embeddedDnsRefused,
  listenIpv6Unavailable,
  platformPortNotListening,
  listeningOnLoopback,
  serverBoundLoopbackLogged,
  probePortNotListened,
  probeRefused,
  publishedPortEmptyReply,
  healthNothingListening,
  loopbackRefusedNoDbHost,
  loopbackRefusedNoCacheHost,
  loopbackRefusedNoBrokerHost,
  refusedWithLoopbackSetting,
  refusedAtDefaultHost,
  loopbackDependencyDownOnHost,
  appServerUpstreamLoopback,
  urlSchemeUnknown,
  refusedAtUnusualPort,
  secretKeyMissing,
  loopbackDependencyRefused,
  loopbackRequestRefused,
  loopbackDsnFailed,
  loopbackDsnLogged,
  envVarNotSet,
  requiredSettingMissing,
  hostUnexpandedVariable,
  settingValueInvalid,
  databaseNameUnknown,
  envSchemaRejected,
  credentialsRejected,
  configFileInvalid,
  logGroupMissing,
  hostNotAllowed,
  dbSslRequired,
  dbSslNotOffered,
  dbTlsUntrusted,
  stalePidFile,
  urlAsHostname,
  dbAuthMethodUnsupported,
  commandAsOneString,
  commandArgumentUnknown,
  commandNotFound,
  entrypointNotRunnable,
  commandNotExecutable,
  localCommandNotFound,
  localCwdMissing,
  kafkaBrokerUnavailable,
  dependencyNotReady,
  traceInClientConnect,
  nameNotResolved,
  hostSettingNotResolved,
  managedEndpointTimeout,
  dependencyTimeoutAwsNetwork,
  connectionRefused,
  oomKilled,
  runtimeHeapOom,
  memoryNotEnough,
  exit137,
  noContainerInstances,
  portTakenOnInstance,
  missingInstanceAttribute,
  fargateCapacityUnavailable,
  taskQuotaReached,
  ec2CapacityInsufficient,
  insufficientResources,
  schedulerNoFit,
  subnetAddressesExhausted,
  placementUnexplained,
  execFormatError,
  cpuFeaturesMissing,
  dataDirVersionMismatch,
  healthCheckDefinitionInvalid,
  stackRollbackComplete,
  stackRollbackFailed,
  stackBusy,
  stackFailedState,
  unresolvedDependencies,
  unsupportedProperty,
  propertyValidationFailed,
  circularDependency,
  nestedOutputNotFound,
  elbv2InternalFailure,
  templateError,
  stackParametersInvalid,
  liquibaseLock,
  flywayValidateFailed,
  prismaFailedMigration,
  pendingMigrations,
  migrationToolFailed,
  migrationStateBroken,
  schemaNotMigrated,
  nodeModuleNotFound,
  pythonModuleNotFound,
  workerCrashed,
  sharedLibraryMissing,
  runtimeDependencyMissing,
  segfault,
  nativeAbort,
  uncaughtException,
  runtimeFatalBanner,
  essentialExitedNonzero,
  exitedZero,
  localExitNonzero,
  webhookUnreachable,
  kubeletUnreachable,
  connectTimeoutDropped,
  composeDependencyTimeout,
  composeHealthConditionNoCheck,
  networkUnreachable,
  hostUnreachable,
  hostUnreachableFirewall,
  ipv6EgressUnavailable,
  instancesUnregisteredNetwork,
  upstreamNoneHealthy,
  connectTimeoutAmbiguous,
  nodesCannotJoin,
  registryServerError,
  platformAgentCrashed,
  proxyUpstreamRefused,
  bucketAclNotSupported,
  awsEndpointNoAnswer,
  awsSdkNoAnswer,
  agentInitNoAnswer,
  trafficRejected,
  healthPathNotFound,
  healthUrlMalformed,
  secretRetrievalRefused,
  engineSeccompOutdated,
  platformFault,
  clientTooOld,
  apiThrottled,
  circuitBreaker,
  deploymentAlarm,
  diskFull,
  resourceNameInvalid,
  resourceRequestInvalid,
  iacDefinitionInvalid,
  capacityProviderInvalid,
  loggingSetupNetwork,
  scriptCrlfLineEndings,
  imageReferenceInvalid,
  imageLayersUnreadable,
  settingValueRejected,
  tlsMaterialMissing,
  awsServiceFault,
  hostFirewallRulesLost,
  agentDisconnected,
  toolReportsOwnBug,
  environLookupFailed,
  envAssignmentAsCommand,
  daemonApiMismatch,
  // Session 8, part d.
  workerKilledBySignal,
  stackLogGroupMissing,
  intrinsicFunctionInvalid,
  efsMountDenied,
  nfsExportPathMissing,
  fargateSizeUnsupported,
  shellReportsKilled,
  exportNotFound,
  eniLimitReached,
  pullStreamBroken,
  // Session 9, part i.
  logFetchFailed,
  registryNoAnswer,
  ecsIdentifierInvalid,
  clientRegionList,
  instanceMetadataOnFargate,
  pullFailedNoCause,
  platformStoppedTask,
  // Session 9, part l.
  dockerEngineUnreachable,
  requestNoAnswer,
  terminalRequired,
  toolJavaException,
  // Session 10, part p.
  runtimeStateConflict,
  transformRejected,
  roleNotUsable,
  stopNotApplied,
  // Session 10, part t.
  traceInMigrationCheck,
  healthOutputUnwritable,
  templateUnparsable,
  // Session 11, part c.
  caCertificatesMissing,
  probeExecUnrunnable,
];

/** The hand-written rules, then one weak rule per documented error code (catalogue/). */
export const RULES: readonly Rule[] = [...HAND_WRITTEN, ...catalogueRules(CATALOGUES)];
