import type { Catalogue } from './types.js';

/*
 * Caches, brokers, document stores, search engines and coordination stores: their documented error codes and
 * prefixes as servers and clients print them. Short or common names (`LOADING`, `Unauthorized`, `NoAuth`) carry
 * the text the tools print around them.
 */

const redis: Catalogue = {
  id: 'redis',
  tool: 'Redis',
  reference: 'https://redis.io/docs/latest/develop/reference/protocol-spec/#simple-errors',
  entries: [
    {
      code: 'NOAUTH',
      category: 'config-env',
      meaning: 'the server requires a password and the client sent none',
      fix: 'Give the service the Redis password (REDIS_PASSWORD, the password in REDIS_URL, or the ElastiCache AUTH token) and make its client send it.',
      re: /\bNOAUTH\b|redis\.exceptions\.AuthenticationError/,
      example: 'ReplyError: NOAUTH Authentication required.',
    },
    {
      code: 'WRONGPASS',
      category: 'config-env',
      meaning: 'invalid username-password pair or the user is disabled',
      fix: 'Set the user and password the service sends to an enabled Redis ACL user (or the AUTH token) the server accepts.',
      example:
        'redis.exceptions.AuthenticationError: WRONGPASS invalid username-password pair or user is disabled.',
    },
    {
      code: 'NOPERM',
      category: 'config-env',
      meaning: 'the ACL user has no permission to run the command or touch the key',
      fix: 'Grant the service’s Redis ACL user the commands and key patterns it uses (or the ElastiCache user group’s access string).',
      example: "NOPERM this user has no permissions to run the 'info' command",
    },
    {
      code: 'ERR Client sent AUTH, but no password is set',
      category: 'config-env',
      meaning: 'the client sent a password to a server that has none',
      fix: 'Remove the password from the service’s Redis settings, or configure the server with the password (requirepass) the service sends.',
      re: /ERR (?:Client sent AUTH, but no password is set|AUTH <password> called without any password configured for the default user)/,
      example: 'ReplyError: ERR Client sent AUTH, but no password is set',
    },
    {
      code: 'DENIED',
      category: 'config-env',
      meaning: 'the server is in protected mode and refuses clients from other hosts',
      fix: 'Configure the Redis server for network clients: set a password (requirepass) or turn protected-mode off and bind it to the container’s interface.',
      re: /\bDENIED Redis is running in protected mode\b/,
      example:
        'DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user.',
    },
    {
      code: 'LOADING',
      category: 'dependency-unreachable',
      meaning: 'the server is loading the dataset in memory and does not serve commands yet',
      fix: 'Wait for Redis to finish loading before the service starts (gate it on Redis’ health, retry at start-up).',
      re: /\bLOADING Redis is loading the dataset in memory|redis\.exceptions\.BusyLoadingError/,
      example: 'ReplyError: LOADING Redis is loading the dataset in memory',
    },
    {
      code: 'MASTERDOWN',
      category: 'dependency-unreachable',
      meaning: 'the link with the master is down and the replica does not serve stale data',
      fix: 'Bring the Redis master up (or finish the failover) before the service connects; point writes at the primary endpoint.',
      example: 'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no.',
    },
    {
      code: 'CLUSTERDOWN',
      category: 'dependency-unreachable',
      meaning: 'the cluster is down (hash slots not served)',
      fix: 'Bring the Redis cluster’s nodes up and make sure every slot is covered before the service connects.',
      example: 'ReplyError: CLUSTERDOWN The cluster is down',
    },
    {
      code: 'MOVED',
      category: 'config-env',
      meaning: 'the key lives on another cluster node and the client is not cluster-aware',
      fix: 'Use the client’s cluster mode (for example ioredis Cluster, redis-py RedisCluster) with the cluster configuration endpoint, or use a non-clustered Redis.',
      re: /\bMOVED \d{1,5} [\w.-]+:\d+/,
      example: 'redis.exceptions.ResponseError: MOVED 12182 10.0.1.44:6379',
    },
    {
      code: 'READONLY',
      category: 'config-env',
      meaning: 'the client wrote to a read-only replica',
      fix: 'Point the service’s writes at the primary endpoint (not a reader or replica endpoint), and let the client reconnect after a failover.',
      re: /\bREADONLY You can't write against a read only (?:replica|slave)|redis\.exceptions\.ReadOnlyError/,
      example: "ReplyError: READONLY You can't write against a read only replica.",
    },
    {
      code: 'MISCONF',
      category: 'resources-oom',
      meaning: 'the server cannot persist RDB snapshots to disk, so it refuses writes',
      fix: 'Give Redis a writable data volume with free space (and memory for the background save fork), or turn off snapshots for a cache (save "").',
      example:
        "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled",
    },
    {
      code: 'OOM',
      category: 'resources-oom',
      meaning: "command not allowed when used memory is over 'maxmemory'",
      fix: 'Give Redis more memory (maxmemory, node type) or set an eviction policy (maxmemory-policy allkeys-lru) for a cache.',
      re: /\bOOM command not allowed when used memory > 'maxmemory'|redis\.exceptions\.OutOfMemoryError/,
      example: "ReplyError: OOM command not allowed when used memory > 'maxmemory'.",
    },
    {
      code: 'ERR max number of clients reached',
      category: 'config-env',
      meaning: 'the server has reached maxclients',
      fix: 'Lower the service’s connection pool times its task count, or raise maxclients (and the file descriptor limit) on Redis.',
      example: 'redis.exceptions.ConnectionError: ERR max number of clients reached',
    },
    {
      code: 'MaxRetriesPerRequestError',
      category: 'dependency-unreachable',
      meaning: 'ioredis gave up on a command because it could not reach Redis within its retries',
      fix: 'Make sure Redis is up and reachable at the configured host and port (and TLS setting) before the service starts.',
      example:
        'MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.',
    },
  ],
};

