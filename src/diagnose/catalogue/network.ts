import type { Catalogue } from './types.js';

/*
 * Network-level error codes as the tools print them: curl's exit codes (`curl: (N) message`), GNU and BusyBox wget's
 * messages, OpenSSL and TLS clients' verification errors, DNS response codes, HTTP statuses as proxies and probes print
 * them, and gRPC status names. The short ones carry the text around them in `re`.
 */

/** curl's exit codes, as the command-line tool prints them. */
const curl: Catalogue = {
  id: 'curl',
  tool: 'curl',
  reference: 'https://curl.se/libcurl/c/libcurl-errors.html',
  entries: [
    {
      code: 'curl: (3)',
      category: 'health-check-command',
      meaning: 'the URL was not properly formatted',
      fix: 'Correct the URL in the command (an unexpanded variable, a missing scheme, a bad port); in a health check, write it out literally or use CMD-SHELL so variables expand.',
      re: /curl: \(3\) /,
      example: 'curl: (3) URL using bad/illegal format or missing URL',
    },
    {
      code: 'curl: (5)',
      category: 'config-env',
      meaning: 'the given proxy host could not be resolved',
      fix: 'Correct or unset the proxy settings the container inherits (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY) and set NO_PROXY for local and AWS addresses.',
      re: /curl: \(5\) /,
      example: 'curl: (5) Could not resolve proxy: proxy.corp.internal',
    },
    {
      code: 'curl: (6)',
      category: 'dependency-unreachable',
      meaning: 'the given remote host could not be resolved',
      fix: 'Check the host name in the URL is the dependency’s real name (its service discovery or DNS name), that the dependency is registered there, and that the container has DNS.',
      re: /curl: \(6\) /,
      example: 'curl: (6) Could not resolve host: api.internal',
    },
    {
      code: 'curl: (7)',
      category: 'dependency-unreachable',
      meaning: 'curl failed to connect to the host or proxy',
      fix: 'Check the service at that host and port is up and listening on an address the caller can reach; for localhost in a health check, check the app’s listen port and address.',
      re: /curl: \(7\) /,
      example: 'curl: (7) Failed to connect to orders.internal port 8080 after 3 ms: Connection refused',
    },
    {
      code: 'curl: (22)',
      category: 'health-check-command',
      meaning: 'the server answered with an HTTP error status (400 or above) and --fail was given',
      fix: 'Point the request at a path the server answers with 2xx (the health route), with the right Host header and scheme.',
      re: /curl: \(22\) The requested URL returned error: 4\d\d/,
      example: 'curl: (22) The requested URL returned error: 404',
    },
    {
      code: 'curl: (23)',
      category: 'health-check-command',
      meaning: 'curl could not write the received data to its output',
      fix: 'Discard the body (-o /dev/null) or run from a writable directory; the server answered.',
      re: /curl: \(23\) /,
      example: 'curl: (23) Failure writing output to destination',
    },
    {
      code: 'curl: (28)',
      category: 'other',
      meaning: 'the operation timed out',
      fix: 'A timeout alone does not say where packets are dropped: check the security groups and routes between caller and server, that the server is up, and that it answers within the timeout.',
      re: /curl: \(28\) /,
      example: 'curl: (28) Failed to connect to 10.0.3.12 port 443 after 130000 ms: Connection timed out',
    },
    {
      code: 'curl: (35)',
      category: 'config-env',
      meaning: 'the TLS/SSL handshake failed',
      fix: 'Match the client’s TLS settings to the server: https only to a TLS port, a TLS version and ciphers both support, and the client certificate when one is required.',
      re: /curl: \(35\) /,
      example: 'curl: (35) OpenSSL/3.0.11: error:0A000410:SSL routines::sslv3 alert handshake failure',
    },
    {
      code: 'curl: (47)',
      category: 'config-env',
      meaning: 'too many redirects',
      fix: 'Break the redirect loop: usually an app forcing https behind a proxy that terminates TLS (trust X-Forwarded-Proto), or a wrong base URL.',
      re: /curl: \(47\) /,
      example: 'curl: (47) Maximum (50) redirects followed',
    },
    {
      code: 'curl: (51)',
      category: 'config-env',
      meaning: 'the server’s certificate does not match the host name',
      fix: 'Connect with the name the certificate is issued for (the endpoint’s DNS name, not its IP or an alias), or reissue the certificate with that name.',
      re: /curl: \(51\) |curl: \(60\) SSL: no alternative certificate subject name matches/,
      example: "curl: (51) SSL: no alternative certificate subject name matches target host name '10.0.1.5'",
    },
    {
      code: 'curl: (52)',
      category: 'port-binding',
      meaning: 'the server replied with nothing',
      fix: 'Check the port speaks HTTP and the app listens on 0.0.0.0 inside the container (a published port with nothing bound behind it answers empty).',
      re: /curl: \(52\) /,
      example: 'curl: (52) Empty reply from server',
    },
    {
      code: 'curl: (56)',
      category: 'port-binding',
      meaning: 'receiving network data failed (the connection was reset)',
      fix: 'Check the app listens on 0.0.0.0 at the mapped port, and that the scheme matches what the port serves.',
      re: /curl: \(56\) /,
      example: 'curl: (56) Recv failure: Connection reset by peer',
    },
    {
      code: 'curl: (60)',
      category: 'app-crash',
      meaning: 'the peer certificate cannot be authenticated with known CA certificates',
      fix: 'Install the CA bundle in the image (ca-certificates), or add the private CA that signed the server’s certificate to the trust store.',
      re: /curl: \(60\) (?!SSL: no alternative)/,
      not: /self[- ]signed|expired/i,
      example: 'curl: (60) SSL certificate problem: unable to get local issuer certificate',
    },
    {
      code: 'curl: (77)',
      category: 'app-crash',
      meaning: 'there was a problem reading the CA certificate file',
      fix: 'Install ca-certificates in the image, or point CURL_CA_BUNDLE / --cacert at a file that exists.',
      re: /curl: \(77\) /,
      example:
        'curl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/certs/ca-certificates.crt CApath: none',
    },
  ],
};

