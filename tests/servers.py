"""Starting real servers on 127.0.0.1 for tests."""

import socket
import subprocess
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float, what: str) -> None:
    """Poll `url` until it answers; fail the test if `proc` dies or time runs out."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{what} exited at start")
            time.sleep(0.25)
    proc.kill()
    pytest.fail(f"{what} did not come up within {seconds:.0f} s")
