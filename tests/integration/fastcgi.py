"""A FastCGI client, just enough to send one request straight to a worker's socket as nginx would
(FastCGI 1.0: BEGIN_REQUEST, PARAMS, STDIN; the answer's STDOUT parsed as CGI headers and body).
For tests that run a worker nginx does not know, such as one under faketime.
"""
import socket
import struct

FCGI_VERSION = 1
BEGIN_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT, STDERR = 1, 3, 4, 5, 6, 7
RESPONDER = 1


def _record(kind, content, request_id=1):
    out = b""
    for start in range(0, max(len(content), 1), 65535):
        chunk = content[start:start + 65535]
        padding = (8 - len(chunk) % 8) % 8
        out += struct.pack("!BBHHBx", FCGI_VERSION, kind, request_id, len(chunk), padding) + chunk + b"\0" * padding
    return out


def _pair(name, value):
    def length(n):
        return struct.pack("!B", n) if n < 128 else struct.pack("!I", n | 0x80000000)
    name, value = name.encode(), value.encode()
    return length(len(name)) + length(len(value)) + name + value


def request(socket_path, method, path, headers=None, body=b"", remote_addr="127.0.0.1", timeout=30):
    """(status, {header: value}, body bytes) of one request to the FastCGI socket."""
    uri, _, query = path.partition("?")
    params = {"REQUEST_METHOD": method, "REQUEST_URI": path, "DOCUMENT_URI": uri, "SCRIPT_NAME": uri,
              "QUERY_STRING": query, "SERVER_PROTOCOL": "HTTP/1.1", "GATEWAY_INTERFACE": "CGI/1.1",
              "REMOTE_ADDR": remote_addr, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
              "CONTENT_LENGTH": str(len(body)), "REQUEST_ID": "fastcgi-test"}
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        params[key if key in ("CONTENT_TYPE",) else "HTTP_" + key] = value
    payload = b"".join(_pair(k, v) for k, v in params.items())
    message = (_record(BEGIN_REQUEST, struct.pack("!HB5x", RESPONDER, 0)) + _record(PARAMS, payload) +
               _record(PARAMS, b"") + (_record(STDIN, body) if body else b"") + _record(STDIN, b""))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(socket_path)
        s.sendall(message)
        stdout, data = b"", b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            while len(data) >= 8:
                _, kind, _, length, padding = struct.unpack("!BBHHBx", data[:8])
                if len(data) < 8 + length + padding:
                    break
                content, data = data[8:8 + length], data[8 + length + padding:]
                if kind == STDOUT:
                    stdout += content
                elif kind == END_REQUEST:
                    return _parse(stdout)
    return _parse(stdout)


def _parse(stdout):
    head, _, body = stdout.partition(b"\r\n\r\n")
    headers, status = {}, 200
    for line in head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.lower() == "status":
            status = int(value.strip().split()[0])
        elif name:
            headers[name.strip().lower()] = value.strip()
    return status, headers, body
