import type { Rule } from '../types.js';

/*
 * A TLS client in the container cannot verify a server's certificate because the image has no trust store (or an
 * incomplete one): scratch, distroless-static and slim images ship no CA bundle unless the build copies one in. Each
 * client's words for an issuer it cannot find locally: Go's `x509: certificate signed by unknown authority` and, on
 * scratch, `x509: failed to load system roots and no roots provided`; OpenSSL's `unable to get local issuer
 * certificate` (Python's CERTIFICATE_VERIFY_FAILED, Node's UNABLE_TO_GET_ISSUER_CERT_LOCALLY, Ruby, PHP's and curl's
 * error 60); curl's `error setting certificate verify locations` (error 77: the bundle file is absent); the JVM's `PKIX
 * path building failed`; rustls' `UnknownIssuer` and rustls-native-certs finding no roots; .NET's `PartialChain`. The
 * fix is the image (install ca-certificates or copy the bundle into the final stage), so app-crash. A self-signed or
 * expired certificate, or a name mismatch, is the server's certificate, not the trust store, and is left out.
 */
const rule: Rule = {
  id: 'ca-certificates-missing',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?<what>x509: certificate signed by unknown authority|x509: failed to load system roots|unable to get local issuer certificate|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|error setting certificate verify locations|PKIX path building failed|invalid peer certificate: UnknownIssuer|no native root CA certificates found|certificate chain: PartialChain)/,
      not: /self[- ]signed|certificate has expired|CERT_HAS_EXPIRED|doesn't match|not valid for|hostname mismatch/i,
    },
  ],
  cause:
    "{service} could not verify a server's TLS certificate ({what}): the image has no CA certificates for its TLS client to trust.",
  fix: 'Put a CA bundle in the image: `apk add ca-certificates` / `apt-get install ca-certificates`, or in a multi-stage build to scratch or distroless `COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/`; if a proxy re-signs traffic, add its CA to the bundle instead.',
  confidence: 0.6,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'Put "https://acct.blob.core.windows.net/c/f?comp=block": x509: certificate signed by unknown authority',
        ],
      ],
      [['log', 'tls: failed to verify certificate: x509: failed to load system roots and no roots provided']],
      [
        [
          'log',
          "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.stripe.com', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
        ],
      ],
      [
        [
          'log',
          'curl: (77) error setting certificate verify locations:  CAfile: /etc/ssl/certs/ca-certificates.crt',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Error: self-signed certificate in certificate chain']],
      [['log', 'x509: certificate has expired or is not yet valid']],
    ],
  },
};
export default rule;
