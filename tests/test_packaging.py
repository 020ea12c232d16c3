"""Packaging: pyproject.toml and environment.yml pin the same dependencies."""
from __future__ import annotations

import re
import tomllib

from conftest import REPO_ROOT


def environment_pip_requirements() -> list[str]:
    lines = (REPO_ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\s*- pip:\s*$", line))
    requirements = []
    for line in lines[start + 1:]:
        match = re.match(r"\s+- (\S.*)$", line)
        if not match:
            break
        requirements.append(match.group(1).strip())
    return [r for r in requirements if not r.startswith("-e")]


def test_environment_yml_and_pyproject_list_the_same_pinned_dependencies():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert sorted(environment_pip_requirements()) == sorted(project["dependencies"])


def test_every_runtime_dependency_is_pinned():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert "==" in requirement, requirement
