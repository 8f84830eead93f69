"""scripts/setup.sh's dictionary step, run alone under set -euo pipefail with a fake apt-get."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup.sh"


def _block() -> str:
    text = SETUP.read_text(encoding="utf-8")
    return re.search(r"^dict_dir=.*?^done$", text, re.S | re.M).group(0)


@pytest.mark.skipif(shutil.which("bash") is None or Path("/usr/share/dictd/freedict-eng-hun.index").is_file(),
                    reason="no bash, or the dictionary is installed system-wide (the step does nothing)")
def test_a_download_that_cannot_be_unpacked_does_not_stop_the_setup(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # apt-get "downloads" a cut-short package; dpkg-deb, real or not, cannot unpack it
    (bin_dir / "apt-get").write_text('#!/bin/sh\necho junk > "$3"_1.0_all.deb\n', encoding="utf-8")
    (bin_dir / "dpkg-deb").write_text("#!/bin/sh\nexit 2\n", encoding="utf-8")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    script = f'set -euo pipefail\ncache="{tmp_path}/cache"\nlog() {{ echo "[setup] $*" >&2; }}\n{_block()}\necho finished\n'
    run = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert run.returncode == 0 and run.stdout.strip() == "finished", run.stderr
    assert "meaning only" in run.stderr
    # nor is half a dictionary left where qa.bilingual looks
    assert not (tmp_path / "cache" / "freedict" / "usr").exists()
