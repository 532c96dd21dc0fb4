import type { Rule } from '../types.js';

/*
 * A server's bind of its listen socket failed and the runtime printed no reason (or the capture cut the inner
 * exception off): Netty 3's `ChannelException: Failed to bind to:` (Akka remoting, Play 2), Kestrel's, gRPC Java's and
 * Jetty's `IOException: Failed to bind to …`, Akka HTTP's `Bind failed for TCP channel on endpoint`, Netty 4 / Vert.x's
 * `NativeIoException: bind(..) failed`. Whatever the errno was (port taken, address not in the container, privileged
 * port) the fix is in the listen address or port, so it is port-binding; the rules that read the reason rank above it.
 * Spring's `Failed to bind properties` (configuration binding) and a platform's `failed to bind to $PORT` are not this.
 */
const rule: Rule = {
  id: 'server-bind-failed',
  category: 'port-binding',
  match: [
    {
      re: /(?<what>ChannelException: Failed to bind to:? [^\n]{0,80}|IOException: Failed to bind to (?:address )?[^\n]{0,80}|Bind failed for TCP channel on endpoint [^\n]{0,60}|NativeIoException: bind\(\.\.\) failed[^\n]{0,40})/,
      not: /Failed to bind properties|\$PORT/,
    },
  ],
  cause: "{service}'s server could not bind its listen address: {what}.",
  fix: 'Check that the listen address exists inside the container (listen on 0.0.0.0 rather than a host IP or name), that the port is free and unprivileged, and that the published port maps to it.',
  confidence: 0.7,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'org.jboss.netty.channel.ChannelException: Failed to bind to: node-a.internal/10.20.0.7:2552',
        ],
      ],
      [['log', 'System.IO.IOException: Failed to bind to address http://10.0.3.17:8080.']],
      [['log', 'java.io.IOException: Failed to bind to 0.0.0.0/0.0.0.0:8080']],
      [['log', 'Bind failed for TCP channel on endpoint [/10.0.3.17:8080]']],
      [['log', 'io.netty.channel.unix.Errors$NativeIoException: bind(..) failed: Address already in use']],
    ],
    noMatch: [
      [['log', "Failed to bind properties under 'spring.datasource' to javax.sql.DataSource"]],
      [
        [
          'log',
          'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
        ],
      ],
      [['log', 'java.net.ConnectException: Connection refused: localhost/127.0.0.1:5432']],
    ],
  },
};
export default rule;
