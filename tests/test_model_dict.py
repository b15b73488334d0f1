"""``to_dict()`` of every model class: every field is a key (a new field cannot be forgotten),
tuples become lists, nested objects dicts, and the JSON-ready result survives ``json.dumps``."""

from __future__ import annotations

import json

import attrs
import pytest

from foithread import model

CLASSES = [
    model.Sender,
    model.Removed,
    model.Zone,
    model.Reference,
    model.DateMention,
    model.Signatory,
    model.Address,
    model.Attachment,
    model.Message,
    model.Thread,
    model.Bounce,
]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_a_key(cls: type) -> None:
    keys = cls._KEYS or tuple(f.name for f in attrs.fields(cls))  # type: ignore[attr-defined]
    assert {f.name for f in attrs.fields(cls)} <= set(keys)
    assert len(set(keys)) == len(keys)


def test_nested_values_become_plain_data() -> None:
    msg = model.Message(
        index=0,
        kind="response",
        party="authority",
        raw="Dear Ann,\nNo.\n",
        span=(10, 25),
        body="Dear Ann,\nNo.\n",
        removed=(model.Removed("quoted", "> hi", (20, 24), rule="gt"),),
        sender=model.Sender("FOI Team", "foi@example.gov.uk"),
        exemptions=("s40(2)",),
        bounce=model.Bounce(permanent=True, status="5.1.1", recipients=("a@b.example",)),
        to=(model.Sender("Ann"),),
    )
    data = model.Thread(format="eml", messages=(msg,)).to_dict()
    assert list(data) == list(model.Thread._KEYS)
    row = data["messages"][0]
    assert list(row) == [k for k in model.Message._KEYS if k not in model.Message._OPTIONAL]
    assert "recovered_from" not in row  # optional keys only when set
    assert row["span"] == [10, 25] and row["exemptions"] == ["s40(2)"]
    assert row["removed"] == [{"kind": "quoted", "text": "> hi", "span": [20, 24], "rule": "gt"}]
    assert row["sender"] == {"name": "FOI Team", "email": "foi@example.gov.uk"}
    assert row["bounce"] == {"permanent": True, "reason": "other", "status": "5.1.1", "recipients": ["a@b.example"]}
    assert row["to"] == [{"name": "Ann", "email": None}] and row["cc"] == []
    assert row["reply_text"] == "" and data["state"] is not None
    assert json.loads(json.dumps(data)) == data


def test_from_dict_rebuilds_every_fixture_thread() -> None:
    from conftest import FIXTURES

    import foithread

    paths = sorted((FIXTURES / "cases").iterdir())
    assert paths
    for path in paths:
        thread = foithread.parse(path)
        data = thread.to_dict()
        again = model.Thread.from_dict(json.loads(json.dumps(data)))
        assert again == thread, path.name
        assert again.to_dict() == data


def test_from_dict_ignores_unknown_keys_and_defaults_missing_ones() -> None:
    old = {
        "format": "text",
        "messages": [
            {
                "index": 0,
                "kind": "request",
                "party": "requester",
                "raw": "Hi",
                "span": [0, 2],
                "body": "Hi",
                "future_field": 1,
            }
        ],
    }
    thread = model.Thread.from_dict(old)
    assert thread.messages[0].span == (0, 2) and thread.messages[0].removed == ()
    assert thread.messages[0].sender == model.Sender()
