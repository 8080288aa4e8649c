// The base of every long-lived part of the extension: what it registers (listeners, emitters, providers, timers) is
// disposed with it, in reverse order, once.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: { dispose(): unknown }[] = [];
  private disposed = false;

  /** Dispose `d` with this object; returns it. Registered after disposal, it is disposed at once. */
  protected register<T extends { dispose(): unknown }>(d: T): T {
    if (this.disposed) d.dispose();
    else this.owned.push(d);
    return d;
  }

  protected get isDisposed(): boolean { return this.disposed; }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) {
      try { d.dispose(); } catch { /* one failing disposal must not keep the others alive */ }
    }
  }
}
