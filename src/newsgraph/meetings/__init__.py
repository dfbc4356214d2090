"""Meetings: talks, summits and calls that articles refer to, followed across articles (``newsgraph.meetings/1``).

Built from the stored CONSULT events (``link.py``: pure linking rules; ``build.py``: reading events and writing
the meeting tables, at ingest and on ``--rebuild``; ``read.py``: the one query layer behind CLI, API and pages).
Nothing here imports spaCy or ``newsgraph.extract``.
"""

FORMAT = "newsgraph.meetings/1"
