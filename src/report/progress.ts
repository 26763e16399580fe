export interface ProgressBar {
  update: (done: number, total: number) => void;
  done: () => void;
}

/**
 * A one-line progress bar on stderr, only when stderr is a terminal (CI logs
 * and pipes get nothing). Redraws at most every 50 ms.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 50 && done < total) return;
      last = now;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
