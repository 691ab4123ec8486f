import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

const SECTION = 'sfoLint';
const DEFAULT_SERVER = 'sfo-lint-lsp';

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;
let traceChannel: vscode.LogOutputChannel | undefined;

/** Settings in the shape the language server reads: {"sfoLint": {...}}. */
export function serverSettings(): { sfoLint: Record<string, unknown> } {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return {
    sfoLint: {
      rules: cfg.get<Record<string, string>>('rules', {}),
      preferredTerm: cfg.get<string>('preferredTerm', 'service user'),
      sentenceLength: { max: cfg.get<number>('sentenceLength.max', 25) },
    },
  };
}

function serverCommand(): string {
  const configured = vscode.workspace
    .getConfiguration(SECTION)
    .get<string>('serverPath', '')
    .trim();
  if (!configured) {
    return DEFAULT_SERVER;
  }
  // Allow ~ for convenience.
  if (configured.startsWith('~/') && process.env.HOME) {
    return process.env.HOME + configured.slice(1);
  }
  return configured;
}

function createClient(): LanguageClient {
  const command = serverCommand();
  // Executable without an explicit transport: stdio is used and no extra
  // arguments are appended, so the server sees exactly `--stdio`.
  const serverOptions: ServerOptions = { command, args: ['--stdio'] };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: SECTION,
    },
    initializationOptions: serverSettings,
    outputChannel,
    traceOutputChannel: traceChannel,
  };

  return new LanguageClient(SECTION, 'sfo-lint', serverOptions, clientOptions);
}

async function startClient(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const command = serverCommand();
    const choice = await vscode.window.showErrorMessage(
      `sfo-lint: could not start the language server "${command}": ${message}. ` +
        'Install sfo-lint-lsp on your PATH or set "sfoLint.serverPath".',
      'Open Settings',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand(
        'workbench.action.openSettings',
        'sfoLint.serverPath',
      );
    }
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) {
    try {
      await current.stop();
    } catch {
      // The server may already have exited; nothing more to do.
    }
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  await startClient();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Created once so that restarts reuse the same channels.
  outputChannel = vscode.window.createOutputChannel('sfo-lint', { log: true });
  traceChannel = vscode.window.createOutputChannel('sfo-lint Trace', { log: true });
  context.subscriptions.push(outputChannel, traceChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('sfoLint.restartServer', async () => {
      await restartClient();
      vscode.window.setStatusBarMessage('sfo-lint: server restarted', 3000);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Rule settings reach the running server via didChangeConfiguration;
      // a new server path needs a new process.
      if (event.affectsConfiguration(`${SECTION}.serverPath`)) {
        await restartClient();
      }
    }),
  );

  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
