// Where the per-file work runs: in this thread for a few files, or in worker
// threads, one a core, for a folder — the analysis is CPU-bound and a folder's
// files are independent once they are paired.

import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { Job, type Checked, type CheckTask, type JobOptions, type Read, type Survey } from './job';
import type { Candidate } from './files';

export interface Runner {
  /** Threads that check: 1 is this one. */
  readonly threads: number;
  survey(candidate: Candidate, read?: Read): Promise<Survey>;
  check(task: CheckTask): Promise<Checked>;
  close(): Promise<void>;
}

export type Request = { id: number; op: 'survey'; task: Candidate; read?: Read } | { id: number; op: 'check'; task: CheckTask };
export type Reply = { id: number; result: Survey | Checked } | { id: number; error: string };

/** Below this many files, starting workers (each loads and compiles the analysis anew) costs more than it saves. */
export const FILES_PER_WORKER = 16;

/** `jobs` as asked (`--jobs`), else one worker per core for a folder large enough, else this thread. */
export function createRunner(options: JobOptions, files: number, jobs?: number): Runner {
  const size = jobs ?? Math.min(os.availableParallelism(), Math.floor(files / FILES_PER_WORKER));
  return size > 1 ? new WorkerPool(options, size) : inThisThread(options);
}

function inThisThread(options: JobOptions): Runner {
  const job = new Job(options);
  return { threads: 1, survey: (c, read) => job.survey(c, read), check: (t) => job.check(t), close: async () => {} };
}

interface Pending {
  request: Request;
  resolve(result: Survey | Checked): void;
  reject(error: Error): void;
}

/** Workers running the CLI's worker bundle (`cli-worker.js` beside it), each given one task at a time. */
class WorkerPool implements Runner {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly options: JobOptions,
    readonly threads: number,
  ) {
    for (let i = 0; i < threads; i++) this.idle.push(this.spawn());
  }

  survey(candidate: Candidate, read?: Read): Promise<Survey> {
    return this.submit({ id: this.nextId++, op: 'survey', task: candidate, ...(read ? { read } : {}) }) as Promise<Survey>;
  }

  check(task: CheckTask): Promise<Checked> {
    return this.submit({ id: this.nextId++, op: 'check', task }) as Promise<Checked>;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private submit(request: Request): Promise<Survey | Checked> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage(pending.request);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(path.join(__dirname, 'cli-worker.js'), { workerData: this.options });
    worker.on('message', (reply: Reply) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (pending) {
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve(reply.result);
      }
      this.pump();
    });
    // A worker that dies (out of memory on one file, say) fails its task, not the run: another takes its place.
    const lost = (error: Error) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closed) return;
      pending?.reject(error);
      this.idle.push(this.spawn());
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker)) lost(new Error(`worker exited with code ${code}`));
    });
    return worker;
  }
}