const mongodb: Catalogue = {
  id: 'mongodb',
  tool: 'MongoDB',
  reference: 'https://www.mongodb.com/docs/manual/reference/error-codes/',
  entries: [
    {
      code: 'AuthenticationFailed',
      category: 'config-env',
      meaning: 'authentication failed (wrong user, password, mechanism or authSource)',
      fix: 'Set the user, password and authSource in the service’s MongoDB URI to what the server has (often ?authSource=admin for a root user).',
      re: /\bAuthenticationFailed\b|bad auth ?: ?[Aa]uthentication failed/,
      example:
        "MongoServerError: Authentication failed. { ok: 0, code: 18, codeName: 'AuthenticationFailed' }",
    },
    {
      code: 'Unauthorized',
      category: 'config-env',
      meaning: 'the user is not authorized to run the command on that database',
      fix: 'Grant the service’s MongoDB user a role on the database it uses (readWrite), or authenticate (the URI lacks credentials).',
      re: /codeName['"]?: ?['"]Unauthorized['"]|\bnot authorized on \w+ to execute command|user is not allowed to do action \[\w+\] on \[/,
      example: 'MongoServerError: not authorized on orders to execute command { find: "orders", filter: {} }',
    },
    {
      code: 'NotWritablePrimary',
      category: 'dependency-unreachable',
      meaning: 'the node is not the primary (an election is running or the client reached a secondary)',
      fix: 'Connect with the replica set’s full URI (replicaSet=…) so the driver finds the primary, and wait for the election to finish.',
      re: /\bNotWritablePrimary\b|\bNotMaster\b/,
      example: "MongoServerError: not primary { codeName: 'NotWritablePrimary', code: 10107 }",
    },
    {
      code: 'NotPrimaryNoSecondaryOk',
      category: 'dependency-unreachable',
      meaning: 'the node is not primary and reads from secondaries are not allowed',
      fix: 'Connect through the replica set URI so the driver reaches the primary, or allow secondary reads.',
      re: /\bNotPrimaryNoSecondaryOk\b|not primary and secondaryOk=false/,
      example: "MongoServerError: not primary and secondaryOk=false { codeName: 'NotPrimaryNoSecondaryOk' }",
    },
    {
      code: 'NotYetInitialized',
      category: 'dependency-unreachable',
      meaning: 'the replica set has not been initiated yet',
      fix: 'Initiate the replica set (rs.initiate()) in the database’s setup before the service connects, or drop replicaSet from the URI for a single node.',
      re: /\bNotYetInitialized\b|no replset config has been received/,
      example:
        "MongoServerError: no replset config has been received { code: 94, codeName: 'NotYetInitialized' }",
    },
    {
      code: 'ShutdownInProgress',
      category: 'dependency-unreachable',
      meaning: 'the server is shutting down',
      fix: 'Let the service reconnect once MongoDB is back; if it keeps shutting down, fix the database.',
      example:
        "MongoServerError: The server is in quiesce mode and will shut down { codeName: 'ShutdownInProgress' }",
    },
    {
      code: 'PrimarySteppedDown',
      category: 'dependency-unreachable',
      meaning: 'the primary stepped down during the operation',
      fix: 'Enable retryable writes and let the driver reconnect to the new primary.',
      example:
        "MongoServerError: Primary stepped down while waiting for replication { codeName: 'PrimarySteppedDown' }",
    },
    {
      code: 'HostUnreachable',
      category: 'dependency-unreachable',
      meaning: 'a host could not be reached',
      fix: 'Check the MongoDB hosts in the URI are up and reachable from the service.',
      re: /codeName['"]?: ?['"]HostUnreachable['"]|\bHostUnreachable: /,
      example: "MongoServerError: Connection refused { code: 6, codeName: 'HostUnreachable' }",
    },
    {
      code: 'HostNotFound',
      category: 'dependency-unreachable',
      meaning: 'a host name could not be resolved',
      fix: 'Check the MongoDB host names (and the replica set members’ advertised names) resolve from the service’s network.',
      re: /codeName['"]?: ?['"]HostNotFound['"]|\bHostNotFound: /,
      example:
        'HostNotFound: Could not find address for mongo-2:27017: SocketException: Host not found (authoritative)',
    },
    {
      code: 'MongoServerSelectionError',
      category: 'dependency-unreachable',
      meaning: 'the driver found no suitable server within its server selection timeout',
      fix: 'Start MongoDB first and make sure the hosts in the URI (and the replica set’s advertised member names) are reachable from the service; for Atlas, allow the service’s egress IP.',
      re: /\b(?:MongoServerSelectionError|ServerSelectionTimeoutError|MongoTimeoutException)\b/,
      example: 'MongoServerSelectionError: connect ECONNREFUSED 10.0.4.12:27017',
    },
    {
      code: 'MongoNetworkError',
      category: 'dependency-unreachable',
      meaning: 'a network error talking to the server',
      fix: 'Check MongoDB is up and reachable at the configured host and port, and that the service waits for it.',
      example: 'MongoNetworkError: failed to connect to server [mongo:27017] on first connect',
    },
    {
      code: 'MongoParseError',
      category: 'config-env',
      meaning: 'the connection string could not be parsed',
      fix: 'Correct the MongoDB URI the service is given (scheme, URL-encoded password, options).',
      re: /\bMongoParseError\b|pymongo\.errors\.InvalidURI\b/,
      example: 'MongoParseError: Password contains unescaped characters',
    },
    {
      code: 'ConfigurationError',
      category: 'config-env',
      meaning:
        'the client configuration is invalid (for example the SRV record of a mongodb+srv URI does not exist)',
      fix: 'Correct the MongoDB URI (the mongodb+srv host name, options) the service is given.',
      re: /pymongo\.errors\.ConfigurationError\b/,
      example:
        'pymongo.errors.ConfigurationError: The DNS query name does not exist: _mongodb._tcp.cluster0.abcde.mongodb.net.',
    },
    {
      code: 'DBPathInUse',
      category: 'config-env',
      meaning: 'another mongod already holds the lock on the data directory',
      fix: 'Give each mongod its own data volume (do not share one volume between tasks) and let the old container stop before the new one starts.',
      example:
        'exception in initAndListen: DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory, terminating',
    },
    {
      code: 'NonExistentPath',
      category: 'config-env',
      meaning: 'the data directory does not exist',
      fix: 'Mount a volume at the data directory (dbPath) or create it in the image.',
      example: 'exception in initAndListen: NonExistentPath: Data directory /data/db not found., terminating',
    },
    {
      code: 'IllegalOperation',
      category: 'config-env',
      meaning: 'mongod could not create its lock file because the data directory is read-only',
      fix: 'Mount the data directory writable for mongod’s user.',
      re: /IllegalOperation: Attempted to create a lock file on a read-only directory/,
      example:
        'exception in initAndListen: IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db, terminating',
    },
  ],
};

const kafka: Catalogue = {
  id: 'kafka',
  tool: 'Apache Kafka',
  reference: 'https://kafka.apache.org/protocol#protocol_error_codes',
  entries: [
    {
      code: 'LEADER_NOT_AVAILABLE',
      category: 'dependency-unreachable',
      meaning:
        'there is no leader for the partition yet (a leader election is in progress or the topic was just created)',
      fix: 'Wait for the brokers to elect leaders (gate the service on Kafka’s health); if it persists, check the brokers’ advertised listeners are reachable.',
      re: /\bLEADER_NOT_AVAILABLE\b|\bLeaderNotAvailableException\b|There is no leader for this topic-partition as we are in the middle of a leadership election/,
      example:
        'WARN [Producer clientId=producer-1] Error while fetching metadata with correlation id 3 : {orders=LEADER_NOT_AVAILABLE}',
    },
    {
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
      category: 'config-env',
      meaning: 'the broker does not host the topic or partition (it does not exist)',
      fix: 'Create the topic before the service starts (or enable auto-creation), and check the topic name the service is configured with.',
      re: /\bUNKNOWN_TOPIC_OR_PARTITION\b|\bUnknownTopicOrPartitionException\b|This server does not host this topic-partition/,
      example: 'KafkaJSProtocolError: This server does not host this topic-partition',
    },
    {
      code: 'SASL_AUTHENTICATION_FAILED',
      category: 'config-env',
      meaning: 'SASL authentication failed',
      fix: 'Set the SASL mechanism, user name and password the service uses to what the cluster accepts (for MSK SCRAM, the secret associated with the cluster).',
      re: /\bSASL_AUTHENTICATION_FAILED\b|\bKafkaJSSASLAuthenticationError\b/,
      example:
        'KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed: SASL_AUTHENTICATION_FAILED',
    },
    {
      code: 'TOPIC_AUTHORIZATION_FAILED',
      category: 'secrets-iam',
      meaning: 'the principal is not authorized to access the topic',
      fix: 'Allow the service’s principal on the topic: for MSK IAM, the task role’s kafka-cluster actions on the topic ARN; otherwise a Kafka ACL for its user.',
      re: /\bTOPIC_AUTHORIZATION_FAILED\b|\bTopicAuthorizationException\b/,
      example:
        'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]',
    },
    {
      code: 'GROUP_AUTHORIZATION_FAILED',
      category: 'secrets-iam',
      meaning: 'the principal is not authorized to use the consumer group',
      fix: 'Allow the service’s principal on the group: for MSK IAM, the task role’s kafka-cluster:DescribeGroup and AlterGroup on the group ARN; otherwise a Kafka ACL.',
      re: /\bGROUP_AUTHORIZATION_FAILED\b|\bGroupAuthorizationException\b/,
      example:
        'org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: billing-consumers',
    },
    {
      code: 'CLUSTER_AUTHORIZATION_FAILED',
      category: 'secrets-iam',
      meaning: 'the principal is not authorized for the cluster action',
      fix: 'Allow the service’s principal the cluster action: for MSK IAM, kafka-cluster:Connect (and the action named) on the cluster ARN in the task role; otherwise a Kafka ACL.',
      re: /\bCLUSTER_AUTHORIZATION_FAILED\b|\bClusterAuthorizationException\b/,
      example: 'org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.',
    },
    {
      code: 'COORDINATOR_NOT_AVAILABLE',
      category: 'dependency-unreachable',
      meaning: 'the group coordinator is not available',
      fix: 'Wait for the brokers to be ready; on a single-broker cluster, set offsets.topic.replication.factor to 1 so the offsets topic can be created.',
      re: /\bCOORDINATOR_NOT_AVAILABLE\b|\bCoordinatorNotAvailableException\b|The coordinator is not available/,
      example: 'KafkaJSProtocolError: The coordinator is not available',
    },
    {
      code: 'COORDINATOR_LOAD_IN_PROGRESS',
      category: 'dependency-unreachable',
      meaning: 'the coordinator is still loading group metadata',
      fix: 'Let the client retry until the coordinator has loaded (a broker just started or moved leadership).',
      re: /\bCOORDINATOR_LOAD_IN_PROGRESS\b|\bCoordinatorLoadInProgressException\b/,
      example:
        "org.apache.kafka.common.errors.CoordinatorLoadInProgressException: The coordinator is loading and hence can't process requests.",
    },
    {
      code: 'BROKER_NOT_AVAILABLE',
      category: 'dependency-unreachable',
      meaning: 'the broker is not available',
      fix: 'Bring the broker up and make sure its advertised listener is reachable from the service.',
      re: /\bBROKER_NOT_AVAILABLE\b|\bBrokerNotAvailableException\b/,
      example: 'KafkaError{code=BROKER_NOT_AVAILABLE,val=8,str="Broker: Broker not available"}',
    },
    {
      code: 'NOT_ENOUGH_REPLICAS',
      category: 'dependency-unreachable',
      meaning: 'fewer in-sync replicas than min.insync.replicas, so writes are rejected',
      fix: 'Bring the missing brokers back; on a small cluster, lower min.insync.replicas or the topic’s replication to what the brokers can hold.',
      re: /\bNOT_ENOUGH_REPLICAS\b|\bNotEnoughReplicasException\b/,
      example:
        'org.apache.kafka.common.errors.NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required.',
    },
    {
      code: 'INVALID_REPLICATION_FACTOR',
      category: 'config-env',
      meaning: 'the replication factor is larger than the number of available brokers',
      fix: 'Set the topic’s (or the internal topics’) replication factor to at most the number of brokers.',
      re: /\bINVALID_REPLICATION_FACTOR\b|\bInvalidReplicationFactorException\b/,
      example:
        'org.apache.kafka.common.errors.InvalidReplicationFactorException: Replication factor: 3 larger than available brokers: 1.',
    },
    {
      code: 'UNSUPPORTED_SASL_MECHANISM',
      category: 'config-env',
      meaning: 'the broker does not support the SASL mechanism the client asked for',
      fix: 'Use a SASL mechanism the cluster enables (for MSK: SCRAM-SHA-512 or AWS_MSK_IAM on the matching port).',
      re: /\bUNSUPPORTED_SASL_MECHANISM\b|\bUnsupportedSaslMechanismException\b/,
      example:
        "org.apache.kafka.common.errors.UnsupportedSaslMechanismException: Client SASL mechanism 'PLAIN' not enabled in the server, enabled mechanisms are [SCRAM-SHA-512]",
    },
    {
      code: 'UNSUPPORTED_VERSION',
      category: 'other',
      meaning: 'the broker does not support the request version the client sent',
      fix: 'Use a client version compatible with the broker (or set its API version explicitly).',
      re: /\bUNSUPPORTED_VERSION\b|\bUnsupportedVersionException\b/,
      example:
        'org.apache.kafka.common.errors.UnsupportedVersionException: The broker does not support METADATA',
    },
    {
      code: 'KAFKA_STORAGE_ERROR',
      category: 'resources-oom',
      meaning: 'disk error when the broker accessed its log files',
      fix: 'Check the broker’s data volume (free space, health, permissions) and enlarge or replace it.',
      re: /\bKAFKA_STORAGE_ERROR\b|\bKafkaStorageException\b/,
      example:
        'org.apache.kafka.common.errors.KafkaStorageException: Disk error when trying to access log file on the disk.',
    },
    {
      code: 'InconsistentClusterIdException',
      category: 'config-env',
      meaning: 'the cluster ID stored in the broker’s data directory does not match the cluster’s',
      fix: 'Give the broker a data volume that belongs to this cluster (or clear meta.properties from a stale one), and keep ZooKeeper’s or KRaft’s data on persistent storage.',
      example:
        "kafka.common.InconsistentClusterIdException: The Cluster ID m1Ze6AjGRwqarkcxJscgyQ doesn't match stored clusterId Some(1TGYcbFuRXa4Lqojs4B9Hw) in meta.properties.",
    },
  ],
};

const librdkafka: Catalogue = {
  id: 'librdkafka',
  tool: 'librdkafka',
  reference: 'https://github.com/confluentinc/librdkafka/blob/master/src/rdkafka.h',
  entries: [
    {
      code: '_ALL_BROKERS_DOWN',
      category: 'dependency-unreachable',
      meaning: 'all broker connections are down',
      fix: 'Start the brokers first and make sure the bootstrap servers and their advertised listeners are reachable from the service.',
      re: /\b_ALL_BROKERS_DOWN\b|Local: All broker connections are down/,
      example: 'KafkaError{code=_ALL_BROKERS_DOWN,val=-187,str="1/1 brokers are down"}',
    },
    {
      code: '_TRANSPORT',
      category: 'dependency-unreachable',
      meaning: 'broker transport failure',
      fix: 'Check the brokers are up and reachable at the bootstrap and advertised addresses, with the protocol (PLAINTEXT or SSL) their listener expects.',
      re: /\bcode=_TRANSPORT\b|Local: Broker transport failure/,
      example:
        'KafkaError{code=_TRANSPORT,val=-195,str="Failed to get metadata: Local: Broker transport failure"}',
    },
    {
      code: '_RESOLVE',
      category: 'dependency-unreachable',
      meaning: 'failed to resolve the broker’s host name',
      fix: 'Check the bootstrap servers and the brokers’ advertised listener names resolve from the service’s network.',
      re: /\bcode=_RESOLVE\b|Local: Host resolution failure/,
      example:
        'KafkaError{code=_RESOLVE,val=-193,str="kafka:9092/bootstrap: Failed to resolve \'kafka:9092\': Name or service not known"}',
    },
    {
      code: '_AUTHENTICATION',
      category: 'config-env',
      meaning: 'authentication failure (SASL or TLS client authentication)',
      fix: 'Set the security protocol, SASL mechanism and credentials the service uses to what the brokers accept.',
      re: /\bcode=_AUTHENTICATION\b|Local: Authentication failure/,
      example:
        'KafkaError{code=_AUTHENTICATION,val=-169,str="sasl_ssl://b-1.msk:9096/bootstrap: SASL authentication error: Authentication failed"}',
    },
    {
      code: '_SSL',
      category: 'config-env',
      meaning: 'TLS error talking to the broker',
      fix: 'Match the TLS settings to the brokers: the CA location (ssl.ca.location) and the SSL listener’s port.',
      re: /\bcode=_SSL\b|Local: SSL error/,
      example:
        'KafkaError{code=_SSL,val=-181,str="ssl://b-1.kafka:9094/bootstrap: SSL handshake failed: certificate verify failed"}',
    },
    {
      code: '_UNKNOWN_TOPIC',
      category: 'config-env',
      meaning: 'the topic does not exist in the cluster',
      fix: 'Create the topic before the service starts (or enable auto-creation), and check the topic name it is configured with.',
      re: /\bcode=_UNKNOWN_TOPIC\b|Local: Unknown topic/,
      example:
        'KafkaError{code=_UNKNOWN_TOPIC,val=-188,str="Subscribed topic not available: orders: Broker: Unknown topic or partition"}',
    },
  ],
};

const rabbitmq: Catalogue = {
  id: 'amqp',
  tool: 'RabbitMQ (AMQP 0-9-1)',
  reference: 'https://www.rabbitmq.com/amqp-0-9-1-reference#constants',
  entries: [
    {
      code: 'ACCESS_REFUSED',
      category: 'config-env',
      meaning: 'the broker refused the login or the access to the virtual host or resource (reply code 403)',
      fix: 'Use a user the broker has with the right password and permissions on the virtual host (the default guest user may only connect from localhost).',
      re: /\bACCESS[_-]REFUSED\b/,
      example:
        'Error: Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile."',
    },
    {
      code: 'PLAIN login refused',
      category: 'config-env',
      meaning: 'the broker refused a PLAIN login (wrong credentials, or the guest user from a remote host)',
      fix: 'Create a dedicated user for the service (guest only works from localhost) and give the service its credentials.',
      re: /\b(?:AMQ)?PLAIN login refused: user '[^'\n]*'/,
      example: "[error] <0.771.0> PLAIN login refused: user 'guest' - invalid credentials",
    },
    {
      code: 'NOT_FOUND',
      category: 'config-env',
      meaning: 'the virtual host, queue or exchange named does not exist (reply code 404)',
      fix: 'Create the virtual host, queue or exchange the service expects (or its declaration at start-up), or correct the name in its settings.',
      re: /\bNOT[_-]FOUND - (?:vhost|no queue|no exchange)\b/,
      example:
        "Channel closed by server: 404 (NOT-FOUND) with message \"NOT_FOUND - no queue 'jobs' in vhost '/'\"",
    },
    {
      code: 'NOT_ALLOWED',
      category: 'config-env',
      meaning: 'the client may not use the virtual host (reply code 530)',
      fix: 'Give the service’s user permissions on the virtual host (rabbitmqctl set_permissions), or point it at the right vhost.',
      re: /\bNOT[_-]ALLOWED - (?:access to vhost|vhost)\b/,
      example:
        "Connection closed: 530 (NOT-ALLOWED) with message \"NOT_ALLOWED - access to vhost 'orders' refused for user 'app'\"",
    },
    {
      code: 'PRECONDITION_FAILED',
      category: 'config-env',
      meaning:
        'the queue or exchange exists with different arguments than the client declares (reply code 406)',
      fix: 'Declare the queue or exchange with the arguments it already has (durable, x-queue-type…), or delete and recreate it with the new ones.',
      re: /\bPRECONDITION[_-]FAILED - inequivalent arg\b/,
      example:
        "Channel closed by server: 406 (PRECONDITION-FAILED) with message \"PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'jobs' in vhost '/': received 'quorum' but current is 'classic'\"",
    },
    {
      code: 'CONNECTION_FORCED',
      category: 'dependency-unreachable',
      meaning: 'the broker closed the connection (shutdown or an operator) (reply code 320)',
      fix: 'Let the service reconnect once the broker is back; if the broker keeps shutting down, fix the broker.',
      re: /\bCONNECTION[_-]FORCED\b/,
      example: "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'",
    },
    {
      code: 'resource limit alarm',
      category: 'resources-oom',
      meaning: 'the broker hit its memory or disk alarm and blocks publishers',
      fix: 'Give the broker more memory or disk (or raise vm_memory_high_watermark / disk_free_limit), and drain the queues that grow.',
      re: /\b(?:memory|disk) resource limit alarm set on node\b/,
      example: '[warning] <0.482.0> memory resource limit alarm set on node rabbit@rabbitmq.',
    },
  ],
};

