"""Keystroke-to-diagnostics latency of `hoso lsp` (a measurement, not a test).

Opens a generated ~200 KB dossier, sends 1,000 one-character didChange edits one at a time, and
times each from the write to the publishDiagnostics of that version. Prints median and p99.
Usage: python3 Tests/clients/latency.py [.build/release/hoso] [edits]
"""
import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSO = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build" / "release" / "hoso")
EDITS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000


def dossier(target_bytes=200_000):
    """The clean example grown to ~200 KB the way real dossiers grow: long achievement prose in
    the report, with citations and dates, plus a dozen more nominees."""
    text = (ROOT / "Examples" / "phong-tchcqt.hoso").read_text("utf-8")
    paragraph = ("Trong năm, đồng chí chủ động tham mưu thực hiện tốt các nội dung thi đua theo Kế hoạch số 179/KH-UBND "
                 "ngày 02/8/2019 của UBND tỉnh; hoàn thành 100% nhiệm vụ được giao, bảo đảm chất lượng và tiến độ, "
                 "góp phần xây dựng môi trường công sở văn minh, hiện đại, thân thiện, xanh, sạch, đẹp.\n\n")
    extra_nominees = "".join(
        f"### Cá nhân: Lò Văn Nam {i}\nChức vụ: Chuyên viên\nHình thức: Giấy khen của Chánh Văn phòng UBND tỉnh\n"
        f"Năm 2019: Hoàn thành tốt nhiệm vụ\nNăm 2020: Hoàn thành tốt nhiệm vụ\nNăm 2021: Hoàn thành tốt nhiệm vụ\n"
        f"Sáng kiến: Sổ tay điện tử (Quyết định số 4{i}/QĐ-VPUB ngày 10/12/2021)\nKhen thưởng năm 2022: Không\n\n"
        for i in range(3))
    votes = "".join(f"- Lò Văn Nam {i}: 8/8 đồng ý (100%)\n" for i in range(3))
    text = text.replace("# BIÊN BẢN HỌP XÉT", extra_nominees + "# BIÊN BẢN HỌP XÉT")
    text = text.replace("- Tổ Quản trị: 7/8 đồng ý (87,5%)\n", "- Tổ Quản trị: 7/8 đồng ý (87,5%)\n" + votes)
    head, tail = text.split("## III. CÁC HÌNH THỨC")
    grow = max(0, target_bytes - len(text.encode()))
    count = grow // len(paragraph.encode()) + 1
    return head + paragraph * count + "## III. CÁC HÌNH THỨC" + tail


def main():
    text = dossier()
    proc = subprocess.Popen([HOSO, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(obj):
        body = json.dumps(obj).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def receive():
        length = 0
        while True:
            line = proc.stdout.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        return json.loads(proc.stdout.read(length))

    def wait_for_version(version):
        while True:
            message = receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
                return message

    uri = "file:///tmp/latency/big.hoso"
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "hoso", "version": 1, "text": text}}})
    first = wait_for_version(1)
    line = text.count("\n") // 2
    samples = []
    for i in range(EDITS):
        version = i + 2
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"} if i % 2 == 0 else \
                 {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""}
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        wait_for_version(version)
        samples.append((time.perf_counter() - start) * 1000)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(timeout=10)
    samples.sort()
    print(f"document: {len(text.encode())} bytes, {text.count(chr(10))} lines, {len(first['params']['diagnostics'])} diagnostics")
    print(f"didChange → publishDiagnostics over {EDITS} edits: median {statistics.median(samples):.2f} ms, "
          f"p99 {samples[int(len(samples) * 0.99) - 1]:.2f} ms, max {samples[-1]:.2f} ms")


if __name__ == "__main__":
    main()
