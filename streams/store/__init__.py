"""The whole view on disk: an embedded SQLite store that a worker folds the derived topics into.

Why here and not in memory (issue 21): a worker that held every live event, count
cell and history in dicts grew with the history it had read and re-read all of it on
every start. The store keeps them in one file per worker under ``NEWSROOM_DATA_DIR``,
with the offsets each fold applied written in the same transaction, so a restart
resumes from them; the API's queries are served from indexes that match them.
"""
