// The VS Code client: starts `hoso lsp` for .hoso files and passes the hoso.* settings.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("hoso");
  return { hoso: { profile: config.get("profile") || undefined, language: config.get("language"), rules: config.get("rules") } };
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration("hoso").get("path") || "hoso";
  client = new LanguageClient(
    "hoso",
    "hoso",
    { command, args: ["lsp"], transport: TransportKind.stdio },
    {
      documentSelector: [{ scheme: "file", language: "hoso" }, { scheme: "untitled", language: "hoso" }],
      initializationOptions: settings(),
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.hoso,hoso.json}") },
    }
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("hoso") && client) {
        client.sendNotification("workspace/didChangeConfiguration", { settings: settings() });
      }
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
