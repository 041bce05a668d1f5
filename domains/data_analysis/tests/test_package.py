"""The package's surface: honest exports, no data read at import, a README that tells the truth."""

import re
import subprocess
import sys
from pathlib import Path

import bench_domain_data_analysis
from bench_domain_data_analysis import TOOLS

README = Path(__file__).parents[1] / "README.md"

_PROBE = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import bench_domain_data_analysis
from bench_domain_data_analysis import TOOLS, DataAnalysisSimulator
names = [t["function"]["name"] for t in TOOLS]
print([path for path in opened if "bench_domain_data_analysis/data/" in path])
"""


def test_importing_the_package_reads_no_fixture() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_all_lists_exactly_the_public_names_once() -> None:
    exported = bench_domain_data_analysis.__all__  # ruff (RUF022) keeps it sorted
    assert len(set(exported)) == len(exported)
    public = {n for n in vars(bench_domain_data_analysis) if not n.startswith("_")}
    assert set(exported) - {"__version__"} == public
    assert bench_domain_data_analysis.__version__ == "0.1.0"


def test_the_readme_lists_every_tool_once() -> None:
    text = README.read_text(encoding="utf-8")
    listed = re.findall(r"^- `(\w+)`", text, flags=re.MULTILINE)
    assert sorted(listed) == sorted(t["function"]["name"] for t in TOOLS)


def test_the_readme_example_runs() -> None:
    text = README.read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    exec(compile(example, "README.md", "exec"), {})
