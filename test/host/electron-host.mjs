// Runs the extension test suite in a desktop VS Code (Electron) through @vscode/test-electron.
// Uses an explicit VS Code from VSCODE_EXECUTABLE_PATH (the Electron binary, e.g. /usr/share/code/code) or a standard
// install location; downloads VS Code only when NEWS_TEST_HOST=electron-download says so (never offline by surprise).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';

const STANDARD_LOCATIONS = {
  linux: ['/usr/share/code/code', '/snap/code/current/usr/share/code/code', '/opt/visual-studio-code/code'],
  darwin: ['/Applications/Visual Studio Code.app/Contents/MacOS/Electron', '/Applications/Visual Studio Code.app/Contents/MacOS/Code'],
  win32: [path.join(process.env.LOCALAPPDATA || '', 'Programs', 'Microsoft VS Code', 'Code.exe'), 'C:\\Program Files\\Microsoft VS Code\\Code.exe'],
};

/** The desktop VS Code to test in, or undefined when this machine has none. */
export function findDesktopVSCode() {
  const explicit = process.env.VSCODE_EXECUTABLE_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`VSCODE_EXECUTABLE_PATH=${explicit} does not exist`);
    return explicit;
  }
  return (STANDARD_LOCATIONS[process.platform] || []).find(p => p && fs.existsSync(p));
}

export function desktopVersion(executable) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(executable);
  return execFileSync(cli, [...args, '--version'], { encoding: 'utf8', shell: process.platform === 'win32' }).split('\n')[0].trim();
}

export async function runSuiteInDesktop({ executable, extensionPath, testsPath, workspace, env = {} }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-desktop-'));
  try {
    const code = await runTests({
      vscodeExecutablePath: executable, // undefined → test-electron downloads (only with NEWS_TEST_HOST=electron-download)
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', userDataDir],
    }).catch(e => { console.error(`[desktop-host] ${e.message || e}`); return 1; });
    return { code };
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

export function installVsixIntoDesktop(executable, vsix, extensionsDir) {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const run = extra => execFileSync(cli, [...args.filter(a => !a.startsWith('--extensions-dir')), '--extensions-dir', extensionsDir, ...extra],
    { encoding: 'utf8', shell: process.platform === 'win32' });
  run(['--install-extension', vsix]);
  return run(['--list-extensions', '--show-versions']);
}
