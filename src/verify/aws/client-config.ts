/**
 * SDK client settings for pre-flight calls: unlike a deployment, which must ride out throttling for minutes,
 * verify asks a handful of questions and must answer quickly — an unreachable endpoint or a hung connection
 * should fail in seconds. AWS_ENDPOINT_URL and the credential chain are honoured by the SDK itself.
 */
export function preflightConfig(region: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  return {
    ...(region ? { region } : {}),
    ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: 2 }),
    requestHandler: { connectionTimeout: 3000, requestTimeout: 10_000 },
  };
}
