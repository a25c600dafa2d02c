#!/usr/bin/env python3
"""Benchmark of muster's image (issue 6). Re-run with: bench/image.py [--runs 9] [--boots 3] [--image NAME]

1. Boot: wall time from `docker run -d` to the first 200 from muster's /health, for the demo stack
   (profiles/image.yaml) on a fresh volume (includes initdb), then from `docker start` of the same
   stopped container (the cluster exists). Median of --boots runs each.
2. muster's JVM start-up inside the image, for `--version`, `check -p /app/profiles/image.yaml`
   and `up` of a one-task stack (to its exit): a plain `java -jar` (baseline), the entrypoint's
   flags without the AppCDS archive, and the entrypoint's flags with it (what the image runs).
   Median of --runs runs, interleaved so that machine noise hits every variant alike; ratios
   against the baseline measured in the same run.

Builds the image from the repository (the jar: $MUSTER_JAR or target/muster.jar; the base image:
$BASE_IMAGE, default local/debian:bookworm) unless --image names one, and removes what it made.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("MUSTER_JAR", os.path.join(ROOT, "target", "muster.jar"))
BASE = os.environ.get("BASE_IMAGE") or "local/debian:bookworm"

# Runs inside the image: times the JVM variants, interleaved, and prints JSON medians.
INSIDE = r"""
import json, statistics, subprocess, sys, time
runs = int(sys.argv[1])
jar = "/opt/muster/muster.jar"
# The entrypoint's default flags (keep in step with `default_opts` in ../entrypoint).
flags = ("-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xms8m -Xmx64m -Xss256k "
         "-XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=96m -XX:-UsePerfData").split()
variants = {"plain java -jar": [], "entrypoint flags": flags,
            "entrypoint flags + AppCDS": flags + ["-XX:SharedArchiveFile=/opt/muster/muster.jsa", "-Xshare:auto"]}
open("/tmp/task.yaml", "w").write('version: 1\nname: t\nservices:\n  once: { kind: task, command: [/bin/true] }\n'
                                  'control: { listen: "127.0.0.1:0" }\n')
commands = {"--version": ["--version"], "check": ["check", "-p", "/app/profiles/image.yaml"],
            "up (one task)": ["up", "-p", "/tmp/task.yaml"]}
out = {}
for name, args in commands.items():
    times = {v: [] for v in variants}
    for _ in range(runs):
        for v, opts in variants.items():
            start = time.perf_counter()
            rc = subprocess.run(["java", *opts, "-jar", jar, *args], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
            times[v].append((time.perf_counter() - start) * 1000)
            if rc != 0:
                sys.exit(f"{v} {name} exited {rc}")
    out[name] = {v: statistics.median(t) for v, t in times.items()}
print(json.dumps(out))
"""


def sh(*args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw).stdout.strip()


def build():
    context = tempfile.mkdtemp(prefix="muster-bench-")
    try:
        for name in ("Dockerfile", "entrypoint"):
            shutil.copy2(os.path.join(ROOT, name), context)
        for name in ("demo", "profiles"):
            shutil.copytree(os.path.join(ROOT, name), os.path.join(context, name))
        os.makedirs(os.path.join(context, "target"))
        shutil.copy2(JAR, os.path.join(context, "target", "muster.jar"))
        tag = f"muster-bench:{uuid.uuid4().hex[:8]}"
        start = time.perf_counter()
        sh("docker", "build", "-q", "--build-arg", f"BASE_IMAGE={BASE}", "-t", tag, context)
        return tag, time.perf_counter() - start
    finally:
        shutil.rmtree(context)


def health(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def until_healthy(container, start, limit=120):
    port = None
    while time.perf_counter() - start < limit:
        if port is None:
            mapped = sh("docker", "port", container, "7860/tcp").splitlines()
            port = mapped[0].rsplit(":", 1)[1] if mapped else None
        if port and health(port):
            return time.perf_counter() - start
        time.sleep(0.02)
    sys.exit(f"{container} did not answer /health 200 within {limit}s; docker logs {container}")


def boots(image, count):
    cold, warm = [], []
    for _ in range(count):
        start = time.perf_counter()
        container = sh("docker", "run", "-d", "-p", "127.0.0.1::7860", "-e", "MUSTER_TOKEN=bench", image)
        try:
            cold.append(until_healthy(container, start))
            sh("docker", "stop", "-t", "60", container)
            start = time.perf_counter()
            sh("docker", "start", container)
            warm.append(until_healthy(container, start))
            sh("docker", "stop", "-t", "60", container)
        finally:
            subprocess.run(["docker", "rm", "-f", "-v", container], capture_output=True)
    return statistics.median(cold), statistics.median(warm)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="JVM start-ups per variant (median)")
    parser.add_argument("--boots", type=int, default=3, help="container boots (median)")
    parser.add_argument("--image", help="an image built from this Dockerfile (default: build one)")
    opts = parser.parse_args()
    image, built = (opts.image, None) if opts.image else build()
    try:
        if built is not None:
            print(f"docker build ({BASE}, layers cached or not): {built:.1f} s")
        cold, warm = boots(image, opts.boots)
        print(f"docker run -> /health 200, fresh volume (initdb), median of {opts.boots}: {cold:.2f} s")
        print(f"docker start -> /health 200, existing data, median of {opts.boots}: {warm:.2f} s")
        inside = json.loads(sh("docker", "run", "--rm", "--entrypoint", "python3", image, "-c", INSIDE, str(opts.runs)))
        print(f"JVM start-up inside the image, median of {opts.runs} (ratio to plain java -jar):")
        for command, variants in inside.items():
            base = variants["plain java -jar"]
            cells = "  ".join(f"{v} {ms:.0f} ms ({ms / base:.2f}x)" for v, ms in variants.items())
            print(f"  {command:14} {cells}")
    finally:
        if built is not None:
            subprocess.run(["docker", "rmi", "-f", image], capture_output=True)


if __name__ == "__main__":
    main()
