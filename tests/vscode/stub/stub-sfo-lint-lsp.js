#!/usr/bin/env node
// STAND-IN ONLY. This is NOT the sfo-lint language server.
//
// A dependency-free LSP server used to develop and self-test the VS Code
// end-to-end harness (tests/vscode/run.sh) before/without the real
// `sfo-lint-lsp`. It is used only when run.sh is invoked with
// SFO_VSCODE_STUB=1; the real test always runs target/release/sfo-lint-lsp.
//
// It publishes one diagnostic (source "sfo-lint", code "offender-term") per
// occurrence of "offender", offers a quick fix, and, when SFO_STUB_LOG is set,
// appends the settings it receives (initializationOptions and
// workspace/didChangeConfiguration) to that file as JSON lines so the harness
// can check the extension sends the documented shape.
'use strict';

const fs = require('fs');

if (!process.argv.includes('--stdio')) {
  process.stderr.write('stub-sfo-lint-lsp: expected --stdio\n');
  process.exit(2);
}

const logFile = process.env.SFO_STUB_LOG;
function record(kind, value) {
  if (logFile) fs.appendFileSync(logFile, JSON.stringify({ kind, value }) + '\n');
}

const docs = new Map();
let preferred = 'service user';

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function diagnose(uri) {
  const text = docs.get(uri) ?? '';
  const diagnostics = [];
  const lines = text.split('\n');
  lines.forEach((line, lineNo) => {
    const re = /\boffenders?\b/gi;
    let m;
    while ((m = re.exec(line))) {
      diagnostics.push({
        range: {
          start: { line: lineNo, character: m.index },
          end: { line: lineNo, character: m.index + m[0].length },
        },
        severity: 2,
        source: 'sfo-lint',
        code: 'offender-term',
        message: `Say "${preferred}" rather than "${m[0]}". (stand-in server)`,
      });
    }
  });
  send({ method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } });
}

function applySettings(settings) {
  const term = settings && settings.sfoLint && settings.sfoLint.preferredTerm;
  if (typeof term === 'string' && term) preferred = term;
}

function handle(msg) {
  const { id, method, params } = msg;
  switch (method) {
    case 'initialize':
      record('initializationOptions', params.initializationOptions ?? null);
      applySettings(params.initializationOptions);
      send({
        id,
        result: {
          capabilities: { textDocumentSync: 1, codeActionProvider: true },
          serverInfo: { name: 'stub-sfo-lint-lsp', version: '0.0.0' },
        },
      });
      break;
    case 'shutdown':
      send({ id, result: null });
      break;
    case 'exit':
      process.exit(0);
      break;
    case 'workspace/didChangeConfiguration':
      record('didChangeConfiguration', params.settings ?? null);
      applySettings(params.settings);
      for (const uri of docs.keys()) diagnose(uri);
      break;
    case 'textDocument/didOpen':
      docs.set(params.textDocument.uri, params.textDocument.text);
      diagnose(params.textDocument.uri);
      break;
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges.at(-1).text);
      diagnose(params.textDocument.uri);
      break;
    case 'textDocument/didClose':
      docs.delete(params.textDocument.uri);
      send({ method: 'textDocument/publishDiagnostics', params: { uri: params.textDocument.uri, diagnostics: [] } });
      break;
    case 'textDocument/codeAction': {
      const uri = params.textDocument.uri;
      const actions = (params.context.diagnostics || [])
        .filter((d) => d.source === 'sfo-lint' && d.code === 'offender-term')
        .map((d) => ({
          title: `Replace with "${preferred}"`,
          kind: 'quickfix',
          diagnostics: [d],
          edit: { changes: { [uri]: [{ range: d.range, newText: preferred }] } },
        }));
      send({ id, result: actions });
      break;
    }
    default:
      if (id !== undefined && method !== undefined) {
        send({ id, error: { code: -32601, message: `unhandled ${method}` } });
      }
  }
}

let buf = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const headerEnd = buf.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buf.subarray(0, headerEnd).toString('ascii');
    const m = /Content-Length: *(\d+)/i.exec(header);
    if (!m) throw new Error('bad header: ' + header);
    const len = Number(m[1]);
    if (buf.length < headerEnd + 4 + len) return;
    const body = buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    buf = buf.subarray(headerEnd + 4 + len);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
