import { describe } from 'node:test';
import { composed, itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 12, part c: a server that could not bind its listen address. First the address the container does not have
 * (EADDRNOTAVAIL) in the wordings the first rule missed (BSD/macOS `Can't assign`, a capital `Bind on`, Ruby's errno
 * before its `bind(2)`, Erlang's `eaddrnotavail` atom); then a bind failure whose reason the runtime did not print
 * (Netty 3, Kestrel, gRPC Java, Jetty, Akka HTTP, Vert.x), which is port-binding whatever the errno was.
 * Written from how each runtime words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  {
    name: "MySQL's Bind on TCP/IP port with the address missing",
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: composed(
      'db',
      'db  | 2025-03-02T10:00:01.120Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1',
      "db  | 2025-03-02T10:00:02.311Z 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Cannot assign requested address",
      'db  | 2025-03-02T10:00:02.311Z 0 [ERROR] [MY-010257] [Server] Do you already have another mysqld server running on socket: /var/run/mysqld/mysqld.sock ?',
      'db  | 2025-03-02T10:00:02.312Z 0 [ERROR] [MY-010119] [Server] Aborting',
    ),
  },
  {
    name: "Puma's EADDRNOTAVAIL with bind(2) after the errno",
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      'Puma starting in single mode...',
      '* Min threads: 5, max threads: 5',
      '* Environment: production',
      '/usr/local/bundle/gems/puma-6.4.2/lib/puma/binder.rb:334:in `initialize\': Cannot assign requested address - bind(2) for "10.0.3.17" port 3000 (Errno::EADDRNOTAVAIL)',
      "\tfrom /usr/local/bundle/gems/puma-6.4.2/lib/puma/binder.rb:334:in `new'",
    ),
  },
  {
    name: "Go on a BSD-family libc: bind: can't assign requested address",
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      'time="2025-03-02T10:00:01Z" level=info msg="config loaded"',
      'time="2025-03-02T10:00:01Z" level=fatal msg="listen tcp 192.168.64.5:8080: bind: can\'t assign requested address"',
    ),
  },
  {
    name: "Phoenix's Ranch listener failing with :eaddrnotavail",
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: logged(
      '10:00:01.203 [info] Migrations already up',
      "10:00:01.512 [error] Failed to start Ranch listener MyAppWeb.Endpoint.HTTP in :ranch_tcp:listen([cacertfile: :undefined, port: 4000, ip: {10, 0, 3, 17}]) for reason :eaddrnotavail (can't assign requested address)",
      '** (Mix) Could not start application my_app: MyApp.Application.start(:normal, []) returned an error: shutdown: failed to start child: MyAppWeb.Endpoint',
    ),
  },
  {
    name: 'RabbitMQ (Erlang) unable to start a listener on an absent address',
    expect: 'port-binding',
    rule: 'bind-address-unavailable',
    capture: composed(
      'rabbitmq',
      'rabbitmq  | 2025-03-02 10:00:03.118 [info] <0.273.0> Starting RabbitMQ 3.12.12 on Erlang 26.2',
      'rabbitmq  | 2025-03-02 10:00:05.402 [error] <0.526.0> Failed to start TCP listener [10.0.3.17]:5672, error: eaddrnotavail',
      'rabbitmq  | BOOT FAILED',
    ),
  },
  {
    name: "Netty 3's ChannelException with no cause printed",
    expect: 'port-binding',
    rule: 'server-bind-failed',
    capture: logged(
      '[INFO] [akka.event.slf4j.Slf4jLogger] Slf4jLogger started',
      'Exception in thread "main" org.jboss.netty.channel.ChannelException: Failed to bind to: node-a.internal/10.20.0.7:2552',
      '\tat org.jboss.netty.bootstrap.ServerBootstrap.bind(ServerBootstrap.java:272)',
    ),
  },
  {
    name: "Kestrel's Failed to bind to address with the inner exception cut off",
    expect: 'port-binding',
    rule: 'server-bind-failed',
    capture: logged(
      'info: Microsoft.Hosting.Lifetime[0] Application is shutting down...',
      'crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel.',
      '      System.IO.IOException: Failed to bind to address http://10.0.3.17:8080.',
    ),
  },
  {
    name: "gRPC Java's Failed to bind to address",
    expect: 'port-binding',
    rule: 'server-bind-failed',
    capture: logged(
      'INFO  c.e.orders.OrdersServer - starting gRPC server',
      'Exception in thread "main" java.io.IOException: Failed to bind to address 0.0.0.0/0.0.0.0:50051',
      '\tat io.grpc.netty.NettyServer.start(NettyServer.java:328)',
      '\tat io.grpc.internal.ServerImpl.start(ServerImpl.java:183)',
    ),
  },
  {
    name: "Akka HTTP's Bind failed for TCP channel",
    expect: 'port-binding',
    rule: 'server-bind-failed',
    capture: logged(
      '[INFO] [03/02/2025 10:00:01.120] [main] [akka.event.slf4j.Slf4jLogger] Slf4jLogger started',
      '[ERROR] [03/02/2025 10:00:01.733] [api-akka.actor.default-dispatcher-5] [akka.actor.ActorSystemImpl(api)] Bind failed for TCP channel on endpoint [/10.0.3.17:8080]',
    ),
  },
  {
    name: "Vert.x's native bind(..) failed",
    expect: 'port-binding',
    rule: 'server-bind-failed',
    capture: logged(
      'INFO: Deploying verticle com.example.MainVerticle',
      'SEVERE: Failed in deploying verticle',
      'io.netty.channel.unix.Errors$NativeIoException: bind(..) failed',
    ),
  },
];

describe('session 12 part c: a server that could not bind its listen address', () => {
  itNamesEach(cases);
});

/*
 * Docker's embedded DNS refusing a lookup, in three resolvers' words: the name never resolved, so the refusal is the
 * network's, not the dependency's.
 */
const dnsCases: readonly PhrasingCase[] = [
  {
    name: "Go's resolver refused by 127.0.0.11",
    expect: 'network-sg',
    rule: 'embedded-dns-refused',
    capture: composed(
      'shipper',
      'shipper  | level=info ts=2025-03-02T10:00:01Z msg="starting shipper"',
      'shipper  | level=warn ts=2025-03-02T10:00:06Z msg="error sending batch, will retry" error="Post \\"http://collector:4318/v1/logs\\": dial tcp: lookup collector on 127.0.0.11:53: read udp 127.0.0.1:50211->127.0.0.11:53: read: connection refused"',
    ),
  },
  {
    name: "dig's communications error to 127.0.0.11",
    expect: 'network-sg',
    rule: 'embedded-dns-refused',
    capture: composed(
      'debug',
      'debug  | + dig +short db',
      'debug  | ;; communications error to 127.0.0.11#53: connection refused',
      'debug  | ;; communications error to 127.0.0.11#53: connection refused',
      'debug  | ;; no servers could be reached',
    ),
  },
  {
    name: "dnspython's nameserver answered Connection refused",
    expect: 'network-sg',
    rule: 'embedded-dns-refused',
    capture: logged(
      'INFO:worker:resolving broker address',
      'dns.resolver.NoNameservers: All nameservers failed to answer the query broker. IN A: Server Do53:127.0.0.11@53 answered [Errno 111] Connection refused',
    ),
  },
];

describe("session 12 part c: Docker's embedded DNS refusing the lookup", () => {
  itNamesEach(dnsCases);
});
