/** The names other tasks reach an ECS service by through Service Connect: its aliases' DNS names, its discovery names. */
export function serviceConnectNames(def: Record<string, unknown> | undefined): string[] {
  const sc = def?.serviceConnectConfiguration as { services?: unknown } | undefined;
  const names = (Array.isArray(sc?.services) ? sc.services : []).flatMap((x: Record<string, unknown>) => [
    x.discoveryName,
    ...(Array.isArray(x.clientAliases) ? x.clientAliases : []).map(
      (a: Record<string, unknown>) => a?.dnsName,
    ),
  ]);
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n !== ''))];
}
