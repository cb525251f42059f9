"""Turns the wrk outputs of src/bench/run.sh into the Markdown table of docs/benchmarks.md: medians of the runs with
their spread (min-max), latency overhead against the baseline (the simulator called directly), and Quorum's CPU time
per request measured from /proc/<pid>/stat around each run."""
import glob
import os
import platform
import re
import statistics
import subprocess
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def millis(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS[unit]


def parse(path):
    text = open(path).read()
    run = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
           "requests": int(re.search(r"(\d+) requests in", text).group(1)),
           "errors": 0}
    for pct, value in re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M):
        run["p" + pct] = millis(value)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if non2xx:
        run["errors"] += int(non2xx.group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if socket:
        run["errors"] += sum(int(g) for g in socket.groups())
    ticks, hz = re.search(r"cpu_ticks (\d+) (\d+)", text).groups()
    run["cpu_ms_per_request"] = int(ticks) / int(hz) * 1000 / max(run["requests"], 1)
    rss = re.search(r"rss_kb (\d+)", text)  # the largest of run.sh's once-a-second samples while the load ran
    if rss:
        run["rss_mb"] = int(rss.group(1)) / 1024
    return run


def spread(values, fmt):
    med = statistics.median(values)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})" if len(values) > 1 else fmt.format(med)


def main():
    out, first_answer_ms, idle_rss_kb, peak_rss_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    starts = sys.argv[5].split() if len(sys.argv) > 5 else [str(first_answer_ms)]
    plain_starts = sys.argv[6].split() if len(sys.argv) > 6 else []
    results = {}
    for path in sorted(glob.glob(os.path.join(out, "*-c*-r*.txt"))):
        scenario, concurrency = re.match(r"(.+)-c(\d+)-r\d+\.txt", os.path.basename(path)).groups()
        results.setdefault((scenario, int(concurrency)), []).append(parse(path))
    baseline = {c: statistics.median(r["p50"] for r in runs) for (s, c), runs in results.items() if s == "baseline"}
    baseline99 = {c: statistics.median(r["p99"] for r in runs) for (s, c), runs in results.items() if s == "baseline"}

    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"Machine: {os.cpu_count()} cores ({cpu}), {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
          f"{platform.system()} {platform.release()}, {java}.  ")
    plain = (f"; without the archive {statistics.median(int(s) for s in plain_starts):.0f} ms ({', '.join(plain_starts)} ms)"
             if plain_starts else "")
    print(f"Start to first answer with the class-data-sharing archive: {first_answer_ms} ms (median of three starts: "
          f"{', '.join(starts)} ms){plain}. Idle RSS: {idle_rss_kb // 1024} MB. Peak RSS: {peak_rss_kb // 1024} MB.")
    jit = os.path.join(out, "jit.txt")
    if os.path.exists(jit):
        print(f"Warm-up: the fixed warm-up of every scenario, then rounds of all of them until the JIT was quiet: "
              f"{open(jit).read().strip()}.")
    print()
    print("| scenario | conc. | requests/s | p50 ms | p99 ms | p50 overhead ms | p99 overhead ms | Quorum CPU ms/request | "
          "RSS MB under load | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    order = ["baseline", "single", "fallback", "consensus-majority", "consensus-semantic"]
    for (scenario, concurrency), runs in sorted(results.items(), key=lambda kv: (order.index(kv[0][0]) if kv[0][0] in order else 99, kv[0][1])):
        p50s = [r["p50"] for r in runs]
        p99s = [r["p99"] for r in runs]
        over50 = over99 = cpu_ms = "–"
        if scenario != "baseline" and concurrency in baseline:
            over50 = f"{statistics.median(p50s) - baseline[concurrency]:.3f}"
            over99 = f"{statistics.median(p99s) - baseline99[concurrency]:.3f}"
        if scenario != "baseline":
            cpu_ms = spread([r["cpu_ms_per_request"] for r in runs], "{:.3f}")
        rss = [r["rss_mb"] for r in runs if "rss_mb" in r]
        rss_mb = spread(rss, "{:.0f}") if rss and scenario != "baseline" else "–"
        print(f"| {scenario} | {concurrency} | {spread([r['rps'] for r in runs], '{:.0f}')} | {spread(p50s, '{:.3f}')} | "
              f"{spread(p99s, '{:.3f}')} | {over50} | {over99} | {cpu_ms} | {rss_mb} | {sum(r['errors'] for r in runs)} |")
    targets(results, baseline, baseline99, idle_rss_kb, first_answer_ms)
    for skipped in sorted(glob.glob(os.path.join(out, "*.skipped.json"))):
        print(f"\nSkipped: {open(skipped).read().strip()}")


def targets(results, baseline, baseline99, idle_rss_kb, first_answer_ms):
    """The targets of the overhead budget (docs/benchmarks.md), each with the measured median and met or missed."""
    def median(scenario, concurrency, key):
        runs = results.get((scenario, concurrency))
        return statistics.median(r[key] for r in runs) if runs else None

    rows = []

    def check(name, value, limit, unit):
        if value is not None:
            # figures have microsecond resolution: compare at that, not with the float error of a subtraction
            value = round(value, 6)
            rows.append(f"| {name} | ≤ {limit} {unit} | {value:.3f} {unit} | {'met' if value <= limit else 'missed'} |")

    check("single: Quorum CPU per request (c=32)", median("single", 32, "cpu_ms_per_request"), 0.25, "ms")
    if 1 in baseline:
        single50 = median("single", 1, "p50")
        single99 = median("single", 1, "p99")
        check("single: p50 overhead (c=1)", single50 - baseline[1] if single50 is not None else None, 0.3, "ms")
        check("single: p99 overhead (c=1)", single99 - baseline99[1] if single99 is not None else None, 2, "ms")
    check("fallback: Quorum CPU per request (c=32)", median("fallback", 32, "cpu_ms_per_request"), 0.5, "ms")
    check("3-way majority: Quorum CPU per request (c=32)", median("consensus-majority", 32, "cpu_ms_per_request"), 0.8, "ms")
    semantic, majority = median("consensus-semantic", 1, "p50"), median("consensus-majority", 1, "p50")
    check("semantic vote of 3 answers: added p50 (c=1)", semantic - majority if semantic is not None and majority is not None else None, 10, "ms")
    check("idle RSS", idle_rss_kb / 1024, 300, "MB")
    loaded = [r["rss_mb"] for (s, c), runs in results.items() if s != "baseline" for r in runs if "rss_mb" in r]
    # issue 18: RSS under sustained load; the largest sample of any scenario's run, not a median
    check("RSS under sustained load (largest sample of any run)", max(loaded) if loaded else None, 300, "MB")
    check("start to first answer (packaged jar with its class archive)", first_answer_ms / 1000, 8, "s")
    print("\n| target | limit | measured (median) | |")
    print("| --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
