// A progress bar for long CLI work, drawn on stderr only when it is a terminal (stdout stays for the result, and
// a log or a pipe gets no control characters): `[#####---------] 1,200 / 3,400 values`, redrawn in place.
const WIDTH = 30;

export const count = (n: number): string => n.toLocaleString('en-US');

export class ProgressBar {
  private drawn = false;

  constructor(
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Whether anything is drawn at all: only on a terminal. */
  get visible(): boolean {
    return this.stream.isTTY === true;
  }

  update(done: number, total: number): void {
    if (!this.visible) return;
    const filled = total > 0 ? Math.min(WIDTH, Math.round((done / total) * WIDTH)) : WIDTH;
    // \r back to the line's start, \x1b[K clears what a longer previous line left.
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count(done)} / ${count(total)} ${this.unit}\x1b[K`);
    this.drawn = true;
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
