"""ctest python.wheel_venv: the wheel as a user gets it.

    wheel_venv.py SOURCE_DIR BUILD_DIR VERSION

Builds a wheel from SOURCE_DIR/python with `python3 -m build --wheel
--no-isolation` (reusing the CMake build BUILD_DIR through
VNSEG_CMAKE_BUILD_DIR, so nothing is compiled again), installs it with pip
--no-index into a fresh venv in a temporary folder, and from another folder
imports vnseg, segments "Tổng thống Mỹ" and checks that the dictionary used
is the one inside the installed package. Exits 77 (skipped) when python3-venv
or python3-pip is missing; any other failure is an error.
"""
import os
import subprocess
import sys
import tempfile
import time
import zipfile

SKIP = 77


def missing_tools():
    """The Debian packages this test needs that are not installed."""
    missing = []
    for module, package in (("venv", "python3-venv"), ("ensurepip", "python3-venv"),
                            ("pip", "python3-pip")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    return sorted(set(missing))


def run(cmd, **kwargs):
    """Runs cmd; on failure prints its output and exits 1."""
    r = subprocess.run(cmd, capture_output=True, timeout=300, **kwargs)
    if r.returncode != 0:
        sys.stdout.write(r.stdout.decode(errors="replace"))
        sys.stdout.write(r.stderr.decode(errors="replace"))
        sys.exit(f"wheel_venv: failed ({r.returncode}): {' '.join(cmd)}")
    return r.stdout.decode()


def check(condition, message):
    if not condition:
        sys.exit("wheel_venv: " + message)


def main():
    source_dir, build_dir, version = sys.argv[1:4]
    missing = missing_tools()
    if missing:
        print(f"wheel_venv: SKIPPED: {' and '.join(missing)} not installed "
              "(scripts/install-deps.sh installs them)")
        return SKIP
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="vnseg-wheel-") as tmp:
        dist = os.path.join(tmp, "dist")
        env = dict(os.environ, VNSEG_CMAKE_BUILD_DIR=build_dir)
        run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", dist,
             os.path.join(source_dir, "python")], env=env)
        wheels = os.listdir(dist)
        check(len(wheels) == 1 and wheels[0].startswith(f"vnseg-{version}-")
              and wheels[0].endswith(".whl"), f"expected one vnseg-{version}-*.whl, got {wheels}")
        wheel = os.path.join(dist, wheels[0])
        names = zipfile.ZipFile(wheel).namelist()
        check("vnseg/vnseg.dic" in names, f"no vnseg/vnseg.dic in {wheels[0]}: {names}")
        built = time.monotonic()

        venv = os.path.join(tmp, "venv")
        run([sys.executable, "-m", "venv", venv])
        python = os.path.join(venv, "bin", "python")
        run([python, "-m", "pip", "install", "--no-index", "--no-cache-dir",
             "--disable-pip-version-check", wheel])
        installed = time.monotonic()

        elsewhere = os.path.join(tmp, "elsewhere")
        os.mkdir(elsewhere)
        # Nothing but the venv may lead to the package or its dictionary.
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("VNSEG_DICT", "PYTHONPATH", "PYTHONHOME")}
        code = ("import os, vnseg; print(vnseg.segment('Tổng thống Mỹ')); "
                "print(vnseg.default_segmenter().dict_path); "
                "print(os.path.dirname(vnseg.__file__)); print(vnseg.__version__)")
        lines = run([python, "-c", code], cwd=elsewhere, env=clean).splitlines()
        check(lines[0] == "Tổng_thống Mỹ", f"segment gave {lines[0]!r}")
        package = lines[2]
        check(os.path.realpath(package).startswith(os.path.realpath(venv) + os.sep),
              f"vnseg imported from {package}, not from the venv {venv}")
        check(lines[1] == os.path.join(package, "vnseg.dic") and os.path.isfile(lines[1]),
              f"dictionary {lines[1]!r} is not the package's {package}/vnseg.dic")
        check(lines[3] == version, f"vnseg.__version__ is {lines[3]!r}, CMake's {version!r}")
        out = run([python, "-m", "vnseg", "segment"], input="hoà bình".encode(),
                  cwd=elsewhere, env=clean)
        check(out == "hoà_bình", f"python -m vnseg segment gave {out!r}")
        done = time.monotonic()
    print(f"wheel_venv: ok: {wheels[0]} built in {built - start:.1f} s, venv and pip install "
          f"{installed - built:.1f} s, checks {done - installed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
