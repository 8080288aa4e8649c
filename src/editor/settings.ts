// The extension's settings (contributes.configuration in package.json), read fresh each time.
import * as vscode from 'vscode';

export const SECTION = 'newsAnnotator';

export interface Settings {
  highlightingEnabled: boolean;
  maxFileSizeMB: number;
  analysisDelayMs: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    highlightingEnabled: c.get<boolean>('highlighting.enabled', true),
    maxFileSizeMB: Math.max(0, c.get<number>('maxFileSizeMB', 5)),
    analysisDelayMs: Math.max(0, c.get<number>('analysisDelay', 300)),
  };
}
