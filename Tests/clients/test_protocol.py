"""The real `hoso lsp` binary at the byte level: framing errors, JSON-RPC errors, cancellation,
exit statuses, and stdout holding nothing but protocol frames."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSO = os.environ.get("HOSO_BIN", str(ROOT / ".build" / "debug" / "hoso"))


def frame(obj) -> bytes:
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def run(payload: bytes, timeout=20):
    proc = subprocess.run([HOSO, "lsp"], input=payload, capture_output=True, timeout=timeout)
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
    assert errors == [-32700, -32700, -32700, -32700]
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