const elasticsearch: Catalogue = {
  id: 'elasticsearch',
  tool: 'Elasticsearch/OpenSearch',
  reference: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/troubleshooting.html',
  entries: [
    {
      code: 'cluster_block_exception',
      category: 'resources-oom',
      meaning:
        'the index is blocked, usually read-only because the node passed the flood-stage disk watermark',
      fix: 'Free or add disk on the data nodes, then remove the index.blocks.read_only_allow_delete block (newer versions lift it themselves).',
      not: /SERVICE_UNAVAILABLE\/\d/,
      example:
        'cluster_block_exception: index [logs-2024] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];',
    },
    {
      code: 'SERVICE_UNAVAILABLE/2/no master',
      category: 'dependency-unreachable',
      meaning: 'the cluster has no elected master',
      fix: 'Bring enough master-eligible nodes up (and cluster.initial_master_nodes right for a new cluster) before the service connects.',
      re: /SERVICE_UNAVAILABLE\/2\/no (?:master|cluster-manager)/,
      example: 'blocked by: [SERVICE_UNAVAILABLE/2/no master];',
    },
    {
      code: 'master_not_discovered_exception',
      category: 'dependency-unreachable',
      meaning: 'no master node was discovered',
      fix: 'Bring the master-eligible nodes up and make them find each other (discovery.seed_hosts, cluster.initial_master_nodes or discovery.type=single-node).',
      re: /\b(?:master|cluster_manager)_not_discovered_exception\b/,
      example:
        '{"error":{"root_cause":[{"type":"master_not_discovered_exception","reason":null}]},"status":503}',
    },
    {
      code: 'security_exception',
      category: 'config-env',
      meaning: 'the request was not authenticated or not authorized',
      fix: 'Give the service the user and password (or API key) the cluster accepts, with a role that allows the indices and actions it uses.',
      example:
        '{"error":{"type":"security_exception","reason":"missing authentication credentials for REST request [/_bulk]"},"status":401}',
    },
    {
      code: 'index_not_found_exception',
      category: 'db-migration',
      meaning: 'the index does not exist',
      fix: 'Create the index (and its mappings or template) in the deployment’s setup step before the service uses it, or fix the index name it is given.',
      example: 'index_not_found_exception: no such index [products]',
    },
    {
      code: 'circuit_breaking_exception',
      category: 'resources-oom',
      meaning: 'a memory circuit breaker tripped (data too large for the heap)',
      fix: 'Give the nodes more heap (ES_JAVA_OPTS, instance size) or make the requests smaller.',
      example:
        'circuit_breaking_exception: [parent] Data too large, data for [<http_request>] would be [1030792152/983mb], which is larger than the limit of [986061209/940.3mb]',
    },
    {
      code: 'es_rejected_execution_exception',
      category: 'resources-oom',
      meaning: 'a thread pool queue is full and the node rejected the request',
      fix: 'Give the cluster more capacity (nodes, CPU) or slow the client (smaller bulk requests, backoff).',
      example:
        'es_rejected_execution_exception: rejected execution of coordinating operation [shard_detail=[logs][0][P]]',
    },
    {
      code: 'bootstrap checks failed',
      category: 'config-env',
      meaning: 'the node failed its production bootstrap checks and will not start',
      fix: 'Fix the check the log names: set discovery (discovery.type=single-node or the seed hosts), and the host limits (vm.max_map_count, nofile ulimits).',
      re: /\bbootstrap checks? failed\b/,
      example:
        'ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.',
    },
    {
      code: 'failed to obtain node locks',
      category: 'config-env',
      meaning: 'the node could not lock its data path (not writable, or another node uses it)',
      fix: 'Give each node its own writable data volume (owned by uid 1000 in the official image), and let the old container stop first.',
      example:
        'java.lang.IllegalStateException: failed to obtain node locks, tried [/usr/share/elasticsearch/data]; maybe these locations are not writable or multiple nodes were started on the same data path?',
    },
    {
      code: 'received plaintext http traffic on an https channel',
      category: 'config-env',
      meaning: 'a client sent plain HTTP to the node’s TLS port',
      fix: 'Use https:// (with the cluster’s CA) in the service’s Elasticsearch URL, or turn off TLS on the HTTP layer if that is intended.',
      example:
        '[WARN ][o.e.x.s.t.n.SecurityNetty4HttpServerTransport] received plaintext http traffic on an https channel, closing connection Netty4HttpChannel{localAddress=/172.18.0.2:9200, remoteAddress=/172.18.0.5:40312}',
    },
    {
      code: 'OpenSearch Security not initialized',
      category: 'dependency-unreachable',
      meaning: 'the security plugin’s index is not initialized yet',
      fix: 'Wait for the cluster to finish initializing security (or run securityadmin) before the service connects.',
      example: '[WARN ][o.o.s.a.BackendRegistry] OpenSearch Security not initialized.',
    },
  ],
};

