// The webview's page: a shell that loads the bundled script and the stylesheet from the extension, under a strict
// content security policy (nothing remote, no inline code, the one script by nonce). Everything else is drawn by the
// script from the messages it is sent.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'sourcesTimeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'sourcesTimeline.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Sources and Timeline</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="empty">Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
