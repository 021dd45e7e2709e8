"""`pip install --no-build-isolation .` into a fresh virtual environment, offline, and the module
imported from there.  It reuses the module of the CMake tree under test (ZHQUANT_BUILD_DIR), so it
compiles nothing."""

import os
import subprocess
import sys
import venv

import pytest

import zhquant
from conftest import SOURCE_DIR

SENTENCE = "全年完成税收598万元"


def test_pip_installs_the_module(tmp_path):
    build_dir = os.environ.get("ZHQUANT_BUILD_DIR")
    if not build_dir:
        pytest.skip("ZHQUANT_BUILD_DIR (a configured CMake tree) is absent")
    try:
        # The system's site-packages give the environment pip, setuptools and wheel, as Debian
        # installs them: nothing is fetched.
        venv.create(tmp_path / "env", system_site_packages=True, with_pip=False)
    except Exception as e:  # Debian without python3-venv
        pytest.skip(f"no venv: {e}")
    python = str(tmp_path / "env" / "bin" / "python")
    env = dict(os.environ, ZHQUANT_BUILD_DIR=build_dir, PIP_NO_INDEX="1", PYTHONPATH="")
    done = subprocess.run([python, "-m", "pip", "install", "--no-build-isolation", "--no-deps", str(SOURCE_DIR)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    check = subprocess.run([python, "-c", "import sys, zhquant; print(zhquant.__file__); "
                            f"print(zhquant.extract(sys.argv[1]))", SENTENCE],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    where, records = check.stdout.splitlines()
    assert where.startswith(str(tmp_path / "env")), where
    assert records == str(zhquant.extract(SENTENCE))