const cassandra: Catalogue = {
  id: 'cassandra',
  tool: 'Cassandra',
  reference: 'https://github.com/apache/cassandra/blob/trunk/doc/native_protocol_v5.spec',
  entries: [
    {
      code: 'NoHostAvailable',
      category: 'dependency-unreachable',
      meaning: 'no Cassandra node could be reached',
      fix: 'Start the Cassandra nodes first (they take a while) and gate the service on them; check the contact points and port 9042.',
      re: /\bNoHostAvailable(?:Exception)?\b/,
      example:
        "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.0.3.4:9042': ConnectionRefusedError(111, \"Tried connecting to [('10.0.3.4', 9042)]. Last error: Connection refused\")})",
    },
    {
      code: 'AuthenticationFailed',
      category: 'config-env',
      meaning: 'the node rejected the credentials (protocol error 0x0100, Bad credentials)',
      fix: 'Set the user and password the service uses to a Cassandra role the cluster accepts.',
      re: /\bcassandra\.AuthenticationFailed\b|code=0100 \[Bad credentials\]|\bAuthenticationException: Authentication error on/,
      example:
        'cassandra.AuthenticationFailed: Failed to authenticate to 10.0.3.4:9042: Error from server: code=0100 [Bad credentials] message="Provided username app and/or password are incorrect"',
    },
    {
      code: 'Unauthorized',
      category: 'config-env',
      meaning: 'the role lacks permission on the keyspace or table (protocol error 0x2100)',
      fix: 'GRANT the service’s role the permissions it needs on the keyspace.',
      re: /code=2100 \[Unauthorized\]|\bUnauthorizedException: User \w+ has no \w+ permission/,
      example:
        'Error from server: code=2100 [Unauthorized] message="User app has no SELECT permission on <table orders.items> or any of its parents"',
    },
    {
      code: 'Unavailable',
      category: 'dependency-unreachable',
      meaning: 'not enough replicas are alive to reach the consistency level (protocol error 0x1000)',
      fix: 'Bring the down nodes back; on a small cluster, lower the keyspace’s replication factor or the consistency level to what the nodes can meet.',
      re: /code=1000 \[Unavailable exception\]|\bUnavailableException: Not enough replicas available|Cannot achieve consistency level \w+/,
      example:
        "Error from server: code=1000 [Unavailable exception] message=\"Cannot achieve consistency level QUORUM\" info={'consistency': 'QUORUM', 'required_replicas': 2, 'alive_replicas': 1}",
    },
    {
      code: 'Invalid',
      category: 'db-migration',
      meaning: 'the keyspace or table does not exist (protocol error 0x2200, Invalid query)',
      fix: 'Create the keyspace and tables (the schema migration) before the service starts, or fix the keyspace name it is given.',
      re: /Keyspace '?[\w"]+'? does not exist|\bunconfigured table \w+/,
      example: 'Error from server: code=2200 [Invalid query] message="Keyspace \'orders\' does not exist"',
    },
    {
      code: 'data center differs',
      category: 'config-env',
      meaning: 'the node’s configured data center differs from the one saved in its data',
      fix: 'Start the node with the data center it was created with (its snitch settings), or give it an empty data volume.',
      re: /Cannot start node if snitch's data center \([^)]+\) differs from previous data center/,
      example:
        "Cannot start node if snitch's data center (dc1) differs from previous data center (datacenter1). Please fix the snitch configuration, decommission and rebootstrap this node or use the flag -Dcassandra.ignore_dc=true.",
    },
    {
      code: 'Saved cluster name',
      category: 'config-env',
      meaning: 'the cluster name in the node’s data differs from the configured one',
      fix: 'Set cluster_name (CASSANDRA_CLUSTER_NAME) to the name stored in the data volume, or give the node an empty volume.',
      re: /Saved cluster name [^\n]+ != configured name/,
      example:
        'org.apache.cassandra.exceptions.ConfigurationException: Saved cluster name Test Cluster != configured name prod',
    },
  ],
};

