export type NoticeKind = 'ok' | 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** the server's stable error code, when it is a refusal */
  code: string | null;
}

/** The status line: the last thing that happened, so every action gives immediate feedback. */
export class NoticeState {
  last = $state<Notice | null>(null);
  private seq = 0;

  private push(kind: NoticeKind, text: string, code: string | null = null): void {
    this.seq += 1;
    this.last = { id: this.seq, kind, text, code };
  }

  ok(text: string): void {
    this.push('ok', text);
  }
  info(text: string): void {
    this.push('info', text);
  }
  error(text: string, code: string | null = null): void {
    this.push('error', text, code);
  }
  clear(): void {
    this.last = null;
  }
}
