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
  // hoso: Xuất bản in — the server's hoso.export on the active dossier, unsaved edits included.
  const exportPapers = (format) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "hoso" || editor.document.uri.scheme !== "file") {
      vscode.window.showErrorMessage("hoso: mở một tệp .hoso đã lưu trước khi xuất / open a saved .hoso file first");
      return;
    }
    const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    try {
      await client.sendRequest("workspace/executeCommand", { command: "hoso.export", arguments: [{ uri, format }] });
    } catch (error) {
      // The server has shown why (window/showMessage).
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("hoso.exportDocx", exportPapers("docx")),
    vscode.commands.registerCommand("hoso.exportHtml", exportPapers("html"))
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
