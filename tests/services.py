"""Private Redis and PostgreSQL servers for fault tests, stopped and started at will.

Each listens on a free port of its own and keeps its data in a temporary
folder, so a test can take it down without touching the machine's servers.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

POSTGRES_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def missing(what: str) -> None:
    """Skip a fault test on a machine without the server; fail it in CI."""
    if os.environ.get("NEWSROOM_REQUIRE_CHECKERS"):
        pytest.fail(f"this fault test needs {what}")
    pytest.skip(f"this fault test needs {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, open_: bool = True, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            is_open = probe.connect_ex(("127.0.0.1", port)) == 0
        if is_open == open_:
            return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} still {'closed' if open_ else 'open'}")


class RedisServer:
    def __init__(self) -> None:
        if not shutil.which("redis-server"):
            missing("redis-server")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def freeze(self) -> None:
        """The server stops answering but keeps its connections open, as a
        hung or partitioned one does."""
        self.process.send_signal(signal.SIGSTOP)

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        wait_for_port(self.port, open_=False)


class PostgresServer:
    """A cluster of its own, run by the postgres user as PostgreSQL requires."""

    def __init__(self) -> None:
        if not POSTGRES_BINARIES or os.geteuid() != 0:
            # initdb refuses root, so the cluster is run as postgres via runuser.
            missing("PostgreSQL's server binaries, run as root through runuser")
        self.bin = Path(POSTGRES_BINARIES[-1])
        self.port = free_port()
        # Not under pytest's tmp_path: the postgres user could not enter it.
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-postgres-"))
        shutil.chown(self.folder, "postgres")
        self.data = self.folder / "data"
        self.postgres(["initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres"])

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def postgres(self, command: list[str]) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / command[0])]
            + command[1:],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self.pg_ctl("-o", options, "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "restart")

    def pg_ctl(self, *arguments: str) -> None:
        # The server's output goes to a log file: a pipe would stay open
        # for as long as the server runs.
        log = self.folder / "server.log"
        self.postgres(
            ["pg_ctl", "-D", str(self.data), "-l", str(log), "-w", *arguments]
        )

    def remove(self) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / "pg_ctl")]
            + ["-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


class ServerProcess:
    """A server run in the foreground, its output in a log file of its own."""

    def __init__(self, command: list[str], log: Path, port: int, **env: str):
        self.port = port
        self.log = log
        with log.open("w") as output:
            self.process = subprocess.Popen(
                command,
                env={**os.environ, **env},
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=Path(__file__).resolve().parent.parent,
            )
        try:
            wait_for_port(port, seconds=60)
        except TimeoutError:
            self.stop()
            raise AssertionError(
                f"{command[:3]} did not start:\n{log.read_text()}"
            ) from None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def s3_server(folder: Path) -> ServerProcess:
    """moto's S3-compatible server, holding buckets in memory."""
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    return ServerProcess(command, folder / "s3.log", port)


def app_server(name: str, folder: Path, **env: str) -> ServerProcess:
    """Newsroom under gunicorn, as in production, configured by ``env``."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2"]
    return ServerProcess(command, folder / f"{name}.log", port, **env)


NGINX_CONFIG = """
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {folder}/client-body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  upstream newsroom {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 20m;
    location / {{
      proxy_pass http://newsroom;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""


def nginx_server(folder: Path, upstreams: list[int]) -> ServerProcess:
    """Debian's nginx in front of ``upstreams``, with its configuration, pid
    file and logs in ``folder``, so the machine's own nginx is left alone."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        missing("nginx (apt-get install nginx)")
    port = free_port()
    servers = "\n".join(f"    server 127.0.0.1:{upstream};" for upstream in upstreams)
    config = folder / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(folder=folder, servers=servers, port=port))
    command = [nginx, "-c", str(config), "-p", str(folder), "-e", "stderr"]
    return ServerProcess(command, folder / "nginx.log", port)
