"""Builds the Python package vnseg with CMake (metadata: pyproject.toml).

The extension vnseg._vnseg and the dictionary vnseg.dic are CMake targets of
the whole repository (the parent of this folder): build_ext builds them and
copies both into the package, so the installed package imports from any
folder and finds its dictionary beside itself (vnseg/_segmenter.py).

Environment:
  VNSEG_CMAKE_BUILD_DIR  an existing, configured CMake build of this tree to
                         reuse (only its targets _vnseg and python_dictionary
                         are brought up to date); setuptools' own build files
                         then go there too, so the source tree stays clean.
                         Default: a fresh Release build in setuptools'
                         build_temp (python/build/), kept for the next build.
  VNSEG_CMAKE_ARGS       more configure arguments for that fresh build, e.g.
                         -DVNSEG_VNTK_DICTIONARY=/path/to/@vntk/dictionary
  CMAKE_BUILD_PARALLEL_LEVEL  build jobs (default: one per core)
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def project_version():
    """The version of CMake's project(vnseg VERSION x.y.z): the one place it is written."""
    path = os.path.join(ROOT, "CMakeLists.txt")
    if not os.path.exists(path):
        sys.exit(f"setup.py: no {path}: build from python/ inside a vnseg source tree "
                 "(there is no sdist: use python3 -m build --wheel)")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"project\(\s*vnseg\s+VERSION\s+([0-9]+(?:\.[0-9]+)*)", f.read())
    if not m:
        sys.exit(f"setup.py: no 'project(vnseg VERSION ...)' in {path}")
    return m.group(1)


def run(cmd):
    print("setup.py: " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True)


class CMakeBuild(build_ext):
    """Builds the CMake targets and copies their files into the package."""

    def build_extension(self, ext):
        build_dir = os.environ.get("VNSEG_CMAKE_BUILD_DIR")
        if build_dir:
            build_dir = os.path.abspath(build_dir)
            if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
                sys.exit(f"setup.py: VNSEG_CMAKE_BUILD_DIR={build_dir} is not a configured "
                         "CMake build (no CMakeCache.txt)")
        else:
            build_dir = os.path.join(os.path.abspath(self.build_temp), "cmake")
            run(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                 f"-DPython3_EXECUTABLE={sys.executable}",
                 # Only what the package needs: the library, the CLI (it
                 # compiles the dictionary) and python/.
                 "-DVNSEG_BUILD_TESTS=OFF", "-DVNSEG_BUILD_BENCH=OFF", "-DVNSEG_BUILD_SQLITE=OFF"]
                + shlex.split(os.environ.get("VNSEG_CMAKE_ARGS", "")))
        jobs = [] if "CMAKE_BUILD_PARALLEL_LEVEL" in os.environ else ["--parallel", str(os.cpu_count() or 1)]
        run(["cmake", "--build", build_dir, "--target", "_vnseg", "python_dictionary"] + jobs)

        package = os.path.join(build_dir, "python", "vnseg")
        # The extension must be the one this interpreter loads: a reused
        # build configured for another Python has another suffix.
        module = os.path.join(package, "_vnseg" + sysconfig.get_config_var("EXT_SUFFIX"))
        if not os.path.exists(module):
            sys.exit(f"setup.py: {module} was not built: is {build_dir} configured with "
                     f"-DPython3_EXECUTABLE={sys.executable} (or the same Python version)?")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(module, target)
        shutil.copymode(module, target)
        shutil.copyfile(os.path.join(package, "vnseg.dic"),
                        os.path.join(os.path.dirname(target), "vnseg.dic"))


def build_options():
    """With a reused CMake build, setuptools' build and egg-info folders go
    inside it rather than into the source tree, emptied first: a file left
    from an earlier build must not reach the wheel (each PEP 517 hook runs
    this file anew; build_wheel does all its work in one run)."""
    build_dir = os.environ.get("VNSEG_CMAKE_BUILD_DIR")
    if not build_dir:
        return {}
    base = os.path.join(os.path.abspath(build_dir), "python", "setuptools")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    return {"build": {"build_base": base}, "egg_info": {"egg_base": base}}


setup(
    version=project_version(),
    packages=["vnseg", "vnseg.dask"],
    package_data={"vnseg": ["py.typed", "_vnseg.pyi"]},
    # No sources: CMake builds it (CMakeBuild). Declaring it makes the wheel
    # platform-specific (cp311-linux_x86_64, say) rather than pure Python.
    ext_modules=[Extension("vnseg._vnseg", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options=build_options(),
    zip_safe=False,
)
