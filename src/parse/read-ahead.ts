import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { builtScript } from '../engine/paths.js';
import { READ_AHEAD_BATCH, type ReadAheadBatch, type ReadAheadInput } from './read-ahead-protocol.js';

/**
 * Reads a long run's files ahead, in a worker thread, in the order the main
 * thread lints them. On a 2-core machine opening and reading the Sigma corpus
 * cost the main thread about 100 ms (3,750 opens, reads and closes, each
 * slower between parsing and checking than in a tight loop); the worker does
 * them on the other core, in a few milliseconds of its time per batch.
 *
 * Nothing waits for the worker: a file it has not read yet, read out of
 * order, over the size limit or unreadable is read by the main thread as
 * before, so its message (too big, not found, binary) is unchanged.
 */
export class ReadAhead {
  private next = 0;
  private batch: { start: number; end: number; offsets: Int32Array; lengths: Int32Array; bytes: Buffer } | undefined;
  /** Files handed over from the worker (tests, and to see that it keeps up). */
  hits = 0;
  /** Settles when the worker has ended, having read every file or failed (tests). */
  readonly ended: Promise<void>;

  private constructor(
    private readonly files: readonly string[],
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly taken: Int32Array,
  ) {
    this.ended = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /** Starts reading `files` ahead; undefined when no worker can start (the run reads its files itself). */
  static start(files: readonly string[], maxBytes: number): ReadAhead | undefined {
    try {
      const { port1, port2 } = new MessageChannel();
      const taken = new SharedArrayBuffer(4);
      const input: ReadAheadInput = { files, maxBytes, port: port2, taken };
      const worker = new Worker(builtScript('read-ahead-worker.cjs', 'parse/read-ahead-worker.js'), { workerData: input, transferList: [port2] });
      // A worker that fails only means the main thread reads every file itself.
      worker.on('error', () => undefined);
      worker.unref();
      port1.unref();
      return new ReadAhead(files, worker, port1, new Int32Array(taken));
    } catch {
      return undefined;
    }
  }

  /** The bytes of `file` if the worker has read them and `file` is the next file of the run; else undefined. */
  take(file: string): Buffer | undefined {
    const at = this.next;
    if (this.files[at] !== file) return undefined;
    this.next = at + 1;
    Atomics.store(this.taken, 0, this.next);
    if (this.next % READ_AHEAD_BATCH === 0) Atomics.notify(this.taken, 0);
    while (!this.batch || this.batch.end <= at) {
      const received = receiveMessageOnPort(this.port);
      if (!received) return undefined;
      this.batch = unpack(received.message as ReadAheadBatch);
    }
    const { start, offsets, lengths, bytes } = this.batch;
    if (at < start) return undefined;
    const length = lengths[at - start] as number;
    if (length < 0) return undefined;
    this.hits++;
    const offset = offsets[at - start] as number;
    return bytes.subarray(offset, offset + length);
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

function unpack(message: ReadAheadBatch): NonNullable<ReadAhead['batch']> {
  const { start, lengths } = message;
  const offsets = new Int32Array(lengths.length);
  let offset = 0;
  for (let i = 0; i < lengths.length; i++) {
    offsets[i] = offset;
    offset += Math.max(0, lengths[i] as number);
  }
  return { start, end: start + lengths.length, offsets, lengths, bytes: Buffer.from(message.bytes) };
}
