#!/usr/bin/env python3
"""Log throughput through muster (issue 12, item 3). Re-run with:
    mvn -q -B package -DskipTests && bench/logs.py [--gigabytes 1] [--rounds 3] [--line 100] [--base-jar OLD.jar]

A child writes --gigabytes of log lines to stdout as fast as it can, in 64 KiB write() calls, and
records how long its longest write() was blocked. Alternating in one run (A B A B ...):
  A  muster: the child is a service of `muster up` (through ./entrypoint, the product's JVM flags),
     with a log: file and a secret to mask (so every line goes through redaction); muster's own
     stdout/stderr go to /dev/null. A second service (a TCP listener with a tcp ready probe) starts
     beside it; meanwhile /health is requested every 50 ms.
  B  baseline: the same child writing into `cat > FILE`.
  C  with --base-jar: A again with an older jar (MUSTER_JAR=OLD.jar ./entrypoint), for a before/after.
Reported per round and as medians: MB/s (bytes / the child's time from first to last write), the
child's longest blocked write(), muster's peak RSS (VmHWM), the time from launch to the first
/health 200, /health latency (median, max) during the flood, and muster/baseline ratios; and muster's CPU per thread
group (the pipe reader muster-output-*, the console writer, the log file's write-behind muster-log-*, the VM
thread = serial GC, the C1 compiler, the rest), read from /proc/PID/task/*/stat when the flood ends.
Goals: >= 200 MB/s through muster, no write() blocked > 100 ms, RSS bounded.
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = "tok-" + "9f8e7d6c5b4a3210" * 2

CHILD = r"""
import os, sys, time, json
total, line_len, stats = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
words = "GET /api/v1/items?page=3 status=200 user=alice id=a1b2c3d4e5f6 tok-9f8e7d6c5b4a "
line = (words * (line_len // len(words) + 1))[:line_len - 1] + "\n"
block = (line * (65536 // len(line) + 1)).encode()[:65536]
written, worst, start = 0, 0.0, time.perf_counter()
while written < total:
    t = time.perf_counter()
    os.write(1, block)
    worst = max(worst, time.perf_counter() - t)
    written += len(block)
elapsed = time.perf_counter() - start
with open(stats, "w") as f:
    json.dump({"bytes": written, "seconds": elapsed, "worst_write_ms": worst * 1000}, f)
if len(sys.argv) > 4:
    time.sleep(3600)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for row in f:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds per thread group of a running JVM, from /proc/PID/task/*/stat."""
    tick, groups = os.sysconf("SC_CLK_TCK"), {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        group = ("reader" if name.startswith("muster-output") else "console" if name == "muster-console"
                 else "file" if name.startswith("muster-log-") else "gc" if name == "VM Thread"
                 else "jit" if name.startswith("C1 Compiler") else "other")
        groups[group] = groups.get(group, 0) + (int(fields[11]) + int(fields[12])) / tick
    return groups


def health_poller(port, stop, samples, first_ok):
    while not stop.is_set():
        t = time.perf_counter()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as r:
                ok = r.status == 200
        except Exception:
            ok = False
        took = (time.perf_counter() - t) * 1000
        if ok:
            if not first_ok:
                first_ok.append(time.perf_counter())
            samples.append(took)
        stop.wait(0.05)


def run_muster(work, child, args, jar=None):
    stats, log = os.path.join(work, "muster.json"), os.path.join(work, "flood.log")
    for stale in (stats, log):
        if os.path.exists(stale):
            os.remove(stale)
    control, web = free_port(), free_port()
    profile = os.path.join(work, "bench.yaml")
    with open(profile, "w") as f:
        f.write(f"""version: 1
name: logbench
control: {{ listen: "127.0.0.1:{control}" }}
env:
  API_TOKEN: {SECRET}
services:
  flood:
    command: [python3, {json.dumps(child)}, "{args.bytes}", "{args.line}", {json.dumps(stats)}, idle]
    log: {{ file: {json.dumps(log)}, max_size: 4GB, keep: 0 }}
  web:
    command: [python3, -c, "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',{web})); s.listen(); time.sleep(3600)"]
    ready: {{ tcp: {web}, timeout: 60s }}
""")
    samples, first_ok, stop = [], [], threading.Event()
    launched = time.perf_counter()
    env = {**os.environ, "NO_COLOR": "1", **({"MUSTER_JAR": jar} if jar else {})}
    proc = subprocess.Popen([os.path.join(ROOT, "entrypoint"), "up", "-p", profile], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    poller = threading.Thread(target=health_poller, args=(control, stop, samples, first_ok), daemon=True)
    poller.start()
    try:
        while not os.path.exists(stats) or os.path.getsize(stats) == 0:
            if proc.poll() is not None:
                sys.exit(f"muster exited with {proc.returncode} before the flood ended")
            time.sleep(0.1)
        time.sleep(0.3)
        rss, cpu = vm_hwm_mb(proc.pid), cpu_seconds(proc.pid)  # ./entrypoint execs java: same pid
        threads = thread_cpu(proc.pid)
    finally:
        stop.set()
        proc.terminate()
        proc.wait(60)
    with open(stats) as f:
        result = json.load(f)
    result["file_bytes"] = os.path.getsize(log)
    os.remove(log)
    result.update(rss_mb=rss, cpu_s=cpu, threads=threads, first_health_s=(first_ok[0] - launched) if first_ok else float("nan"),
                  health_median_ms=statistics.median(samples) if samples else float("nan"),
                  health_max_ms=max(samples) if samples else float("nan"))
    return result


def run_baseline(work, child, args):
    stats, out = os.path.join(work, "baseline.json"), os.path.join(work, "baseline.out")
    with open(out, "wb") as sink:
        cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=sink)
        subprocess.run(["python3", child, str(args.bytes), str(args.line), stats], stdout=cat.stdin, check=True)
        cat.stdin.close()
        cat.wait()
    with open(stats) as f:
        result = json.load(f)
    result["file_bytes"] = os.path.getsize(out)
    os.remove(out)
    return result


def mbps(r):
    return r["bytes"] / r["seconds"] / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--line", type=int, default=100, help="bytes per line, newline included")
    parser.add_argument("--base-jar", help="also run this older muster jar, alternating, for a before/after")
    args = parser.parse_args()
    args.bytes = int(args.gigabytes * 1e9)
    if not os.path.exists(os.path.join(ROOT, "target", "muster.jar")):
        sys.exit("build first: mvn -q -B package -DskipTests")
    work = tempfile.mkdtemp(prefix="muster-logbench-")
    child = os.path.join(work, "child.py")
    with open(child, "w") as f:
        f.write(CHILD)
    rows, before = [], []
    try:
        for i in range(args.rounds):
            if args.base_jar:
                c = run_muster(work, child, args, args.base_jar)
                before.append(c)
                print(f"round {i + 1}: before ({os.path.basename(args.base_jar)}) {describe(c)}", flush=True)
            a = run_muster(work, child, args)
            b = run_baseline(work, child, args)
            rows.append((a, b))
            print(f"round {i + 1}: muster {describe(a)}  baseline cat {mbps(b):.0f} MB/s (worst write "
                  f"{b['worst_write_ms']:.1f} ms)  ratio {mbps(a) / mbps(b):.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    m_rate = statistics.median(mbps(a) for a, _ in rows)
    b_rate = statistics.median(mbps(b) for _, b in rows)
    print(f"median of {args.rounds}, {args.gigabytes:g} GB of {args.line}-byte lines: muster {m_rate:.0f} MB/s, "
          f"baseline {b_rate:.0f} MB/s, ratio {m_rate / b_rate:.2f}; worst write: muster "
          f"{max(a['worst_write_ms'] for a, _ in rows):.1f} ms, baseline {max(b['worst_write_ms'] for _, b in rows):.1f} ms;"
          f" muster peak RSS {max(a['rss_mb'] for a, _ in rows):.0f} MB; /health max "
          f"{max(a['health_max_ms'] for a, _ in rows):.1f} ms; muster "
          f"{statistics.median(a['bytes'] / a['cpu_s'] / 1e6 for a, _ in rows):.0f} MB per CPU-second (start-up included)")
    if before:
        print(f"before ({args.base_jar}), median of {args.rounds}: {statistics.median(mbps(c) for c in before):.0f} MB/s, "
              f"worst write {max(c['worst_write_ms'] for c in before):.1f} ms, peak RSS "
              f"{max(c['rss_mb'] for c in before):.0f} MB, "
              f"{statistics.median(c['bytes'] / c['cpu_s'] / 1e6 for c in before):.0f} MB per CPU-second")
    print(f"goals: >= 200 MB/s {'OK' if m_rate >= 200 else 'MISSED'}; no write blocked > 100 ms "
          f"{'OK' if max(a['worst_write_ms'] for a, _ in rows) <= 100 else 'MISSED'}")


def describe(a):
    groups = ", ".join(f"{k} {v:.1f}" for k, v in sorted(a["threads"].items()))
    return (f"{mbps(a):.0f} MB/s (worst write {a['worst_write_ms']:.1f} ms, peak RSS {a['rss_mb']:.0f} MB, first /health "
            f"200 after {a['first_health_s']:.2f} s, /health median {a['health_median_ms']:.1f} ms max "
            f"{a['health_max_ms']:.1f} ms, file {a['file_bytes']} of {a['bytes']} bytes, CPU {a['cpu_s']:.1f} s = "
            f"{a['bytes'] / a['cpu_s'] / 1e6:.0f} MB per CPU-second; CPU-s by thread: {groups})")


if __name__ == "__main__":
    main()
