import type { Rule } from '../types.js';

/*
 * A program that says in its own words that the machine or its limit has too little memory for the work it was asked
 * to do (load a model, start a JVM, allocate a tensor or a query's memory), rather than a runtime's heap error
 * (runtime-heap-oom) or the kernel's kill (oom-killed). The fix is the same: more memory for the task or a smaller
 * load. A scheduler with no node or instance that has the memory free (`Insufficient memory`, `insufficient memory
 * available`, `not enough memory available to start process`) is placement, so those are left out.
 */
const rule: Rule = {
  id: 'memory-not-enough',
  category: 'resources-oom',
  match: [
    {
      in: ['log', 'healthOutput', 'stoppedReason', 'containerReason', 'localField'],
      re: /(?:not|n't) have enough (?:available |free |system )?memory|requires more (?:system )?memory \([^)]*\) than is available|There is insufficient memory for the Java Runtime Environment|Native memory allocation \(mmap\) failed|CUDA out of memory|\bOutOfMemoryError: CUDA\b|Not enough memory resources are available|\bOut of memory \(Needed \d+ bytes\)|Failed on request of size \d+ in memory context|memory allocation failed|Could not reserve enough space for (?:\d+KB )?object heap|GC heap initialization failed|Failed to create CoreCLR, HRESULT: 0x8007000E|runtime: cannot allocate memory/i,
      not: /nodes are available|container[- ]instance|to start process|unable to place/i,
    },
  ],
  cause:
    '{service} reported that there is not enough memory for what it was starting (a model, the JVM, a buffer or a tensor): the task or host has less memory than the workload needs.',
  fix: "Give {service}'s task or host more memory (the task size, the container's memory limit, Docker Desktop's or WSL's memory setting) or make the workload smaller (a smaller model or batch, a lower heap or buffer size); free memory held by other processes on the same host.",
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'native-abort'],
  examples: {
    match: [
      [['log', 'Error: llama runner exited, you may not have enough available memory to run this model']],
      [['log', 'Error: model requires more system memory (23.4 GiB) than is available (15.2 GiB)']],
      [['log', '# There is insufficient memory for the Java Runtime Environment to continue.']],
      [
        [
          'log',
          'torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 7.79 GiB total capacity)',
        ],
      ],
      [['log', 'Error: Could not reserve enough space for 4194304KB object heap']],
      [['log', 'GC heap initialization failed with error 0x8007000E']],
      [['log', 'DETAIL:  Failed on request of size 262144 in memory context "MessageContext".']],
    ],
    noMatch: [
      [['log', 'not enough memory available to start process']],
      [
        [
          'serviceEvent',
          '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 1f2e) has insufficient memory available.',
        ],
      ],
      [['log', '0/3 nodes are available: 3 Insufficient memory.']],
      [['log', 'java.lang.OutOfMemoryError: Java heap space']],
    ],
  },
};
export default rule;
