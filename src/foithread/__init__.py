"""foithread: turn raw Freedom of Information correspondence into clean, typed, structured data.

>>> import foithread
>>> thread = foithread.parse("thread.txt")          # doctest: +SKIP
>>> [m.kind for m in thread.messages]               # doctest: +SKIP
['request', 'auto_acknowledgement', 'acknowledgement', 'response']
"""

from foithread.api import iter_parse, parse, parse_text
from foithread.batch import Result, parse_many
from foithread.deadlines import Deadline, deadline
from foithread.errors import ParseError, ParseWarning
from foithread.exporters import json_schema
from foithread.limits import DEFAULT_LIMITS, Limits
from foithread.merge import merge
from foithread.model import Address, Attachment, DateMention, Message, Reference, Removed, Sender, Signatory, Thread
from foithread.readers import FORMATS, detect_format
from foithread.recover import recover_quoted
from foithread.redaction import CensorRule, Redacted, redact
from foithread.reply import clean_reply
from foithread.rules import DEFAULT_RULES, Rule, Rules, RuleTable
from foithread.stages.bounces import Bounce, bounce_details
from foithread.state import RequestState, request_state
from foithread.tabular import read_parquet, to_dataframe, write_parquet  # pandas/pyarrow load on first call

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_LIMITS",
    "DEFAULT_RULES",
    "FORMATS",
    "Address",
    "Attachment",
    "Bounce",
    "CensorRule",
    "DateMention",
    "Deadline",
    "Limits",
    "Message",
    "ParseError",
    "ParseWarning",
    "Redacted",
    "Reference",
    "Removed",
    "RequestState",
    "Result",
    "Rule",
    "RuleTable",
    "Rules",
    "Sender",
    "Signatory",
    "Thread",
    "__version__",
    "bounce_details",
    "clean_reply",
    "deadline",
    "detect_format",
    "iter_parse",
    "json_schema",
    "merge",
    "parse",
    "parse_many",
    "parse_text",
    "read_parquet",
    "recover_quoted",
    "redact",
    "request_state",
    "to_dataframe",
    "write_parquet",
]
