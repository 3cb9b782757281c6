/**
 * Puts `prefix` before the page title while the tab is hidden and restores the title when the resident comes back
 * (or the element leaves the page), so a background tab shows the call in the tab strip.
 */
export class TitleFlag {
  private saved?: string;

  set(prefix: string): void {
    if (!document.hidden) return;
    this.saved ??= document.title;
    document.title = prefix + this.saved;
  }

  restore(): void {
    if (this.saved === undefined) return;
    document.title = this.saved;
    this.saved = undefined;
  }
}
