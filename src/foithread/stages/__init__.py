"""The stages of the pipeline, one module (or package) each, in the order they run.

:mod:`foithread.pipeline` composes them; each is readable and testable on its own:

1. :mod:`~foithread.stages.pagehead` takes a request page's head (title, "made this request",
   status lines) off page text; :mod:`~foithread.stages.dlog` recognises disclosure-log pages.
2. :mod:`~foithread.stages.zoner` gives every line a one-letter zone from the rule tables
   (:mod:`~foithread.stages.header_blocks` finds pasted and quoted header blocks).
3. :mod:`~foithread.stages.segmenter` splits page text into messages (sender lines:
   :mod:`~foithread.stages.senderline`).
4. :mod:`~foithread.stages.cleaner` labels what to remove (structure rules,
   :mod:`~foithread.stages.disclaimers`, :mod:`~foithread.stages.blocks`) and builds body + removed.
5. :mod:`~foithread.stages.extract` reads references, dates, signatories, addresses, exemptions.
6. :mod:`~foithread.stages.classifier` weighs the evidence into kind, party and outcome
   (:mod:`~foithread.stages.party`, :mod:`~foithread.stages.regime`).
7. :mod:`~foithread.stages.bounces` reads a delivery report's facts;
   :mod:`~foithread.stages.envelope` the mail threading headers; :mod:`~foithread.stages.zones`
   the reply zones exposed on each message.
8. :mod:`~foithread.stages.thread_facts` folds the messages into the thread's facts.
"""
