#!/usr/bin/env python3
"""Benchmark of muster's supervision (issue 4). Re-run with: bench/supervision.py [--seconds 60]

1. Exit-to-state-change delay: a service prints a nanosecond timestamp and exits at once; muster
   notices and prints its "restarting" line. The delay is that line's arrival minus the timestamp.
   Baseline, measured in the same run: a plain parent (this script) waiting on the same kind of
   child with waitpid(); the ratio is muster / baseline. Target: muster's median <= 20 ms.
2. Idle CPU: muster supervising 10 idle services for --seconds; CPU time from /proc/PID/stat.
   Baseline: an idle JVM started with the same flags, for the same time. Target: < 0.5 % of a core.
"""
import argparse, os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("MUSTER_JAR", os.path.join(ROOT, "target", "muster.jar"))
TICKS = os.sysconf("SC_CLK_TCK")
SAMPLES = 30


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def muster(profile):
    return subprocess.Popen(["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR, "up", "-p", profile],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"})


def exit_delay_muster(directory):
    profile = write(directory, "exit.yaml", f"""version: 1
services:
  blink:
    command: [sh, -c, "sleep 0.2; echo EXIT_AT $(date +%s%N)"]
    restart: {{ policy: always, max: 1000, backoff: {{ initial: 0s, max: 1s }} }}
""")
    proc, delays, exit_at = muster(profile), [], None
    for line in proc.stdout:
        now = time.time_ns()
        stamp = re.search(r"EXIT_AT (\d+)$", line.strip())
        if stamp:
            exit_at = int(stamp.group(1))
        elif "restarting blink" in line and exit_at:
            delays.append((now - exit_at) / 1e6)
            exit_at = None
            if len(delays) == SAMPLES:
                break
    proc.terminate()
    proc.wait()
    return delays


def exit_delay_baseline():
    delays = []
    for _ in range(SAMPLES):
        child = subprocess.Popen(["sh", "-c", "sleep 0.2; echo EXIT_AT $(date +%s%N)"], stdout=subprocess.PIPE, text=True)
        exit_at = int(child.stdout.readline().split("EXIT_AT")[1].strip())
        child.wait()
        delays.append((time.time_ns() - exit_at) / 1e6)
    return delays


def idle_cpu_muster(directory, seconds):
    services = "".join(f"  idle{i}:\n    command: [sleep, \"100000\"]\n" for i in range(10))
    proc = muster(write(directory, "idle.yaml", "version: 1\nservices:\n" + services))
    for line in proc.stdout:
        if "all required services ready" in line:
            break
    start = cpu_seconds(proc.pid)
    time.sleep(seconds)
    used = cpu_seconds(proc.pid) - start
    proc.terminate()
    proc.communicate()
    return used / seconds * 100


def idle_cpu_jvm(directory, seconds):
    source = write(directory, "Idle.java", "public class Idle { public static void main(String[] a) throws Exception {"
                   " System.out.println(\"idle\"); Thread.sleep(Long.MAX_VALUE); } }")
    proc = subprocess.Popen(["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", source],
                            stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()
    start = cpu_seconds(proc.pid)
    time.sleep(seconds)
    used = cpu_seconds(proc.pid) - start
    proc.kill()
    proc.wait()
    return used / seconds * 100


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="idle measurement length (default 60)")
    args = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit(f"no jar at {JAR}; run: mvn -q -B package -DskipTests")
    with tempfile.TemporaryDirectory() as directory:
        base = statistics.median(exit_delay_baseline())
        mine = statistics.median(exit_delay_muster(directory))
        print(f"exit -> state change, median of {SAMPLES}: muster {mine:.2f} ms, baseline waitpid {base:.2f} ms,"
              f" ratio {mine / base:.1f}x (target: muster <= 20 ms) {'OK' if mine <= 20 else 'OVER'}")
        jvm = idle_cpu_jvm(directory, args.seconds)
        idle = idle_cpu_muster(directory, args.seconds)
        print(f"idle CPU over {args.seconds:.0f} s with 10 services: muster {idle:.3f} % of a core,"
              f" idle JVM baseline {jvm:.3f} %, ratio {idle / jvm if jvm else float('inf'):.1f}x"
              f" (target: < 0.5 %) {'OK' if idle < 0.5 else 'OVER'}")


if __name__ == "__main__":
    main()
