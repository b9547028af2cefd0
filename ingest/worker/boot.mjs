// The file worker's first module: plain JavaScript, so that it can teach the worker thread
// TypeScript (tsx) before it loads the worker itself (a worker does not inherit the loader).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
