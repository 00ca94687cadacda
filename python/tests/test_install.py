"""The installed package works from any directory with its own dictionary:
`cmake --install BUILD --component python` into a temporary prefix, then
import it from another directory with no VNSEG_DICT."""
import os
import subprocess
import sys

import pytest

BUILD_DIR = os.environ.get("VNSEG_TEST_BUILD_DIR")


@pytest.mark.skipif(not BUILD_DIR, reason="needs VNSEG_TEST_BUILD_DIR (set by ctest)")
def test_install_into_a_prefix(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", BUILD_DIR, "--component", "python",
                    "--prefix", str(prefix)], check=True, capture_output=True, timeout=120)
    packages = sorted(root for root, dirs, files in os.walk(prefix) if "__init__.py" in files)
    assert len(packages) == 2  # vnseg and vnseg/dask
    package = packages[0]
    assert packages[1] == os.path.join(package, "dask")
    assert {"__init__.py", "__main__.py", "_manifest.py", "_worker.py"} <= set(os.listdir(packages[1]))
    files = os.listdir(package)
    assert {"__init__.py", "__main__.py", "_vnseg.pyi", "py.typed", "vnseg.dic"} <= set(files)
    assert any(f.startswith("_vnseg.") and f.endswith(".so") for f in files)
    env = {k: v for k, v in os.environ.items() if k not in ("VNSEG_DICT", "PYTHONPATH")}
    env["PYTHONPATH"] = os.path.dirname(package)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import vnseg; print(vnseg.segment('Tổng thống Mỹ')); "
            "print(vnseg.default_segmenter().dict_path)")
    r = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                       capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "Tổng_thống Mỹ"
    assert lines[1] == os.path.join(package, "vnseg.dic")
    r = subprocess.run([sys.executable, "-m", "vnseg", "segment"], input="hoà bình".encode(),
                       cwd=elsewhere, env=env, capture_output=True, timeout=60)
    assert r.stdout.decode() == "hoà_bình"
