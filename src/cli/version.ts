import { readFileSync } from 'node:fs';

/** The first Node.js major that the AWS SDK's releases from January 2027 on still support. */
const SDK_NODE_FLOOR = 22;

/**
 * `convoy --version`: the package version, and on a Node.js the AWS SDK is leaving behind, once, what that means. The
 * SDK's own warning is silenced in main.ts because it would otherwise repeat in every deployment log.
 */
export function versionText(nodeVersion = process.version): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const major = Number(/^v(\d+)/.exec(nodeVersion)?.[1]);
  if (major >= SDK_NODE_FLOOR) return pkg.version;
  return [
    pkg.version,
    `note: Node.js ${nodeVersion} is past its end of life. Convoy's package-lock.json pins AWS SDK releases that`,
    `still run on it, but SDK releases from January 2027 on need Node.js >= ${SDK_NODE_FLOOR}: upgrade to Node.js 22`,
    `or 24 (both tested) before you update dependencies.`,
  ].join('\n');
}
