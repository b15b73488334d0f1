"""The JSON Schema of ``Thread.to_dict()``: it holds for every fixture, rejects broken output and
agrees with the model's vocabularies; ``foithread schema`` prints it."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from conftest import DEV, FIXTURES, ROOT

import foithread
from foithread import model
from foithread.batch import expand, parse_many
from foithread.cli import main
from foithread.readers import FORMATS

jsonschema = pytest.importorskip("jsonschema")

CASES = sorted(p for p in (FIXTURES / "cases").iterdir() if p.is_file())
DEMO = ROOT / "src" / "foithread" / "data" / "demo_thread.txt"
SCHEMA = foithread.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors_of(data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def assert_valid(data: Any) -> None:
    problems = errors_of(data)
    assert not problems, "\n".join(problems[:10])


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --------------------------------------------------------------------------- the schema itself


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_ships_in_the_package_and_json_schema_returns_a_fresh_copy() -> None:
    shipped = resources.files("foithread").joinpath("data/schema.json").read_text(encoding="utf-8")
    assert json.loads(shipped) == SCHEMA
    first = foithread.json_schema()
    first["title"] = "changed"
    first["$defs"]["message"]["properties"].clear()
    assert foithread.json_schema() == SCHEMA


def _properties(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property schema (and ``$defs`` entry) in the schema, with where it is."""
    if isinstance(node, dict):
        for section in ("properties", "$defs"):
            for name, sub in node.get(section, {}).items():
                yield f"{path}/{section}/{name}", sub
        for key, sub in node.items():
            yield from _properties(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for k, sub in enumerate(node):
            yield from _properties(sub, f"{path}/{k}")


def test_every_field_has_a_title_and_a_description() -> None:
    fields = list(_properties(SCHEMA))
    assert len(fields) > 40
    for where, sub in fields:
        if where.count("/allOf/"):  # the outcome rule restates a field, it does not define one
            continue
        assert sub.get("title") and sub.get("description"), where


DEFS = SCHEMA["$defs"]
MESSAGE = DEFS["message"]["properties"]


@pytest.mark.parametrize(
    ("name", "node", "expected"),
    [
        ("message kind", MESSAGE["kind"], list(model.KINDS)),
        ("party", MESSAGE["party"], list(model.PARTIES)),
        ("outcome", MESSAGE["outcome"], [*model.OUTCOMES, None]),
        ("removed kind", DEFS["removed"]["properties"]["kind"], list(model.REMOVED_KINDS)),
        ("address kind", DEFS["address"]["properties"]["kind"], list(model.ADDRESS_KINDS)),
        ("reference role", DEFS["reference"]["properties"]["role"], [*model.REFERENCE_ROLES, None]),
        ("bounce reason", DEFS["bounce"]["properties"]["reason"], list(model.BOUNCE_REASONS)),
        ("input format", SCHEMA["properties"]["format"], list(FORMATS)),
    ],
)
def test_enums_equal_the_model_constants(name: str, node: dict[str, Any], expected: list[Any]) -> None:
    assert node["enum"] == expected, name


def _full_thread() -> model.Thread:
    """A hand-built thread with every optional field filled, so every key of to_dict is present."""
    message = model.Message(
        index=0,
        kind="response",
        party="authority",
        raw="Dear Ms Roe,\nWithheld under s40(2).\nOFFICIAL",
        span=(10, 55),
        body="Dear Ms Roe,\nWithheld under s40(2).\n",
        removed=(model.Removed("classification", "OFFICIAL", (47, 55), rule="official"),),
        sent_on="2023-04-28",
        subject="FOI request",
        sender=model.Sender("Information Team", "foi@example.gov.uk"),
        outcome="refused",
        exemptions=("s40(2)",),
        references=(model.Reference("FOI-1", "Our ref", "request"),),
        dates=(model.DateMention("2023-04-28", "28/04/2023"),),
        signatories=(model.Signatory("Tom Field", "Officer", "Example Council"),),
        addresses=(model.Address("postal", "1 High St, Exeter, EX1 1AA", "EX1 1AA", "GB"),),
        confidence=0.75,
        attachments=("reply.pdf",),
        recovered_from=0,
    )
    return model.Thread(
        format="eml",
        messages=(message,),
        authority="Example Council",
        title="FOI request",
        references=("FOI-1",),
        warnings=("bad charset",),
        source="x.eml",
        status="successful",
        regime="foi",
    )


#: keys to_dict writes only when set (recovered messages only), so the input's own output keeps its shape
OPTIONAL = ("recovered_from",)


def test_optional_keys_are_absent_from_the_inputs_own_messages() -> None:
    data = attrs.evolve(_full_thread().messages[0], recovered_from=None).to_dict()
    assert [key for key in OPTIONAL if key in data] == []
    assert_valid({**_full_thread().to_dict(), "messages": [data]})


@pytest.mark.parametrize(
    ("where", "keys", "data"),
    [
        ("thread", SCHEMA, _full_thread().to_dict()),
        ("message", DEFS["message"], _full_thread().to_dict()["messages"][0]),
        ("sender", DEFS["sender"], _full_thread().to_dict()["messages"][0]["sender"]),
        ("removed", DEFS["removed"], _full_thread().to_dict()["messages"][0]["removed"][0]),
        ("reference", DEFS["reference"], _full_thread().to_dict()["messages"][0]["references"][0]),
        ("date", DEFS["date"], _full_thread().to_dict()["messages"][0]["dates"][0]),
        ("signatory", DEFS["signatory"], _full_thread().to_dict()["messages"][0]["signatories"][0]),
        ("address", DEFS["address"], _full_thread().to_dict()["messages"][0]["addresses"][0]),
        ("bounce", DEFS["bounce"], model.Bounce(True, "recipient_unknown", "5.1.1", ("a@example.org",)).to_dict()),
    ],
)
def test_schema_fields_are_exactly_the_to_dict_keys(where: str, keys: dict[str, Any], data: dict[str, Any]) -> None:
    """A field added to (or dropped from) to_dict without the schema fails here, by name."""
    assert list(keys["properties"]) == list(data), where
    assert keys["required"] == [key for key in data if key not in OPTIONAL], where
    assert keys["additionalProperties"] is False, where


# --------------------------------------------------------------------------- real output validates


@pytest.mark.parametrize("path", [*CASES, DEMO], ids=lambda p: p.name)
def test_every_fixture_validates(path: Path) -> None:
    thread = foithread.parse(path)
    assert thread.messages
    assert_valid(thread.to_dict())
    assert_valid(json.loads(thread.to_json()))  # and once more through JSON text


def test_other_fixture_inputs_that_parse_validate() -> None:
    paths = [p for sub in ("html", "json", "zip") for p in expand(FIXTURES / sub)]
    threads = [r.thread for r in parse_many(paths) if r.thread is not None]
    assert len(threads) >= 4
    for thread in threads:
        assert_valid(thread.to_dict())


def test_dev_cases_validate() -> None:
    if not (DEV / "cases").is_dir():
        pytest.skip(f"{DEV / 'cases'} not available")
    results = list(parse_many(expand(DEV / "cases")))
    assert results
    for result in results:
        assert result.thread is not None, result.error
        assert_valid(result.thread.to_dict())


@pytest.mark.parametrize(
    "thread",
    [
        _full_thread(),
        model.Thread(format="text"),  # no messages, nothing known
        model.Thread(format="wdtk-json", source=None, regime="sar"),
        model.Thread(format="text", messages=(model.Message(0, "other", "unknown", "", (0, 0), ""),)),
    ],
    ids=["full", "empty", "json-no-source", "bare-message"],
)
def test_hand_built_threads_validate(thread: model.Thread) -> None:
    assert_valid(thread.to_dict())


# --------------------------------------------------------------------------- broken output is rejected


Mutation = Callable[[dict[str, Any]], None]

MUTATIONS: list[tuple[str, Mutation]] = [
    ("unknown kind", lambda d: d["messages"][0].update(kind="reply")),
    ("unknown party", lambda d: d["messages"][0].update(party="council")),
    ("unknown outcome", lambda d: d["messages"][3].update(outcome="granted")),
    ("outcome on a request", lambda d: d["messages"][0].update(outcome="refused")),
    ("unknown removed kind", lambda d: d["messages"][3]["removed"][0].update(kind="footer")),
    ("unknown address kind", lambda d: d["messages"][3]["addresses"][0].update(kind="fax")),
    ("unknown input format", lambda d: d.update(format="pdf")),
    ("missing messages", lambda d: d.pop("messages")),
    ("missing warnings", lambda d: d.pop("warnings")),
    ("missing body", lambda d: d["messages"][1].pop("body")),
    ("missing span", lambda d: d["messages"][1].pop("span")),
    ("missing sender email", lambda d: d["messages"][0]["sender"].pop("email")),
    ("missing removed span", lambda d: d["messages"][3]["removed"][0].pop("span")),
    ("extra thread field", lambda d: d.update(extra=1)),
    ("extra message field", lambda d: d["messages"][2].update(score=0.5)),
    ("extra removed field", lambda d: d["messages"][3]["removed"][0].update(note="x")),
    ("extra signatory field", lambda d: d["messages"][2]["signatories"][0].update(email=None)),
    ("span of three", lambda d: d["messages"][0].update(span=[0, 5, 9])),
    ("span of one", lambda d: d["messages"][0].update(span=[0])),
    ("span of text", lambda d: d["messages"][0].update(span=["0", "5"])),
    ("negative span", lambda d: d["messages"][0].update(span=[-1, 5])),
    ("negative index", lambda d: d["messages"][0].update(index=-1)),
    ("index as text", lambda d: d["messages"][0].update(index="0")),
    ("confidence above 1", lambda d: d["messages"][0].update(confidence=1.5)),
    ("sent_on not ISO", lambda d: d["messages"][3].update(sent_on="28/04/2023")),
    ("date value not a date", lambda d: d["messages"][2]["dates"][0].update(value="2023-13-03")),
    ("exemption not normalised", lambda d: d["messages"][3].update(exemptions=["section 40(2)"])),
    ("null body", lambda d: d["messages"][0].update(body=None)),
    ("null kind", lambda d: d["messages"][0].update(kind=None)),
    ("thread reference as object", lambda d: d.update(references=[{"value": "FOI-23-0417"}])),
    ("message references as strings", lambda d: d["messages"][2].update(references=["FOI-23-0417"])),
    ("warnings as one string", lambda d: d.update(warnings="bad charset")),
    ("sender as text", lambda d: d["messages"][0].update(sender="Priya Castellano")),
    ("unknown state", lambda d: d.update(state="lost")),
    ("bounce as text", lambda d: d["messages"][0].update(bounce="permanent")),
    ("unknown bounce reason", lambda d: d["messages"][0].update(bounce=_BOUNCE | {"reason": "gone"})),
    ("bounce status not a code", lambda d: d["messages"][0].update(bounce=_BOUNCE | {"status": "550"})),
    ("bounce recipients as text", lambda d: d["messages"][0].update(bounce=_BOUNCE | {"recipients": "a@b.org"})),
]
_BOUNCE = {"permanent": True, "reason": "other", "status": "5.0.0", "recipients": []}


@pytest.fixture(scope="module")
def demo_dict() -> dict[str, Any]:
    data = foithread.parse(DEMO).to_dict()
    assert_valid(data)
    return data


@pytest.mark.parametrize(("name", "mutate"), MUTATIONS, ids=[name for name, _ in MUTATIONS])
def test_broken_output_is_rejected(name: str, mutate: Mutation, demo_dict: dict[str, Any]) -> None:
    data = copy.deepcopy(demo_dict)
    mutate(data)
    assert data != demo_dict, f"mutation {name!r} changed nothing"
    assert errors_of(data), f"schema accepted output with {name}"


# --------------------------------------------------------------------------- command line


def test_cli_schema_prints_the_schema() -> None:
    code, out, err = run(["schema"])
    assert code == 0 and err == ""
    assert json.loads(out) == foithread.json_schema()
    assert out.startswith("{\n  ") and out.endswith("}\n")  # pretty printed


def test_cli_schema_as_a_console_command() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "foithread.cli", "schema"], capture_output=True, text=True, timeout=60, check=False
    )
    assert res.returncode == 0
    assert json.loads(res.stdout) == SCHEMA


def test_cli_schema_takes_no_arguments() -> None:
    assert run(["schema", "extra"])[0] == 2


def test_cli_json_and_batch_output_validate(tmp_path: Path) -> None:
    code, out, _ = run(["parse", str(DEMO), str(CASES[0]), "--format", "jsonl"])
    assert code == 0
    for line in out.splitlines():
        assert_valid(json.loads(line))
    out_file = tmp_path / "all.jsonl"
    code, _, _ = run(["batch", str(FIXTURES / "cases"), "--out", str(out_file)])
    assert code == 0
    records = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(CASES)
    for record in records:
        assert_valid(record)
