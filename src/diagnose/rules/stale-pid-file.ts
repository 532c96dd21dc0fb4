import type { Rule } from '../types.js';

/*
 * A server refuses to start because the pid or lock file from an earlier run is still there: the container was
 * stopped without cleaning up, and the file lives on a bind mount or volume (or in the image's writable layer that a
 * restart keeps), so the new process, often PID 1 again, believes it is already running. The fix is in how the
 * service is started (delete the file in the entrypoint / command, keep it off the mounted directory), not the app.
 * Rails (`A server is already running. Check …/tmp/pids/server.pid`), PostgreSQL (`lock file "postmaster.pid" already
 * exists`), Celery beat (`Pidfile (celerybeat.pid) already exists`), Apache (`httpd (pid N) already running`), and
 * daemons' generic `pid file … exists` / `already running (pid N)`, Play's `RUNNING_PID`, the Hadoop, Spark and
 * ZooKeeper daemon scripts' `running as process N.  Stop it first`, Unicorn's `Already running on PID:N (or pid=… is
 * stale)`. In a container the old pid is usually 1, the new process's own.
 */
const rule: Rule = {
  id: 'stale-pid-file',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>A server is already running\. Check [^\s]*\.pid|lock file "[^"]*\.pid" already exists|Pid ?file \(?[^\s)]*\)? already exists|\bhttpd \(pid \d+\) already running|\bpid ?file [^\n]{0,80}\b(?:already exists|exists, (?:is|another)[^\n]{0,30}running)|This application is already running \(Or delete [^\s)]*RUNNING_PID file\)|\brunning as process \d+\.\s+Stop it first|already running as process \d+|Already running on PID:\s?\d+ \(or pid=[^\s)]+ is stale\))/i,
    },
  ],
  cause:
    '{service} would not start: a pid or lock file left by an earlier run says the server is still running ({what}).',
  fix: 'Remove the stale pid file before the server starts (e.g. `rm -f tmp/pids/server.pid` in the entrypoint or command), and keep pid files off bind-mounted or persisted directories.',
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'port-in-use'],
  examples: {
    match: [
      [['log', 'A server is already running. Check /app/tmp/pids/server.pid.']],
      [['log', 'FATAL:  lock file "postmaster.pid" already exists']],
      [['log', 'ERROR: Pidfile (celerybeat.pid) already exists. Seems we are already running? (pid: 1)']],
      [['log', 'httpd (pid 1) already running']],
      [['log', 'This application is already running (Or delete /opt/docker/RUNNING_PID file).']],
      [['log', 'org.apache.spark.deploy.master.Master running as process 1.  Stop it first.']],
    ],
    noMatch: [
      [['log', 'Removing stale pid file /app/tmp/pids/server.pid']],
      [['log', 'Error: listen EADDRINUSE: address already in use :::3000']],
    ],
  },
};
export default rule;