/** GNU Wget's and BusyBox wget's messages. */
const wget: Catalogue = {
  id: 'wget',
  tool: 'wget',
  reference: 'https://www.gnu.org/software/wget/manual/html_node/Exit-Status.html',
  entries: [
    {
      code: 'unable to resolve host address',
      category: 'dependency-unreachable',
      meaning: 'the host name could not be resolved (exit status 4, network failure)',
      fix: 'Check the host name in the URL is the dependency’s real name and that the container has DNS.',
      example: "wget: unable to resolve host address 'api.internal'",
    },
    {
      code: 'bad address',
      category: 'dependency-unreachable',
      meaning: 'BusyBox wget could not resolve the host name',
      fix: 'Check the host name in the URL and that the container has DNS.',
      re: /wget: bad address '[^'{$]+'/,
      example: "wget: bad address 'api.internal'",
    },
    {
      code: 'failed: Connection refused',
      category: 'dependency-unreachable',
      meaning: 'the connection was refused (exit status 4, network failure)',
      fix: 'Check the service at that host and port is up and listens on an address the caller can reach.',
      re: /Connecting to [^\n]*\.\.\. failed: Connection refused/,
      example:
        'Connecting to orders.internal (orders.internal)|10.0.2.7|:8080... failed: Connection refused.',
    },
    {
      code: 'ERROR 404',
      category: 'health-check-command',
      meaning: 'the server issued an error response (exit status 8)',
      fix: 'Point the request at a path the server answers with 2xx (the health route).',
      re: /\bERROR 40[1345]: |server returned error: HTTP\/[\d.]+ 40[1345]\b/,
      example: '2024-05-02 10:11:12 ERROR 404: Not Found.',
    },
    {
      code: 'Unable to locally verify the issuer',
      category: 'app-crash',
      meaning: 'the server’s certificate could not be verified against the local CA store (exit status 5)',
      fix: 'Install ca-certificates in the image, or add the private CA to the trust store.',
      re: /Unable to locally verify the issuer'?s authority/,
      example:
        "ERROR: cannot verify api.example.com's certificate, issued by 'CN=R3,O=Let\\'s Encrypt,C=US': Unable to locally verify the issuer's authority.",
    },
    {
      code: 'Unable to establish SSL connection',
      category: 'config-env',
      meaning: 'the TLS handshake failed (exit status 4)',
      fix: 'Use https only against a TLS port (http:// for a plain one) and a TLS version both sides support.',
      example: 'Unable to establish SSL connection.',
    },
    {
      code: 'Read error',
      category: 'port-binding',
      meaning: 'the connection was reset while reading the response',
      fix: 'Check the app listens on 0.0.0.0 at the port and that the port speaks HTTP.',
      re: /Read error \(Connection reset by peer\) in headers|wget: error getting response: Connection reset by peer/,
      example: 'Read error (Connection reset by peer) in headers.',
    },
    {
      code: 'download timed out',
      category: 'other',
      meaning: 'BusyBox wget got no complete answer within its timeout',
      fix: 'Check the server answers that URL in time and the network between caller and server does not drop packets.',
      re: /wget: download timed out/,
      example: 'wget: download timed out',
    },
  ],
};

