"""Times the teacher login, POST /login of A123456789, on a running instance: N logins one after
another, each from a fresh client (GET /login for the CSRF token and `pre` cookie, not timed; then
the POST, timed up to its 303). Prints median, p90 and max in milliseconds. The figure of
bench/README.md ("Login"): the number is looked up by its HMAC since 身分證字號 are sealed.
  PORTAL_TEST_PORT=PORT python3 bench/login_bench.py [N (200)] [ACCOUNT (A123456789)]
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from portal import DEMO_PASSWORD, Client  # noqa: E402


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    account = sys.argv[2] if len(sys.argv) > 2 else "A123456789"
    times = []
    for _ in range(n):
        client = Client()
        token = client.csrf_from("/login")
        started = time.perf_counter()
        r = client.post("/login", {"csrf": token, "account": account, "password": DEMO_PASSWORD})
        times.append((time.perf_counter() - started) * 1000)
        if r.status != 303:
            sys.exit(f"login as {account} answered {r.status}")
    times.sort()
    print(f"{n} logins as {account}: median {statistics.median(times):.1f} ms,"
          f" p90 {times[int(n * 0.9) - 1]:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
