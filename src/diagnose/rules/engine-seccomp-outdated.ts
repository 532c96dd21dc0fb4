import type { Rule } from '../types.js';

/*
 * The host's container engine (its default seccomp profile, or the libseccomp it is built with) is older than the
 * image's C library: syscalls newer than the profile (clone3 for threads in glibc 2.34+, the time64 clock calls of
 * 32-bit ARM images, faccessat2) are refused with EPERM instead of ENOSYS, so the library never falls back and the
 * program fails at its first thread or clock read. Each runtime says so in its own words: .NET's `Failed to create
 * CoreCLR, HRESULT: 0x80070008`, Mono's finalizer thread `Couldn't create thread`, Node's failed `uv_thread_create` /
 * `uv_gettimeofday` assertion, the JVM's `pthread_create failed (EPERM)`, Python's `can't initialize time`,
 * coreutils' `cannot read realtime clock: Operation not permitted`, Qt's `Thread creation error: Operation not
 * permitted`, Rust's `failed to spawn thread` with `PermissionDenied`. The image is fine and so is the app: the fix is
 * the host's engine (Docker 20.10.10+ / libseccomp 2.4.4+), so `other`. A thread limit fails with EAGAIN, not EPERM,
 * and is left out.
 */
const rule: Rule = {
  id: 'engine-seccomp-outdated',
  category: 'other',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /(?<what>Failed to create CoreCLR, HRESULT: 0x80070008|mono_gc_init_finalizer_thread, Couldn't create thread|Assertion [`'‘]\(0\) == \(uv_(?:thread_create|gettimeofday)\([^\n]*failed|pthread_create failed \(EPERM\)|Fatal Python error: \w+: can't initialize time|cannot read realtime clock: Operation not permitted|QThread::start: Thread creation error: Operation not permitted|failed to spawn thread: Os \{ code: 1, kind: PermissionDenied)/,
    },
  ],
  cause:
    "{service} failed at its first thread or clock read ({what}): the host's container engine is older than the image's C library, and its seccomp profile refuses the newer syscalls.",
  fix: 'Upgrade the container engine on the host (Docker 20.10.10 or later, libseccomp 2.4.4 or later; on a Raspberry Pi, the host OS too); until then pin the image to the previous base (e.g. focal rather than jammy), or run it with `--security-opt seccomp=unconfined`.',
  confidence: 0.8,
  beats: [
    'native-abort',
    'runtime-heap-oom',
    'runtime-fatal-banner',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [['log', 'Failed to create CoreCLR, HRESULT: 0x80070008']],
      [
        [
          'log',
          "* Assertion at gc.c:1005, condition `is_ok (error)' not met, function:mono_gc_init_finalizer_thread, Couldn't create thread. Error 0x0",
        ],
      ],
      [
        [
          'log',
          "node[1]: ../src/util.cc:188:double node::GetCurrentTimeInMicroseconds(): Assertion `(0) == (uv_gettimeofday(&tv))' failed.",
        ],
      ],
      [['log', 'sleep: cannot read realtime clock: Operation not permitted']],
      [
        [
          'log',
          '[0.003s][warning][os,thread] Failed to start thread "GC Thread#0" - pthread_create failed (EPERM) for attributes: stacksize: 1024k',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          '[0.003s][warning][os,thread] Failed to start thread "GC Thread#0" - pthread_create failed (EAGAIN) for attributes: stacksize: 1024k',
        ],
      ],
      [['log', "RuntimeError: can't start new thread"]],
      [['log', 'Failed to create CoreCLR, HRESULT: 0x80004005']],
    ],
  },
};
export default rule;
