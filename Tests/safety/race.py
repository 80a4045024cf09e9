#!/usr/bin/env python3
"""Race test: an editor saves a dossier while `hoso lint --fix` is fixing it; no save may be lost.

Each trial writes a fixable dossier, starts `hoso lint --fix` on it, and after a random delay
within hoso's run time saves an edit the way editors do (a temporary file renamed over the
dossier). Whatever the timing, the edit must be in the file at the end: either hoso fixed the
edited text, or hoso saw the change and left the file alone, or the save came after hoso's.

    Tests/safety/race.py HOSO [TRIALS]     (exit 1 when an edit was lost)

With --in-place the editor instead rewrites the file in place (truncate and write): that is the
one window the safe write leaves open (check, then exchange), counted and printed, not judged.
"""
import os, random, subprocess, sys, tempfile, threading, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
in_place = "--in-place" in sys.argv
hoso = os.path.abspath(args[0])
trials = int(args[1]) if len(args) > 1 else 2000
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
clean = open(os.path.join(root, "Examples", "phong-tchcqt.hoso"), encoding="utf-8").read()
broken = clean.replace("Chức vụ: Chuyên viên\nHình", "Chuc vu: Chuyên viên\nHình", 1)
assert broken != clean

work = tempfile.mkdtemp(prefix="hoso-race-")
path = os.path.join(work, "a.hoso")

def run_time():
    with open(path, "w", encoding="utf-8") as f:
        f.write(broken)
    start = time.perf_counter()
    subprocess.run([hoso, "lint", "--fix", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

span = sorted(run_time() for _ in range(20))[10]
lost = refused = fixed_after = 0
for trial in range(trials):
    with open(path, "w", encoding="utf-8") as f:
        f.write(broken)
    marker = f"Ghi chú của người soạn, lần {trial}"
    edited = broken + marker + "\n"
    delay = random.uniform(0, span)

    def save():
        time.sleep(delay)
        if in_place:
            with open(path, "w", encoding="utf-8") as f:
                f.write(edited)
        else:
            temporary = path + ".editor-tmp"
            with open(temporary, "w", encoding="utf-8") as f:
                f.write(edited)
            os.rename(temporary, path)

    editor = threading.Thread(target=save)
    editor.start()
    result = subprocess.run([hoso, "lint", "--fix", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    editor.join()
    final = open(path, encoding="utf-8").read()
    if marker not in final:
        lost += 1
    elif "đã thay đổi" in result.stderr:
        refused += 1
    elif "Chức vụ: Chuyên viên\nHình" in final:
        fixed_after += 1
    stray = [n for n in os.listdir(work) if n != "a.hoso"]
    if stray:
        print(f"race: trial {trial} left files behind: {stray}")
        lost += 1
        for n in stray:
            os.unlink(os.path.join(work, n))

mode = "in place" if in_place else "by rename"
print(f"race ({mode}): {trials} trials, hoso run {span * 1000:.1f} ms; edits lost: {lost}; "
      f"hoso saw the change and stood back: {refused}; edit then fixed: {fixed_after}")
sys.exit(1 if lost and not in_place else 0)
