#!/usr/bin/env python3
"""The benchmark's latency client (src/bench/latency.sh): one request at a time over a kept-alive connection each,
timed with a monotonic nanosecond clock.

  latency.py panel  QUORUM SIM ROUNDS N     3-way panel whose members answer after 50, 100 and 200 ms: Quorum's wall
                                            time minus 200 ms, and minus the slowest member called directly; and the
                                            slowest member alone through Quorum (a single call's share of it)
  latency.py ttft   QUORUM SIM ROUNDS N     time to the first token of a streamed single call, through Quorum (OpenAI
                                            endpoint and native stream: true) against the simulator called directly

Each round alternates the variants request by request, so a slow moment of the machine lands on all of them alike.
Prints one JSON object per round and variant, then the medians over the rounds.
"""
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse

PROMPT = "What is the capital of France?"


def connect(base):
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.connect()
    return conn


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def post(conn, path, body):
    """Sends a POST and returns the wall time in ms until the whole answer has been read."""
    data = json.dumps(body).encode()
    started = time.perf_counter_ns()
    conn.request("POST", path, data, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    payload = resp.read()
    elapsed = (time.perf_counter_ns() - started) / 1e6
    if resp.status != 200:
        raise SystemExit(f"{path}: HTTP {resp.status} {payload[:300]!r}")
    return elapsed


def first_token(conn, path, body, is_token):
    """Sends a streaming POST; returns the ms until the first line that carries answer text, reading the rest after."""
    data = json.dumps(body).encode()
    started = time.perf_counter_ns()
    conn.request("POST", path, data, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    if resp.status != 200:
        raise SystemExit(f"{path}: HTTP {resp.status} {resp.read()[:300]!r}")
    ttft = None
    previous = b""
    while True:
        line = resp.readline()
        if not line:
            break
        if ttft is None and is_token(previous, line):
            ttft = (time.perf_counter_ns() - started) / 1e6
        previous = line
    if ttft is None:
        raise SystemExit(f"{path}: no token in the stream")
    return ttft


def openai_token(_previous, line):
    if not line.startswith(b"data: {"):
        return False
    choices = json.loads(line[6:]).get("choices") or [{}]
    return bool((choices[0].get("delta") or {}).get("content"))


def native_token(previous, line):
    return previous.startswith(b"event: token") and line.startswith(b"data: ")


def summary(name, values, minus=0.0):
    return {"variant": name, "n": len(values), "p50": round(pct(values, 50) - minus, 3),
            "p99": round(pct(values, 99) - minus, 3), "min": round(min(values) - minus, 3)}


def panel(quorum, sim, n):
    q, s = connect(quorum), connect(sim)
    body = {"prompt": PROMPT, "mode": "consensus", "algorithm": "majority",
            "providers": ["openai", "anthropic", "gemini"]}
    slowest = {"model": "gemini-1.5-flash", "contents": [{"role": "user", "parts": [{"text": PROMPT}]}]}
    alone = {"prompt": PROMPT, "provider": "gemini"}
    walls, direct, single = [], [], []
    for _ in range(n):
        walls.append(post(q, "/api/v1/complete", body))
        direct.append(post(s, "/gemini/gemini/v1beta/models/gemini-1.5-flash:generateContent", slowest))
        single.append(post(q, "/api/v1/complete", alone))
    over_direct = [w - d for w, d in zip(walls, direct)]
    return [summary("panel wall - 200 ms", walls, 200.0), summary("slowest member direct - 200 ms", direct, 200.0),
            summary("panel wall - slowest direct (paired)", over_direct),
            summary("slowest member alone through Quorum - 200 ms", single, 200.0)]


def ttft(quorum, sim, n):
    q_openai, q_native, s = connect(quorum), connect(quorum), connect(sim)
    messages = [{"role": "user", "content": PROMPT}]
    via_openai, via_native, direct, via_native_messages = [], [], [], []
    q_nm = connect(quorum)
    for _ in range(n):
        direct.append(first_token(s, "/openai/openai/v1/chat/completions",
                                  {"model": "gpt-4o-mini", "messages": messages, "stream": True}, openai_token))
        via_openai.append(first_token(q_openai, "/v1/chat/completions",
                                      {"model": "openai", "messages": messages, "stream": True}, openai_token))
        via_native.append(first_token(q_native, "/api/v1/complete",
                                      {"prompt": PROMPT, "provider": "openai", "stream": True}, native_token))
        via_native_messages.append(first_token(q_nm, "/api/v1/complete",
                                      {"messages": messages, "provider": "openai", "stream": True}, native_token))
    rows = [summary("direct TTFT", direct), summary("Quorum /v1/chat/completions TTFT", via_openai),
            summary("Quorum /api/v1/complete stream TTFT", via_native),
            summary("Quorum /api/v1/complete messages stream TTFT", via_native_messages)]
    for name, values in (("openai", via_openai), ("native", via_native)):
        paired = [v - d for v, d in zip(values, direct)]
        rows.append(summary(f"{name} TTFT - direct (paired)", paired))
        rows.append({"variant": f"{name} TTFT overhead (p50 - p50, p99 - p99)",
                     "p50": round(pct(values, 50) - pct(direct, 50), 3),
                     "p99": round(pct(values, 99) - pct(direct, 99), 3)})
    return rows


def main():
    mode, quorum, sim, rounds, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    measure = panel if mode == "panel" else ttft
    measure(quorum, sim, max(5, n // 10))  # warm the connections and the paths
    results = {}
    for r in range(rounds):
        for row in measure(quorum, sim, n):
            print(json.dumps({"round": r + 1, **row}), flush=True)
            results.setdefault(row["variant"], []).append(row)
    print(f"== {mode}: medians over {rounds} rounds of {n} requests each (ms)")
    for variant, rows in results.items():
        p50 = statistics.median(row["p50"] for row in rows)
        p99 = statistics.median(row["p99"] for row in rows)
        print(f"{variant}\tp50 {p50:.3f}\tp99 {p99:.3f}\t(rounds p50: "
              + ", ".join(f"{row['p50']:.3f}" for row in rows) + "; p99: "
              + ", ".join(f"{row['p99']:.3f}" for row in rows) + ")")


if __name__ == "__main__":
    main()
