import type { Rule } from '../types.js';

/*
 * A container cannot resolve the internet's package and code hosts (GitHub, the Debian/Ubuntu/Alpine mirrors, npm,
 * PyPI, RubyGems, the Go proxy, Maven Central): those names always exist, so the failed lookup is the container's DNS
 * path (a host firewall or site policy blocking the resolver Docker hands it, no DNS servers on a user-defined network,
 * no route out), not a wrong setting or a dependency that is down, which is what name-not-resolved reads for the app's
 * own hosts. One meaning in each fetcher's wording: apt's `Could not resolve 'deb.debian.org'`, wget's `Resolving
 * github.com (github.com)... failed`, curl's `Could not resolve host: github.com`, pip's `Temporary failure in name
 * resolution` on pypi.org, npm's `getaddrinfo EAI_AGAIN registry.npmjs.org`, apk's and Go's lookups. Registries of
 * images are left to the image-pull rules.
 */
const HOSTS = String.raw`(?:[\w-]+\.)*(?:github\.com|githubusercontent\.com|debian\.org|ubuntu\.com|alpinelinux\.org|npmjs\.org|yarnpkg\.com|pypi\.org|pythonhosted\.org|rubygems\.org|golang\.org|maven\.org|centos\.org|fedoraproject\.org)`;
const FAIL = String.raw`Could not resolve|unable to resolve host|Temporary failure in name resolution|Name or service not known|Name does not resolve|EAI_AGAIN|ENOTFOUND|no such host|Resolving [^\n]*failed|temporary error \(try again later\)`;
const rule: Rule = {
  id: 'public-host-not-resolved',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'localField'],
      re: new RegExp(
        `(?:${FAIL})[^\\n]{0,120}?\\b(?<host>${HOSTS})|\\b(?<host2>${HOSTS})\\b[^\\n]{0,120}?(?:${FAIL})`,
        'i',
      ),
    },
  ],
  cause:
    "{service} cannot resolve {host,host2|a public host}, a name that always exists: the container's DNS does not reach a resolver (a firewall or DNS policy blocking it, no DNS servers on its network, or no route out).",
  fix: "Give the container a resolver it can reach (`--dns`, `dns:` in Compose, or the daemon's `dns` in daemon.json), allow its DNS (53/udp and tcp) and HTTP(S) traffic through the host's firewall and FORWARD chain, and check the network's route out.",
  confidence: 0.62,
  beats: ['name-not-resolved'],
  examples: {
    match: [
      [['log', "  Could not resolve 'deb.debian.org'"]],
      [['log', 'Resolving github.com (github.com)... failed: Temporary failure in name resolution.']],
      [
        [
          'log',
          'npm ERR! request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
        ],
      ],
    ],
    noMatch: [
      [['log', 'Error: getaddrinfo ENOTFOUND postgres']],
      [['log', 'Could not resolve host: mydb.cluster-abc.eu-west-1.rds.amazonaws.com']],
    ],
  },
};
export default rule;
