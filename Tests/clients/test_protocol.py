"""The real `hoso lsp` binary at the byte level: framing errors, JSON-RPC errors, cancellation,
exit statuses, and stdout holding nothing but protocol frames."""
import json
import os
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSO = os.environ.get("HOSO_BIN", str(ROOT / ".build" / "debug" / "hoso"))


def frame(obj) -> bytes:
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def run(payload: bytes, timeout=20):
    # The input comes from a file: Python writes pipes in 512-byte pieces, too slow for 64 MB.
    with tempfile.TemporaryFile() as stdin:
        stdin.write(payload)
        stdin.seek(0)
        proc = subprocess.run([HOSO, "lsp"], stdin=stdin, capture_output=True, timeout=timeout)
    return proc.returncode, parse_frames(proc.stdout), proc.stderr


def parse_frames(out: bytes):
    """Every byte of stdout must belong to a well-formed frame."""
    messages = []
    while out:
        header, sep, rest = out.partition(b"\r\n\r\n")
        assert sep, f"stdout holds bytes outside a frame: {out[:80]!r}"
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        out = rest[length:]
    return messages


def init(i=1):
    return {"jsonrpc": "2.0", "id": i, "method": "initialize", "params": {"capabilities": {}}}


def by_id(messages, i):
    return next(m for m in messages if m.get("id") == i)


def test_clean_shutdown_exits_zero_and_eof_without_it_exits_one():
    code, messages, _ = run(frame(init()) + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
    assert code == 0
    assert by_id(messages, 2)["result"] is None
    code, _, _ = run(frame(init()))
    assert code == 1
    code, _, _ = run(frame(init()) + frame({"jsonrpc": "2.0", "method": "exit"}))
    assert code == 1


def test_malformed_input_gets_errors_and_the_server_goes_on():
    payload = (
        b"Content-Length: abc\r\n\r\n"
        + b"X-Nothing: 1\r\n\r\n"
        + frame(b"{not json")
        + frame(b"\xff\xfe garbage")
        + frame({"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": {}})
        + frame(init(1))
        + frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": 5}})
        + frame({"jsonrpc": "2.0", "id": 3, "method": "no/such"})
        + frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
        + frame({"jsonrpc": "2.0", "method": "exit"})
    )
    code, messages, _ = run(payload)
    assert code == 0
    errors = [m["error"]["code"] for m in messages if "error" in m and m.get("id") is None]
    # The bad header is reported once: the framer then skips the garbage after it (X-Nothing)
    # to the next Content-Length line; the two bodies that are not JSON get one error each.
    assert errors == [-32700, -32700, -32700]
    assert by_id(messages, 9)["error"]["code"] == -32002
    assert by_id(messages, 2)["error"]["code"] == -32602
    assert by_id(messages, 3)["error"]["code"] == -32601
    assert by_id(messages, 4)["result"] is None


def test_cancelled_request_still_queued_gets_32800():
    text = (ROOT / "Examples" / "phong-tchcqt.hoso").read_text("utf-8") * 40
    uri = "file:///tmp/cancel-test.hoso"
    payload = frame(init()) + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    payload += frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "hoso", "version": 1, "text": text}}})
    payload += frame({"jsonrpc": "2.0", "id": 7, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}})
    payload += frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 7}})
    payload += frame({"jsonrpc": "2.0", "id": 8, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"})
    code, messages, _ = run(payload)
    assert code == 0
    answer = by_id(messages, 7)
    # Read in one chunk, the cancellation is seen before the request runs.
    assert answer.get("error", {}).get("code") == -32800, answer


def test_oversized_message_is_skipped_and_reported():
    big = b"Content-Length: 200000000\r\n\r\n" + b" " * 1000
    code, messages, _ = run(frame(init()) + big)
    assert code == 1
    assert any(m.get("error", {}).get("code") == -32600 and "limit" in m["error"]["message"] for m in messages)


def test_wrong_lengths_truncation_and_requests_after_shutdown():
    uri = "file:///tmp/abuse.hoso"
    good = frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}})
    body = json.dumps({"jsonrpc": "2.0", "id": 6, "method": "shutdown"}).encode()
    too_small = b"Content-Length: 10\r\n\r\n" + body  # the rest of the body is read as a header block
    payload = frame(init()) + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    payload += frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "hoso", "version": 1, "text": "Đơn vị: A\n# TỜ TRÌNH\n"}}})
    # Edits far outside the document are clamped to its end, not a crash.
    payload += frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": 2},
                      "contentChanges": [{"range": {"start": {"line": 999, "character": 5}, "end": {"line": 99999, "character": 0}}, "text": "\n## 😀"}]}})
    payload += too_small + b"\r\n\r\n" + good
    payload += frame({"jsonrpc": "2.0", "id": 7, "method": "shutdown"})
    payload += frame({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {}})
    payload += b"Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\""  # truncated at end of input
    code, messages, _ = run(payload)
    assert code == 1, "input ended without exit"
    assert any(m.get("error", {}).get("code") == -32700 and m.get("id") is None for m in messages)
    symbols = by_id(messages, 5)["result"]
    assert [s["name"] for s in symbols] == ["TỜ TRÌNH"]
    assert symbols[0]["children"][0]["name"] == "😀"
    assert by_id(messages, 7)["result"] is None
    assert by_id(messages, 8)["error"]["code"] == -32600


def test_huge_message_and_rapid_changes_keep_memory_bounded():
    import resource
    uri = "file:///tmp/rapid.hoso"
    text = (ROOT / "Examples" / "phong-tchcqt.hoso").read_text("utf-8")
    parts = [frame(init()), frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})]
    parts.append(frame(b"[" + b" " * (64 * 1024 * 1024) + b"x]"))  # 64 MB of invalid JSON
    parts.append(frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "hoso", "version": 1, "text": text}}}))
    for version in range(2, 10002):
        edit = {"range": {"start": {"line": 16, "character": 0}, "end": {"line": 16, "character": 0 if version % 2 == 0 else 1}}, "text": "x" if version % 2 == 0 else ""}
        parts.append(frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]}}))
    parts.append(frame({"jsonrpc": "2.0", "id": 9, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": uri}}}))
    parts.append(frame({"jsonrpc": "2.0", "id": 10, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
    code, messages, _ = run(b"".join(parts), timeout=300)
    assert code == 0
    assert any(m.get("error", {}).get("code") == -32700 for m in messages)
    published = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    assert published[-1]["params"]["version"] == 10001
    assert by_id(messages, 9)["result"]["kind"] == "full"
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 1024, f"peak resident memory {peak_mb:.0f} MB"
