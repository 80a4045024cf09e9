"""The pre-commit framework runs hoso's hook (.pre-commit-hooks.yaml) from this repository."""
import os
import pathlib
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOSO = pathlib.Path(os.environ.get("HOSO_BIN", str(ROOT / ".build" / "debug" / "hoso")))


def sh(args, cwd, env, check=True):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{args} failed: {result.stdout}\n{result.stderr}")
    return result


def test_pre_commit_framework_runs_the_hook(tmp_path):
    env = dict(os.environ)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "hoso").symlink_to(HOSO)
    env["PATH"] = f"{bindir}:{env['PATH']}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    env["NO_COLOR"] = "1"
    env.update(GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="T", GIT_COMMITTER_EMAIL="t@example.com")
    rev = sh(["git", "rev-parse", "HEAD"], ROOT, env).stdout.strip()
    repo = tmp_path / "repo"
    repo.mkdir()
    sh(["git", "init", "-q"], repo, env)
    (repo / ".pre-commit-config.yaml").write_text(f"repos:\n- repo: {ROOT}\n  rev: {rev}\n  hooks:\n  - id: hoso\n")
    sh(["pre-commit", "install"], repo, env)

    shutil.copy(ROOT / "Examples" / "co-loi" / "phong-tong-hop.hoso", repo / "a.hoso")
    sh(["git", "add", "."], repo, env)
    refused = sh(["git", "commit", "-qm", "hỏng"], repo, env, check=False)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "a.hoso:13:14: lỗi[HS112]" in output, output

    shutil.copy(ROOT / "Examples" / "phong-tchcqt.hoso", repo / "a.hoso")
    sh(["git", "add", "."], repo, env)
    sh(["git", "commit", "-qm", "sạch"], repo, env)
    assert sh(["git", "log", "--oneline"], repo, env).stdout.count("\n") == 1
