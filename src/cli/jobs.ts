// Where `extract` runs its work (work.ts): in this thread for --jobs 1, else in a pool of worker threads, each
// analysing one input at a time. Results come back as promises that the caller awaits in input order. The workers run
// this same file (the CLI bundle, dist/cli.js), which answers when it finds itself started as one.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runWork, type Work, type WorkOptions, type WorkResult } from './work';

export interface Analyzer {
  /** The result of one input; rejects if a worker died. */
  submit(work: Work): Promise<WorkResult>;
  /** Stops the workers (work not done yet is dropped). */
  close(): Promise<void>;
}

/** --jobs 1: each input is analysed when it is submitted. */
export function inThisThread(options: WorkOptions): Analyzer {
  return {
    submit: work => Promise.resolve(runWork(work, options)),
    close: () => Promise.resolve(),
  };
}

const WORKER_ROLE = 'news-annotate analysis worker';

interface Task { work: Work; resolve(r: WorkResult): void; reject(e: Error): void }

/** Up to `size` worker threads, started as work arrives (a single small input never waits for a second thread). */
export function workerPool(size: number, options: WorkOptions): Analyzer {
  const idle: Worker[] = [];
  const running = new Map<Worker, Task>();
  const queue: Task[] = [];
  let failure: Error | undefined;
  let closed = false;

  const fail = (e: Error) => {
    failure ??= e;
    for (const t of [...running.values(), ...queue.splice(0)]) t.reject(failure);
    running.clear();
  };
  const start = (worker: Worker, task: Task) => {
    running.set(worker, task);
    worker.postMessage(task.work);
  };
  const spawn = (): Worker => {
    const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE, options } });
    worker.on('message', (result: WorkResult) => {
      const task = running.get(worker);
      running.delete(worker);
      task?.resolve(result);
      const next = queue.shift();
      if (next) start(worker, next); else idle.push(worker);
    });
    worker.on('error', e => fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', code => { if (!closed) fail(new Error(`an analysis worker stopped (exit code ${code})`)); });
    return worker;
  };
  const workers: Worker[] = [];
  return {
    submit: work => new Promise<WorkResult>((resolve, reject) => {
      if (failure) { reject(failure); return; }
      const task = { work, resolve, reject };
      const free = idle.pop() ?? (workers.length < size ? (workers.push(spawn()), workers[workers.length - 1]) : undefined);
      if (free) start(free, task); else queue.push(task);
    }),
    close: async () => {
      closed = true;
      await Promise.all(workers.map(w => w.terminate()));
    },
  };
}

/** The worker's side: analyse each work message and send back its result. */
function serve(options: WorkOptions): void {
  parentPort!.on('message', (work: Work) => parentPort!.postMessage(runWork(work, options)));
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) serve((workerData as { options: WorkOptions }).options);
