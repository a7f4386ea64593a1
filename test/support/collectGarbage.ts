/**
 * Runs before every test file (jest `setupFiles`), in the worker process that runs it: a full
 * garbage collection frees what earlier files in this worker left behind (each file loads its own
 * copy of botbuilder, the Cosmos SDK and the app into a fresh module registry).
 *
 * Without it V8 lets a worker's heap grow to 600–900 MB of mostly garbage, and a process with a
 * heap that size needs longer than jest-worker's 500 ms to exit when the run ends: the
 * "A worker process has failed to exit gracefully" warning, although no handle or timer is left.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc: unknown = runInNewContext('gc');
if (typeof gc === 'function') (gc as () => void)();
