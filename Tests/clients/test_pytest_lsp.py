"""The real `hoso lsp` binary under pytest-lsp (a pygls client): diagnostics, a quick fix, pull."""
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSO = os.environ.get("HOSO_BIN", str(ROOT / ".build" / "debug" / "hoso"))
EXAMPLE = pathlib.Path(os.environ.get("HOSO_FILE", str(ROOT / "Examples" / "co-loi" / "phong-tong-hop.hoso")))
URI = EXAMPLE.as_uri()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[HOSO, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=["utf-16"]),
        ),
        root_uri=EXAMPLE.parent.as_uri(),
    )
    result = await lsp_client.initialize_session(params)
    assert result.server_info.name == "hoso"
    yield
    await lsp_client.shutdown_session()


def spots(diagnostics):
    return [(d.code, d.range.start.line, d.range.start.character) for d in diagnostics]


async def open_example(client: LanguageClient):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="hoso", version=1, text=EXAMPLE.read_text("utf-8"))
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[URI]


async def test_diagnostics_have_exact_codes_and_positions(client: LanguageClient):
    diagnostics = await open_example(client)
    assert spots(diagnostics) == [
        ("HS108", 0, 0), ("HS108", 2, 2), ("HS112", 12, 13), ("HS107", 13, 0), ("HS205", 17, 0),
        ("HS107", 22, 0), ("HS111", 30, 2), ("HS105", 32, 0), ("HS003", 37, 11),
    ]
    vote = diagnostics[6]
    assert vote.range.end == types.Position(line=30, character=14)
    assert vote.message == 'Kết quả biểu quyết ghi "Đinh Văn Hai", không có trong DANH SÁCH ĐỀ NGHỊ; có phải "Đinh Văn Hải"?'
    assert vote.severity == types.DiagnosticSeverity.Error
    assert vote.source == "hoso"


async def test_quick_fix_removes_the_diagnostic(client: LanguageClient):
    diagnostics = await open_example(client)
    target = next(d for d in diagnostics if d.code == "HS003")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=target.range,
            context=types.CodeActionContext(diagnostics=[target]),
        )
    )
    fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.diagnostics[0].code == "HS003")
    assert fix.title == "Thay bằng Đ"
    edits = fix.edit.changes[URI]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "HS003" not in [d.code for d in client.diagnostics[URI]]
    assert len(client.diagnostics[URI]) == len(diagnostics) - 1


async def test_pull_diagnostics_and_unchanged_result(client: LanguageClient):
    await open_example(client)
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI))
    )
    assert report.kind == "full"
    assert [d.code for d in report.items][:3] == ["HS108", "HS108", "HS112"]
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI), previous_result_id=report.result_id)
    )
    assert again.kind == "unchanged"


async def test_hover_and_symbols(client: LanguageClient):
    await open_example(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line=8, character=25))
    )
    assert hover.contents.value.startswith("**Kế hoạch số 179/KH-UBND**")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=URI))
    )
    assert [s.name for s in symbols] == ["TỜ TRINH", "BIÊN BẢN HỌP XÉT", "BÁO CÁO THÀNH TÍCH: Đinh Văn Hải"]
