"""The committed fixtures are exactly what the seeded generator writes."""

from importlib import resources

from bench_domain_data_analysis._generate import generate, serialize
from bench_domain_data_analysis._generate._build import ROW_FILES


def test_the_generator_reproduces_the_committed_files_byte_for_byte() -> None:
    files = generate()
    folder = resources.files("bench_domain_data_analysis").joinpath("data")
    for name, content in files.items():
        expected = serialize(content, name in ROW_FILES)
        assert folder.joinpath(name).read_text(encoding="utf-8") == expected, name
    assert sorted(files) == sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def test_the_fixtures_stay_small_on_disk() -> None:
    folder = resources.files("bench_domain_data_analysis").joinpath("data")
    sizes = [len(p.read_bytes()) for p in folder.iterdir() if p.name.endswith(".json")]
    assert sum(sizes) < 2_000_000
