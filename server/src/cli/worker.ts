// A worker thread of the CLI (dist/cli-worker.js): runs the per-file work of
// job.ts for the main thread, one task at a time, and answers with plain data.

import { parentPort, workerData } from 'worker_threads';
import { Job, type JobOptions } from './job';
import type { Reply, Request } from './pool';

const job = new Job(workerData as JobOptions);

parentPort?.on('message', (request: Request) => {
  const work = request.op === 'survey' ? job.survey(request.task, request.read) : job.check(request.task);
  work.then(
    (result) => parentPort!.postMessage({ id: request.id, result } satisfies Reply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
  );
});
