/** A one-line progress bar on stderr (redrawn in place on a TTY, printed on change elsewhere). */
export class Progress {
  private last = '';

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    /** What a done item is called on the bar. */
    private readonly doneWord = 'published',
  ) {}

  update(done: number, failed: number, note = ''): void {
    const width = 30;
    const filled = this.total ? Math.round(((done + failed) / this.total) * width) : width;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done + failed}/${this.total} · ${done} ${this.doneWord} · ${failed} failed${note ? ` · ${note}` : ''}`;
    if (line === this.last) return;
    this.last = line;
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${line}`);
    else this.out.write(`${line}\n`);
  }

  end(): void {
    if (this.out.isTTY && this.last) this.out.write('\n');
  }
}
