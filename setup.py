"""Build shim: ship the top-level resources/ and seeds/ folders inside the `reader` package.

Everything else lives in pyproject.toml. This file exists only because pyproject's declarative
`packages.find` cannot also list packages that `package-dir` maps from other folders
(`reader.resources_data` = resources/, `reader.seeds` = seeds/, read back by `reader.resources`).
"""

from setuptools import find_namespace_packages, setup


def _mapped(name: str, folder: str) -> list[str]:
    # Subfolders are listed too, else setuptools warns that data folders are not packages.
    return [name] + [f"{name}.{sub}" for sub in find_namespace_packages(where=folder)]


setup(
    packages=find_namespace_packages(include=["reader", "reader.*"])
    + _mapped("reader.resources_data", "resources")
    + _mapped("reader.seeds", "seeds"),
)
