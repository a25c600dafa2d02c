#!/usr/bin/env python3
"""Benchmark of muster's reverse proxy (issue 11). Re-run with: bench/proxy.py [--seconds 5] [--rounds 3] [--base-jar OLD.jar]

1. Throughput and latency: wrk (apt-get install wrk) against the demo frontend's /healthz (a 3-byte
   answer) directly, and through muster (control.app) on its port; the same wrk, the same
   connections and threads, alternating direct / proxied for --rounds rounds in one run. Reports the
   medians and the ratios. Targets: proxied >= 80 % of direct requests/s; p99 added <= 1 ms.
2. Idle memory: RSS of muster up (the entrypoint's JVM flags) on the same one-service stack, booted
   and left idle 10 s, with and without control.app, alternating. Target: <= 8 MB more with the proxy.
"""
import argparse, json, os, re, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("MUSTER_JAR", os.path.join(ROOT, "target", "muster.jar"))
JVM = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAMPercentage=25"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def profile(directory, name, frontend, control, proxied):
    app = f"  app: http://127.0.0.1:{frontend}\n" if proxied else ""
    path = os.path.join(directory, name + ".yaml")
    with open(path, "w") as f:
        f.write(f"""version: 1
name: {name}
services:
  frontend:
    command: [node, {os.path.join(ROOT, "demo/frontend/server.js")}]
    env: {{ FRONTEND_PORT: "{frontend}", BACKEND_URL: "http://127.0.0.1:1" }}
    ready: {{ http: {{ url: "http://127.0.0.1:{frontend}/healthz", status: 200 }} }}
control:
  listen: 127.0.0.1:{control}
  run_dir: {os.path.join(directory, name + "-run")}
{app}""")
    return path


def up(path, control, jar=JAR):
    # The frontend logs every request to stderr: send muster's output to /dev/null, not to a pipe.
    process = subprocess.Popen(["java", *JVM, "-jar", jar, "up", "-p", path], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{control}/health", timeout=2) as r:
                if r.status == 200:
                    return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    sys.exit(f"muster up -p {path} did not get ready in 60 s")


def stop(process):
    process.terminate()
    process.wait(30)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024


def wrk(url, seconds, connections, threads):
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {p: ms(v) for p, v in re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M)}
    return rps, lat["50"], lat["99"]


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--base-jar", help="also measure idle RSS of this muster.jar (e.g. one built before the proxy)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        frontend, control = free_port(), free_port()
        proxied = up(profile(directory, "proxied", frontend, control, True), control)
        try:
            direct_url, proxy_url = f"http://127.0.0.1:{frontend}/healthz", f"http://127.0.0.1:{control}/healthz"
            wrk(proxy_url, 2, args.connections, args.threads)  # warm-up of both paths (JIT, pools)
            wrk(direct_url, 2, args.connections, args.threads)
            runs = {"direct": [], "proxied": []}
            for _ in range(args.rounds):
                runs["direct"].append(wrk(direct_url, args.seconds, args.connections, args.threads))
                runs["proxied"].append(wrk(proxy_url, args.seconds, args.connections, args.threads))
        finally:
            stop(proxied)
        med = {k: [statistics.median(r[i] for r in v) for i in range(3)] for k, v in runs.items()}
        print(f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s GET /healthz, {args.rounds} alternating rounds, medians:")
        for k in ("direct", "proxied"):
            print(f"  {k:8} {med[k][0]:9.0f} req/s  p50 {med[k][1]:6.2f} ms  p99 {med[k][2]:6.2f} ms")
        ratio = med["proxied"][0] / med["direct"][0]
        added = med["proxied"][2] - med["direct"][2]
        print(f"  throughput ratio {ratio:.2f} (target >= 0.80) {'OK' if ratio >= 0.8 else 'MISSED'};"
              f" p50 added {med['proxied'][1] - med['direct'][1]:.2f} ms; p99 added {added:.2f} ms"
              f" (target <= 1 ms) {'OK' if added <= 1 else 'MISSED'}")

        variants = [("without control.app", False, JAR), ("with control.app", True, JAR)]
        if args.base_jar:
            variants.insert(0, ("base jar, no control.app", False, args.base_jar))
        rss = {label: [] for label, _, _ in variants}
        for _ in range(2):
            for label, with_app, jar in variants:
                frontend, control = free_port(), free_port()
                process = up(profile(directory, "idle", frontend, control, with_app), control, jar)
                time.sleep(10)
                rss[label].append(rss_mb(process.pid))
                stop(process)
        base, proxy = statistics.median(rss["without control.app"]), statistics.median(rss["with control.app"])
        print(f"idle RSS of muster up (entrypoint JVM flags, one service, 10 s after ready), median of 2:"
              f" without control.app {base:.1f} MB, with {proxy:.1f} MB, added {proxy - base:+.1f} MB"
              f" (target <= 8 MB) {'OK' if proxy - base <= 8 else 'MISSED'}")
        if args.base_jar:
            old = statistics.median(rss["base jar, no control.app"])
            print(f"  base jar ({args.base_jar}) without control.app: {old:.1f} MB;"
                  f" this jar with control.app adds {proxy - old:+.1f} MB to it")


if __name__ == "__main__":
    main()
