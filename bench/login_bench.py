"""Times the teacher login, POST /login of A123456789, on one or more running instances: N rounds,
each one login per instance, the order alternating from round to round so that the machine's load
falls on all alike. Each login comes from a fresh client (GET /login for the CSRF token and `pre`
cookie, not timed; then the POST, timed up to its 303). Prints median, p90 and max in milliseconds
per instance: bench/README.md's "Login" (the number found by its HMAC since 身分證字號 are sealed,
against the code before).
  python3 bench/login_bench.py N PORT [PORT ...]
"""
import statistics
import sys
import os
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import portal  # noqa: E402

ACCOUNT = "A123456789"


def one_login(port):
    portal.PORT = port  # the client connects to portal.PORT
    client = portal.Client()
    token = client.csrf_from("/login")
    started = time.perf_counter()
    r = client.post("/login", {"csrf": token, "account": ACCOUNT, "password": portal.DEMO_PASSWORD})
    if r.status != 303:
        sys.exit(f"login as {ACCOUNT} on port {port} answered {r.status}")
    return (time.perf_counter() - started) * 1000


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, ports = int(sys.argv[1]), [int(p) for p in sys.argv[2:]]
    times = {p: [] for p in ports}
    for i in range(n):
        for port in ports if i % 2 == 0 else reversed(ports):
            times[port].append(one_login(port))
    for port in ports:
        t = sorted(times[port])
        print(f"port {port}: {n} logins as {ACCOUNT}: median {statistics.median(t):.1f} ms,"
              f" p90 {t[int(n * 0.9) - 1]:.1f} ms, max {t[-1]:.1f} ms")


if __name__ == "__main__":
    main()