const memcached: Catalogue = {
  id: 'memcached',
  tool: 'memcached',
  reference: 'https://github.com/memcached/memcached/blob/master/doc/protocol.txt',
  entries: [
    {
      code: 'SERVER_ERROR out of memory',
      category: 'resources-oom',
      meaning: 'the server is out of memory for storing the item',
      fix: 'Give memcached more memory (-m, node type) or store less.',
      re: /\bSERVER_ERROR [Oo]ut of memory\b/,
      example: 'SERVER_ERROR out of memory storing object',
    },
    {
      code: 'SERVER_ERROR object too large for cache',
      category: 'config-env',
      meaning: 'the item is larger than the server’s maximum item size',
      fix: 'Raise memcached’s item size limit (-I) or store smaller values.',
      example: "pymemcache.exceptions.MemcacheServerError: b'SERVER_ERROR object too large for cache'",
    },
  ],
};

const etcd: Catalogue = {
  id: 'etcd',
  tool: 'etcd',
  reference: 'https://github.com/etcd-io/etcd/blob/main/api/v3rpc/rpctypes/error.go',
  entries: [
    {
      code: 'etcdserver: request timed out',
      category: 'dependency-unreachable',
      meaning: 'the etcd cluster did not commit the request in time (no quorum or slow disk)',
      fix: 'Make sure a quorum of etcd members is up and healthy (and their disks fast enough) before the service relies on it.',
      example:
        '{"level":"warn","msg":"retrying of unary invoker failed","error":"rpc error: code = Unavailable desc = etcdserver: request timed out"}',
    },
    {
      code: 'etcdserver: mvcc: database space exceeded',
      category: 'resources-oom',
      meaning: 'the database reached its space quota and the cluster raised the NOSPACE alarm',
      fix: 'Compact and defragment etcd, raise --quota-backend-bytes, then disarm the alarm.',
      example: 'Error: etcdserver: mvcc: database space exceeded',
    },
    {
      code: 'etcdserver: authentication failed, invalid user ID or password',
      category: 'config-env',
      meaning: 'the user name or password was rejected',
      fix: 'Set the user and password the service uses for etcd to an etcd user that exists.',
      example: 'Error: etcdserver: authentication failed, invalid user ID or password',
    },
    {
      code: 'etcdserver: permission denied',
      category: 'config-env',
      meaning: 'the user’s roles do not allow the request',
      fix: 'Grant the service’s etcd user a role with access to the keys it uses.',
      example: 'Error: etcdserver: permission denied',
    },
    {
      code: 'etcdserver: user name is empty',
      category: 'config-env',
      meaning: 'auth is enabled and the client sent no user',
      fix: 'Give the service the etcd user and password (auth is enabled on the cluster).',
      example: 'Error: etcdserver: user name is empty',
    },
    {
      code: 'etcdserver: unhealthy cluster',
      category: 'dependency-unreachable',
      meaning: 'the cluster is unhealthy (not enough started members)',
      fix: 'Bring the etcd members up to a healthy quorum before changing membership or starting the service.',
      example: 'Error: etcdserver: unhealthy cluster',
    },
    {
      code: 'has already been bootstrapped',
      category: 'config-env',
      meaning:
        'the member’s data says it belongs to a bootstrapped cluster but it was told to bootstrap a new one',
      fix: 'Start the member with --initial-cluster-state=existing (or clear its stale data volume).',
      re: /member [0-9a-f]+ has already been bootstrapped/,
      example:
        '{"level":"fatal","msg":"discovery failed","error":"member 8e9e05c52164694d has already been bootstrapped"}',
    },
    {
      code: 'request cluster ID mismatch',
      category: 'config-env',
      meaning: 'a member’s data belongs to another cluster',
      fix: 'Give the member a data volume from this cluster (or an empty one with --initial-cluster-state=existing after member add).',
      example:
        '{"level":"warn","msg":"failed to process raft message","error":"request cluster ID mismatch"}',
    },
  ],
};

