"""Builds the extension zhquant._zhquant with CMake; the rest of the metadata is in pyproject.toml.

The CMake build tree is build/python-wheel (kept, so a second install recompiles only what
changed), or the tree named by the environment variable ZHQUANT_BUILD_DIR: an already configured
tree whose module is then reused as it is (the tests install from the tree they built).
CMAKE_BUILD_PARALLEL_LEVEL sets the compile jobs (default 2: each X3 file takes ~400 MB).
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def project_version():
    match = re.search(r"project\(zhquant VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text())
    return match.group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        given = os.environ.get("ZHQUANT_BUILD_DIR")
        tree = Path(given) if given else ROOT / "build" / "python-wheel"
        if not (tree / "CMakeCache.txt").exists():
            subprocess.check_call([
                "cmake", "-S", str(ROOT), "-B", str(tree), "-DCMAKE_BUILD_TYPE=Release",
                "-DZHQUANT_BUILD_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}",
                "-DZHQUANT_BUILD_TESTS=OFF", "-DZHQUANT_BUILD_TOOLS=OFF", "-DZHQUANT_BUILD_BENCH=OFF",
                "-DZHQUANT_INSTALL=OFF"])
        env = dict(os.environ)
        env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.check_call(["cmake", "--build", str(tree), "--target", "zhquant_python"], env=env)
        # A module built for another Python (a reused tree) would fail only at import: refuse it here.
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = tree / "python" / "zhquant" / f"_zhquant{suffix}"
        if not built.exists():
            sys.exit(f"setup.py: no {built}: the CMake tree {tree} builds the module for another Python "
                     f"than {sys.executable}")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


# setuptools' own scratch (and pip's egg-info) out of the way of a CMake tree called build/.
scratch = ROOT / "build" / "python-setuptools"
scratch.mkdir(parents=True, exist_ok=True)

setup(
    version=project_version(),
    options={"build": {"build_base": str(scratch)}, "egg_info": {"egg_base": str(scratch)}},
    ext_modules=[Extension("zhquant._zhquant", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
