"""The Linux bundle (``make bundle`` → dist/AfterDesk/): cold start to the sign-in window, and size.

Start: the bundled ``afterdesk`` is started as a whole process on a demo database
(``QT_QPA_PLATFORM=offscreen``) with ``AFTERDESK_QUIT_AT_SIGNIN`` set: the app prints a line
as soon as its event loop runs with the sign-in window shown, then closes it and exits. The
clock starts before the process is spawned; "shown" is when that line arrives, "exit" when
the process has ended. The first run follows a cache drop when the machine allows it
(root: ``/proc/sys/vm/drop_caches``), else it is only the first after the demo was made.
Targets (issue 12): shown < 2.0 s; the unpacked folder < 300 MB.

    .venv/bin/python benchmarks/bench_bundle.py [--bundle dist/AfterDesk] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TARGET_S = 2.0
SIZE_TARGET_MB = 300


def folder_size(folder: Path) -> int:
    """Bytes of the files as unpacked (what a disk holds, links counted once)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start_once(exe: Path, url: str, environ: dict[str, str]) -> tuple[float, float, float]:
    """(sign-in shown, process ended, CPU seconds the process used): the CPU time is what a
    busy machine cannot stretch, so it tells what an idle PC would see."""
    cpu_before = _children_cpu()
    began = time.perf_counter()
    process = subprocess.Popen(
        [str(exe), "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environ,
    )
    assert process.stdout is not None
    shown = float("nan")
    for line in process.stdout:
        if line.startswith("sign-in window shown"):
            shown = time.perf_counter() - began
    process.wait(timeout=60)
    return shown, time.perf_counter() - began, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "AfterDesk")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = args.bundle / "afterdesk"
    if not exe.is_file():
        print(f"no bundle at {args.bundle}: run `make bundle` first")
        return 1
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    size = folder_size(args.bundle)
    print(
        f"size unpacked: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), "
        f"target < {SIZE_TARGET_MB} MB: {'met' if size / 1e6 < SIZE_TARGET_MB else 'NOT met'}"
    )
    for tar in sorted(args.bundle.parent.glob("AfterDesk-*-linux-x86_64.tar.gz")):
        print(f"{tar.name}: {tar.stat().st_size / 1e6:.1f} MB")

    with tempfile.TemporaryDirectory(prefix="afterdesk-bench-bundle-") as tmp:
        environ = {
            **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AFTERDESK_DB")},
            "QT_QPA_PLATFORM": "offscreen",
            "AFTERDESK_CONFIG_DIR": str(Path(tmp) / "config"),
            "AFTERDESK_QUIT_AT_SIGNIN": "1",
        }
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite'}"
        for step in (["init"], ["demo", "--orders", "500"]):
            subprocess.run(
                [str(exe), "--db", url, *step], env=environ, check=True, capture_output=True
            )
        dropped = drop_caches()
        first = start_once(exe, url, environ)
        rest = [start_once(exe, url, environ) for _ in range(args.runs - 1)]
    kind = "after dropping the page cache" if dropped else "first run (page cache not dropped)"
    print(
        f"cold start, {kind}: sign-in shown {first[0]:.2f} s, process ended {first[1]:.2f} s, "
        f"CPU {first[2]:.2f} s"
    )
    if rest:
        shown = [r[0] for r in rest]
        ended = [r[1] for r in rest]
        print(
            f"warm starts (n={len(rest)}): sign-in shown median {statistics.median(shown):.2f} s "
            f"(min {min(shown):.2f}, max {max(shown):.2f}); process ended median "
            f"{statistics.median(ended):.2f} s; CPU median "
            f"{statistics.median(r[2] for r in rest):.2f} s"
        )
    worst = max(first[0], *(r[0] for r in rest))
    print(
        f"target sign-in < {START_TARGET_S} s: {'met' if worst < START_TARGET_S else 'NOT met'} "
        f"(slowest {worst:.2f} s)"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