const zookeeper: Catalogue = {
  id: 'zookeeper',
  tool: 'ZooKeeper',
  reference:
    'https://zookeeper.apache.org/doc/current/apidocs/zookeeper-server/org/apache/zookeeper/KeeperException.Code.html',
  entries: [
    {
      code: 'ConnectionLoss',
      category: 'dependency-unreachable',
      meaning: 'the connection to the ensemble was lost or never made',
      fix: 'Start ZooKeeper first and check the connect string’s hosts and port 2181 are reachable from the service.',
      re: /KeeperErrorCode = ConnectionLoss|KeeperException\$ConnectionLossException/,
      example:
        'org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /brokers/ids',
    },
    {
      code: 'NoAuth',
      category: 'config-env',
      meaning: 'not authenticated for the node’s ACL',
      fix: 'Authenticate the client as a principal the node’s ACL allows (its digest or SASL credentials), or fix the ACL.',
      re: /KeeperErrorCode = NoAuth\b|KeeperException\$NoAuthException/,
      example:
        'org.apache.zookeeper.KeeperException$NoAuthException: KeeperErrorCode = NoAuth for /config/topics',
    },
    {
      code: 'AuthFailed',
      category: 'config-env',
      meaning: 'authentication with the ensemble failed',
      fix: 'Set the SASL or digest credentials (JAAS configuration) the client uses to what ZooKeeper accepts.',
      re: /KeeperErrorCode = AuthFailed\b|KeeperException\$AuthFailedException/,
      example: 'org.apache.zookeeper.KeeperException$AuthFailedException: KeeperErrorCode = AuthFailed for /',
    },
    {
      code: 'SessionExpired',
      category: 'dependency-unreachable',
      meaning: 'the client’s session expired (it could not reach the ensemble within the session timeout)',
      fix: 'Keep ZooKeeper reachable and healthy; raise the session timeout if pauses (GC, CPU throttling) cause it.',
      re: /KeeperErrorCode = Session expired|KeeperException\$SessionExpiredException/,
      example:
        'org.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session expired for /consumers',
    },
    {
      code: 'ZooKeeperClientTimeoutException',
      category: 'dependency-unreachable',
      meaning: 'the client timed out waiting for a connection to ZooKeeper',
      fix: 'Start ZooKeeper before the broker or service and check zookeeper.connect points at a reachable host and port.',
      example:
        'kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING',
    },
  ],
};

const catalogues: readonly Catalogue[] = [
  redis,
  mongodb,
  kafka,
  librdkafka,
  rabbitmq,
  elasticsearch,
  cassandra,
  memcached,
  etcd,
  zookeeper,
];
export default catalogues;
