"""The lexicon is the one source of every word list: a name bound twice there silently replaces the first list for
every rule that reads it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from streams.extraction import lexicon


def test_each_word_list_of_the_lexicon_is_bound_once() -> None:
    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    names = Counter(target.id for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)
                    for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(target, ast.Name))
    assert [name for name, times in names.items() if times > 1] == []
