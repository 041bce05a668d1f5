"""Every tool schema is a valid OpenAI function schema, documented the way a real API is."""

from bench_domain_data_analysis._fixtures import load_fixtures
from bench_domain_data_analysis._simulator import DataAnalysisSimulator
from bench_domain_data_analysis._tools import TOOL_SCHEMAS, TOOLS, WRITE_TOOLS

TYPES = {"string", "integer", "number", "boolean", "array"}


def test_there_are_12_to_16_uniquely_named_tools_with_two_writes() -> None:
    names = [t["function"]["name"] for t in TOOLS]
    assert 12 <= len(names) <= 16
    assert len(set(names)) == len(names)
    assert {"enroll_employee", "update_employee_manager"} == WRITE_TOOLS
    assert set(names) >= WRITE_TOOLS
    assert set(TOOL_SCHEMAS) == set(names)


def test_every_schema_is_well_formed() -> None:
    for tool in TOOLS:
        assert tool["type"] == "function"
        function = tool["function"]
        assert len(function["description"]) >= 60, function["name"]
        parameters = function["parameters"]
        assert parameters["type"] == "object"
        assert parameters["additionalProperties"] is False
        properties = parameters["properties"]
        assert set(parameters["required"]) <= set(properties), function["name"]
        for name, spec in properties.items():
            where = f"{function['name']}.{name}"
            assert spec["type"] in TYPES, where
            assert len(spec["description"]) >= 10, where
            if "enum" in spec:
                assert spec["enum"], where
                assert len(set(spec["enum"])) == len(spec["enum"]), where
                assert all(isinstance(v, str) for v in spec["enum"]), where
            if "default" in spec:
                assert name not in parameters["required"], where
                if "enum" in spec:
                    assert spec["default"] in spec["enum"], where
            if "format" in spec:
                assert spec["format"] == "date", where
                assert "YYYY-MM-DD" in spec["description"], where
            if spec["type"] == "integer" and "maximum" in spec:
                assert spec["minimum"] <= spec.get("default", spec["minimum"]) <= spec["maximum"]


def test_paged_tools_document_their_paging() -> None:
    for tool in TOOLS:
        properties = tool["function"]["parameters"]["properties"]
        if "page" in properties:
            assert "page_size" in properties
            assert "next_page" in tool["function"]["description"]


def test_the_simulator_serves_exactly_the_declared_tools() -> None:
    episode = DataAnalysisSimulator(load_fixtures())
    for name, schema in TOOL_SCHEMAS.items():
        required = dict.fromkeys(schema["required"], "x")
        result = episode.call(name, required)
        assert not (
            isinstance(result, dict) and result.get("error", {}).get("code") == "unknown_tool"
        )
    assert episode.call("get_salary", {})["error"]["code"] == "unknown_tool"