/** OpenSSL and TLS clients' certificate verification and handshake errors. */
const tls: Catalogue = {
  id: 'tls',
  tool: 'OpenSSL and TLS clients',
  reference: 'https://docs.openssl.org/master/man1/openssl-verification-options/',
  entries: [
    {
      code: 'CERTIFICATE_VERIFY_FAILED',
      category: 'app-crash',
      meaning: 'the server’s certificate could not be verified against the trusted CAs',
      fix: 'Install the CA bundle in the image (ca-certificates, certifi), or add the private CA (for instance the RDS bundle) to the trust store the client uses.',
      not: /self[- ]signed|certificate has expired|hostname mismatch|doesn'?t match/i,
      example:
        'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
    },
    {
      code: 'unable to get local issuer certificate',
      category: 'app-crash',
      meaning: 'the issuer of the certificate could not be found in the local trust store',
      fix: 'Install ca-certificates in the image, or add the missing intermediate or private CA to the trust store.',
      example: 'verify error:num=20:unable to get local issuer certificate',
    },
    {
      code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      category: 'app-crash',
      meaning: 'the issuer of the certificate could not be found in the local trust store',
      fix: 'Install ca-certificates in the image, or pass the private CA (NODE_EXTRA_CA_CERTS for Node).',
      example: "Error: unable to get local issuer certificate { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }",
    },
    {
      code: 'x509: certificate signed by unknown authority',
      category: 'app-crash',
      meaning: 'Go could not verify the certificate against the system roots',
      fix: 'Install ca-certificates in the image (a scratch or distroless image has none), or add the private CA.',
      example:
        'Get "https://api.example.com/v1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    },
    {
      code: 'certificate has expired',
      category: 'config-env',
      meaning: 'the certificate’s validity period has ended',
      fix: 'Renew the server’s certificate (or the client certificate the app presents); if it is valid, fix the container host’s clock, or update the image’s CA bundle when an old root in it expired.',
      re: /certificate has expired|\bCERT_HAS_EXPIRED\b|x509: certificate has expired or is not yet valid/,
      example: "Error: certificate has expired { code: 'CERT_HAS_EXPIRED' }",
    },
    {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      category: 'config-env',
      meaning:
        'the first certificate could not be verified: the chain is incomplete or its CA is not trusted',
      fix: 'Give the client the CA that issued the server’s certificate (NODE_EXTRA_CA_CERTS, the RDS CA bundle), or make the server send its full chain.',
      example: "Error: unable to verify the first certificate { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }",
    },
    {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
      category: 'config-env',
      meaning: 'the certificate chain ends in a self-signed root the client does not trust',
      fix: 'Add that root CA (a corporate proxy’s or a private CA) to the client’s trust store, e.g. NODE_EXTRA_CA_CERTS or the app’s CA setting.',
      example: "Error: self-signed certificate in certificate chain { code: 'SELF_SIGNED_CERT_IN_CHAIN' }",
    },
    {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      category: 'config-env',
      meaning: 'the server presented a self-signed certificate',
      fix: 'Trust that certificate explicitly in the client (its CA file setting), or give the server a certificate from a trusted CA.',
      example: "Error: self-signed certificate { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }",
    },
    {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      category: 'config-env',
      meaning: 'the host name is not among the certificate’s subject alternative names',
      fix: 'Connect with the name the certificate is issued for (the endpoint’s DNS name rather than an IP or a CNAME alias).',
      example:
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: db.internal. is not in the cert's altnames: DNS:*.abc.us-east-1.rds.amazonaws.com",
    },
    {
      code: 'x509: certificate is valid for',
      category: 'config-env',
      meaning: 'Go found the certificate is issued for other names than the one connected to',
      fix: 'Connect with a name the certificate lists, or reissue the certificate for the name used.',
      example: 'x509: certificate is valid for *.us-east-1.rds.amazonaws.com, not db.internal',
    },
    {
      code: 'SSL_ERROR_SYSCALL',
      category: 'network-sg',
      meaning: 'the connection was closed by the network during the TLS handshake',
      fix: 'Check what sits between client and server (a proxy, firewall or egress filter resetting the connection) and that the destination port serves TLS.',
      example: 'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to registry.example.com:443',
    },
    {
      code: 'wrong version number',
      category: 'config-env',
      meaning: 'the peer did not answer with TLS: a TLS client reached a plain-text port',
      fix: 'Use http:// (or disable TLS in the client) for a plain port, or point the client at the server’s TLS port.',
      re: /wrong version number|\bWRONG_VERSION_NUMBER\b/,
      example: 'error:0A00010B:SSL routines::wrong version number',
    },
    {
      code: 'tlsv1 alert protocol version',
      category: 'config-env',
      meaning: 'the peer refused the TLS protocol version offered',
      fix: 'Align the TLS versions: raise the client’s minimum (TLS 1.2) or update the image’s OpenSSL/runtime; lower the server’s minimum only if policy allows.',
      re: /tlsv1 alert protocol version|TLSV1_ALERT_PROTOCOL_VERSION/i,
      example: 'error:1409442E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version',
    },
    {
      code: 'sslv3 alert handshake failure',
      category: 'config-env',
      meaning:
        'the peer aborted the handshake: no common cipher, version, or a required client certificate or SNI missing',
      fix: 'Match the client’s TLS settings to the server (ciphers, version, SNI host name, client certificate).',
      re: /sslv3 alert handshake failure|SSLV3_ALERT_HANDSHAKE_FAILURE/i,
      example: '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)',
    },
  ],
};

/** DNS response codes, as resolvers and dig print them. */
const dns: Catalogue = {
  id: 'dns',
  tool: 'DNS',
  reference: 'https://www.iana.org/assignments/dns-parameters/dns-parameters.xhtml#dns-parameters-6',
  entries: [
    {
      code: 'NXDOMAIN',
      category: 'dependency-unreachable',
      meaning: 'the name queried does not exist',
      fix: 'Check the dependency’s name (its service discovery name, namespace and search domain) and that it is registered.',
      re: /\bNXDOMAIN\b/i,
      example: ';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 41337',
    },
    {
      code: 'SERVFAIL',
      category: 'network-sg',
      meaning: 'the resolver failed to answer the query',
      fix: 'Check the VPC’s DNS (enableDnsSupport, Route 53 Resolver rules, private hosted zone association) or the resolver the container is given.',
      re: /\bSERVFAIL\b/,
      example: ';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 5120',
    },
    {
      code: 'REFUSED',
      category: 'network-sg',
      meaning: 'the name server refused the query by policy',
      fix: 'Point the container at a resolver that serves it (the VPC resolver at the VPC base +2), not an authoritative-only or restricted server.',
      re: /status: REFUSED\b|\bREFUSED\b[^\n]*\b(?:DNS|dns|query|resolv\w*)|\b(?:DNS|dns|query|resolv\w*)\b[^\n]*\brcode:? ?REFUSED\b/,
      example: ';; ->>HEADER<<- opcode: QUERY, status: REFUSED, id: 2031',
    },
    {
      code: 'no servers could be reached',
      category: 'network-sg',
      meaning: 'no name server answered at all',
      fix: 'Check the route and security rules to the resolver (UDP and TCP 53), and the resolver address the container uses.',
      example: ';; connection timed out; no servers could be reached',
    },
  ],
};

/** HTTP statuses as nginx and other proxies and probes print them. */
const http: Catalogue = {
  id: 'http-proxy',
  tool: 'nginx and HTTP proxies',
  reference: 'https://www.rfc-editor.org/rfc/rfc9110#name-status-codes',
  entries: [
    {
      code: '502 Bad Gateway',
      category: 'port-binding',
      meaning: 'the proxy got an invalid or no response from its upstream',
      fix: 'Check the proxy’s upstream address and port match where the app listens (0.0.0.0 and the right port), and that the app is running.',
      re: /\b502 Bad Gateway\b/,
      example: '<head><title>502 Bad Gateway</title></head>',
    },
    {
      code: 'upstream prematurely closed connection',
      category: 'app-crash',
      meaning: 'the upstream closed the connection before sending a full response',
      fix: 'Read the app’s logs at that moment: a worker that crashed or was killed (a timeout, memory), or the upstream speaks another protocol than the proxy expects.',
      example:
        '2024/05/02 10:11:12 [error] 29#29: *1 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.5, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:8000/"',
    },
    {
      code: 'connect() failed (111: Connection refused) while connecting to upstream',
      category: 'port-binding',
      meaning: 'nothing listened at the upstream address the proxy connects to',
      fix: 'Make the proxy’s upstream address and port match where the app listens, or make the app listen there.',
      re: /connect\(\) failed \(111: Connection refused\) while connecting to upstream/,
      example:
        '2024/05/02 10:11:12 [error] 29#29: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, server: _, request: "GET /health HTTP/1.1", upstream: "http://127.0.0.1:3000/health"',
    },
    {
      code: 'upstream timed out',
      category: 'network-sg',
      meaning: 'the upstream did not answer in time',
      fix: 'When it times out while connecting, allow the traffic between proxy and upstream (security groups, routes); while reading, the app is too slow and its timeout or work needs attention.',
      re: /upstream timed out \(110: (?:Connection|Operation) timed out\) while connecting to upstream/,
      example:
        '2024/05/02 10:11:12 [error] 29#29: *5 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.5, upstream: "http://10.0.4.9:8080/"',
    },
    {
      code: '504 Gateway Time-out',
      category: 'network-sg',
      meaning: 'the proxy or load balancer did not get an answer from its upstream in time',
      fix: 'Check the security groups and routes from the proxy or load balancer to the targets; if they connect, the app answers too slowly for the idle timeout.',
      re: /\b504 Gateway Time-?out\b/i,
      example: '<head><title>504 Gateway Time-out</title></head>',
    },
    {
      code: '503 Service Unavailable',
      category: 'dependency-unreachable',
      meaning: 'the server or proxy has no healthy upstream to serve the request',
      fix: 'Check the upstream the proxy routes to is running and healthy (registered targets, endpoints).',
      re: /\b503 Service (?:Temporarily )?Unavailable\b/,
      example: '<head><title>503 Service Temporarily Unavailable</title></head>',
    },
    {
      code: '413 Request Entity Too Large',
      category: 'config-env',
      meaning: 'the request body is larger than the server or proxy accepts',
      fix: 'Raise the proxy’s body limit (nginx client_max_body_size, the app server’s limit) or send smaller requests.',
      re: /\b413 (?:Request Entity|Payload|Content) Too Large\b/,
      example: '<head><title>413 Request Entity Too Large</title></head>',
    },
    {
      code: '421 Misdirected Request',
      category: 'config-env',
      meaning: 'the request reached a server not configured for its host name (the SNI and Host differ)',
      fix: 'Send the Host header that matches the TLS name, or configure the server (server_name, certificate) for the name used.',
      re: /\b421 Misdirected Request\b/,
      example: '<head><title>421 Misdirected Request</title></head>',
    },
    {
      code: 'The plain HTTP request was sent to HTTPS port',
      category: 'health-check-command',
      meaning: 'a plain-HTTP request reached a TLS port',
      fix: 'Use https:// against the TLS port (or http:// against the plain one) in the check or client.',
      example: '<center>The plain HTTP request was sent to HTTPS port</center>',
    },
    {
      code: 'upstream sent too big header',
      category: 'config-env',
      meaning: 'the upstream’s response headers do not fit the proxy’s buffer',
      fix: 'Raise proxy_buffer_size / fastcgi_buffer_size (and the buffers) in the proxy configuration, or send smaller headers (cookies).',
      example:
        '2024/05/02 10:11:12 [error] 29#29: *7 upstream sent too big header while reading response header from upstream, client: 10.0.0.5, upstream: "http://127.0.0.1:8000/login"',
    },
    {
      code: 'host not found in upstream',
      category: 'dependency-unreachable',
      meaning: 'nginx could not resolve an upstream host name at start',
      fix: 'Use the upstream’s resolvable name (service discovery, the container name on the same network, localhost in one task), or resolve at request time with a resolver directive.',
      example:
        '2024/05/02 10:11:12 [emerg] 1#1: host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:12',
    },
  ],
};

/** gRPC status codes, as the gRPC libraries print them. */
const grpc: Catalogue = {
  id: 'grpc',
  tool: 'gRPC',
  reference: 'https://grpc.github.io/grpc/core/md_doc_statuscodes.html',
  entries: [
    {
      code: 'UNAVAILABLE',
      category: 'dependency-unreachable',
      meaning: 'the service is currently unavailable, most likely a transient condition',
      fix: 'Check the gRPC server is up and listening at the address the client dials (host, port, TLS or plaintext alike), and retry with backoff while it starts.',
      re: /\bStatusCode\.UNAVAILABLE\b|\bcode = Unavailable\b|\b14 UNAVAILABLE\b|StatusRuntimeException: UNAVAILABLE\b|StatusCode="Unavailable"/,
      example:
        'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.2.7:50051: connect: connection refused"',
    },
    {
      code: 'DEADLINE_EXCEEDED',
      category: 'dependency-unreachable',
      meaning: 'the deadline expired before the operation could complete',
      fix: 'Check the server answers in time and is reachable (security groups drop connections silently); raise the deadline if the call is legitimately slow.',
      re: /\bStatusCode\.DEADLINE_EXCEEDED\b|\bcode = DeadlineExceeded\b|\b4 DEADLINE_EXCEEDED\b|StatusRuntimeException: DEADLINE_EXCEEDED\b|StatusCode="DeadlineExceeded"/,
      example: 'io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 9.99s',
    },
    {
      code: 'UNAUTHENTICATED',
      category: 'config-env',
      meaning: 'the request does not have valid authentication credentials for the operation',
      fix: 'Give the client the right credentials (token, API key, client certificate) in its settings.',
      re: /\bStatusCode\.UNAUTHENTICATED\b|\bcode = Unauthenticated\b|\b16 UNAUTHENTICATED\b|StatusRuntimeException: UNAUTHENTICATED\b|StatusCode="Unauthenticated"/,
      example:
        '<_InactiveRpcError of RPC that terminated with: status = StatusCode.UNAUTHENTICATED details = "Request had invalid authentication credentials.">',
    },
    {
      code: 'PERMISSION_DENIED',
      category: 'secrets-iam',
      meaning: 'the caller does not have permission to execute the operation',
      fix: 'Grant the identity the client runs as the role or permission the server requires.',
      re: /\bStatusCode\.PERMISSION_DENIED\b|\bcode = PermissionDenied\b|\b7 PERMISSION_DENIED\b|StatusRuntimeException: PERMISSION_DENIED\b|StatusCode="PermissionDenied"/,
      example: 'rpc error: code = PermissionDenied desc = Permission denied on resource project demo.',
    },
  ],
};

const catalogues: readonly Catalogue[] = [curl, wget, tls, dns, http, grpc];
export default catalogues;
