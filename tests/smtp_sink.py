#!/usr/bin/env python3
"""A local SMTP sink for development and tests (SPEC §8): accepts every mail and keeps it.

Each message is written to DIR as <time>-<n>.eml (written under a temporary name, then renamed,
so a reader never sees half a file). Speaks the ESMTP that libcurl uses: EHLO/HELO, MAIL FROM,
RCPT TO, DATA (dot-unstuffed), RSET, NOOP, VRFY, QUIT. Standard library only.

    tests/smtp_sink.py --port 2525 --dir var/mail [--pid-file var/run/smtp-sink.pid]
                       [--fail-first N]   # answer 451 to the first N DATA commands
"""
import argparse
import itertools
import os
import signal
import socketserver
import sys
import threading
import time

MAX_LINE = 1000 + 2  # RFC 5321 §4.5.3.1.6, with CRLF
MAX_MESSAGE = 10 * 1024 * 1024


class Sink:
    """What the connections share: where mail goes, and the failures still to be answered."""

    def __init__(self, directory, fail_first):
        self.directory = directory
        self.fail_left = fail_first
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    def should_fail(self):
        with self.lock:
            if self.fail_left > 0:
                self.fail_left -= 1
                return True
            return False

    def store(self, envelope_from, recipients, data):
        name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{next(self.counter):06d}.eml"
        final = os.path.join(self.directory, name)
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "wb") as f:
            f.write(b"X-Sink-Mail-From: " + envelope_from + b"\r\n")
            for r in recipients:
                f.write(b"X-Sink-Rcpt-To: " + r + b"\r\n")
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(temporary, final)
        return name


class Session(socketserver.StreamRequestHandler):
    timeout = 60

    def reply(self, text):
        self.wfile.write(text.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def reset(self):
        self.envelope_from = None
        self.recipients = []

    def handle(self):
        sink = self.server.sink
        self.reset()
        self.reply("220 smtp-sink ESMTP ready")
        while True:
            line = self.rfile.readline(MAX_LINE)
            if not line:
                return
            if not line.endswith(b"\n"):
                self.reply("500 line too long")
                return
            command, _, argument = line.rstrip(b"\r\n").partition(b" ")
            verb = command.upper()
            if verb == b"EHLO":
                self.reset()
                self.wfile.write(b"250-smtp-sink\r\n250-8BITMIME\r\n250-SIZE %d\r\n250 SMTPUTF8\r\n"
                                 % MAX_MESSAGE)
                self.wfile.flush()
            elif verb == b"HELO":
                self.reset()
                self.reply("250 smtp-sink")
            elif verb == b"MAIL":
                if not argument.upper().startswith(b"FROM:"):
                    self.reply("501 syntax: MAIL FROM:<address>")
                    continue
                self.reset()
                self.envelope_from = argument[5:].strip().split(b" ")[0]
                self.reply("250 OK")
            elif verb == b"RCPT":
                if self.envelope_from is None:
                    self.reply("503 MAIL first")
                elif not argument.upper().startswith(b"TO:"):
                    self.reply("501 syntax: RCPT TO:<address>")
                else:
                    self.recipients.append(argument[3:].strip().split(b" ")[0])
                    self.reply("250 OK")
            elif verb == b"DATA":
                if not self.recipients:
                    self.reply("503 RCPT first")
                elif sink.should_fail():
                    self.reply("451 4.3.0 try again later (sink told to fail)")
                    self.reset()
                else:
                    self.reply("354 end with <CRLF>.<CRLF>")
                    data = self.read_data()
                    if data is None:
                        return
                    if len(data) > MAX_MESSAGE:
                        self.reply("552 message too big")
                    else:
                        name = sink.store(self.envelope_from, self.recipients, data)
                        self.reply(f"250 OK queued as {name}")
                    self.reset()
            elif verb == b"RSET":
                self.reset()
                self.reply("250 OK")
            elif verb == b"NOOP":
                self.reply("250 OK")
            elif verb == b"VRFY":
                self.reply("252 cannot verify, will accept")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 command not implemented")

    def read_data(self):
        """The message up to the lone dot, dot-unstuffed; None when the client went away."""
        lines = []
        size = 0
        at_line_start = True  # a line longer than MAX_LINE comes in pieces
        while True:
            line = self.rfile.readline(MAX_LINE)
            if not line:
                return None
            if at_line_start and line in (b".\r\n", b".\n"):
                return b"".join(lines)
            if at_line_start and line.startswith(b"."):
                line = line[1:]
            at_line_start = line.endswith(b"\n")
            size += len(line)
            if size <= MAX_MESSAGE:
                lines.append(line)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--pid-file")
    parser.add_argument("--fail-first", type=int, default=0)
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    server = Server((args.host, args.port), Session)
    server.sink = Sink(args.dir, args.fail_first)
    if args.pid_file:
        with open(args.pid_file + ".tmp", "w") as f:
            f.write(f"{os.getpid()}\n")
        os.rename(args.pid_file + ".tmp", args.pid_file)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"smtp-sink listening on {args.host}:{args.port}, writing to {args.dir}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        if args.pid_file:
            try:
                with open(args.pid_file) as f:
                    mine = f.read().strip() == str(os.getpid())
                if mine:
                    os.unlink(args.pid_file)
            except OSError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
