"""Test sentences are invented: none is a corpus sentence, not even with its names and numbers changed.

A rule tested on the sentence it was fitted to proves nothing about the next article, and a corpus
sentence with other names is still that sentence. So every prose sentence of the tests (the string
literals of tests/*.py and the invented articles of tests/corpus) is compared with every sentence of
the shared dev and train corpora and, when they are on this machine, the published `real` corpus and any
other set of published articles gathered for study beside it (the check set is left out: its texts are
not to be read, and a failure here would print them).

Both sides are masked first: a capitalised word after the first of a sentence (a name, a place, a
month, a model) and a country name, demonym or capital anywhere become one placeholder per run of
them; digits become 0 and number words "0"; the rest is lower-cased. Two measures over the masked
*word* sequences (words rather than characters: sentences on one beat share most of their letters,
while a copied sentence keeps its run of words) then fail a test sentence, naming the pair:

- difflib's ratio (twice the matching words over all words) of 0.8 or more: the sentence reworded
  only in its names, numbers or a word or two;
- a run of 9 or more masked words in common: a clause carried over into a sentence built around it,
  which the ratio of the whole misses.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pycountry
import pytest
from conftest import DEV_CORPUS, ROOT, SHARED, TRAIN_CORPUS

from streams.extraction.lexicon import ALIASES, CAPITALS, DEMONYMS, NUMBER_WORDS

THRESHOLD = 0.8
SHARED_RUN = 9  # masked words in a row; stock phrasing ("said on <name> that a <name>") stays shorter
MIN_WORDS = 6  # shorter literals are fragments (a duration, a name), not sentences
TESTS = ROOT / "tests"
REAL_TEXTS = Path.home() / ".cache" / "newsroom-real"  # where the real corpus's README rebuilds it, beside study sets
CHECK_SET = "real-check"  # measured only: never read, not even here
ARTICLE_FIELDS = ("headline", "standfirst", "body")
NAME = "<name>"

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n+")
WORD = re.compile(r"\w+(?:[-'’/.]\w+)*")
# Names of states (demonyms, capitals, pycountry's names): a capitalised word is masked anyway unless it opens
# the sentence, so these are looked for there.
STATE_NAMES = {name for table in (DEMONYMS, ALIASES, CAPITALS) for name in table} | {
    name.lower() for country in pycountry.countries
    for name in (country.name, getattr(country, "common_name", country.name))}
# Cardinal number words; "a", "an", "single", "lone", "pair" and "couple" are ordinary words here.
NUMBER_NAMES = {word for word in NUMBER_WORDS if word not in {"a", "an", "single", "lone", "pair", "couple"}}


@dataclass(frozen=True)
class Sentence:
    text: str
    origin: str  # file, and line for a test literal
    words: tuple[str, ...]  # masked


def opens_with_a_state(words: list[str]) -> bool:
    return any(" ".join(words[:n]).lower() in STATE_NAMES for n in (1, 2, 3))


def mask(sentence: str) -> tuple[str, ...]:
    words = WORD.findall(sentence)
    masked: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if word[0].isupper() and (index > 0 or opens_with_a_state(words)):
            token = NAME
        elif all(part in NUMBER_NAMES for part in lower.split("-")):  # "twelve", "twenty-two"
            token = "0"
        else:
            token = re.sub(r"\d+", "0", lower)
        if not (token == NAME and masked and masked[-1] == NAME):
            masked.append(token)
    return tuple(masked)


def sentences(text: str, origin: str) -> Iterator[Sentence]:
    for part in SENTENCE_END.split(text):
        part = part.strip()
        if len(WORD.findall(part)) >= MIN_WORDS:
            yield Sentence(part, origin, mask(part))


def literals(path: Path) -> Iterator[tuple[str, int]]:
    """Every string constant of a test module with its line (implicit concatenation is one constant; the
    constant parts of an f-string count too)."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value, node.lineno


def article_texts(path: Path) -> Iterator[str]:
    document = json.loads(path.read_text())
    article = document.get("article") if isinstance(document, dict) else None
    if isinstance(article, dict):
        yield from (article[field] for field in ARTICLE_FIELDS if isinstance(article.get(field), str))


def prose_of_the_tests() -> list[Sentence]:
    found = [s for path in sorted(TESTS.glob("*.py")) for text, line in literals(path)
             for s in sentences(text, f"{path.relative_to(ROOT)}:{line}")]
    found += [s for path in sorted((TESTS / "corpus").rglob("*.json")) for text in article_texts(path)
              for s in sentences(text, str(path.relative_to(ROOT)))]
    return found


def corpus_sentences(folders: Iterable[Path]) -> list[Sentence]:
    return [s for folder in folders for path in sorted(folder.glob("*.json")) for text in article_texts(path)
            for s in sentences(text, f"{folder.parent.name}/{folder.name}/{path.name}")]


@dataclass(frozen=True)
class NearCopy:
    test: Sentence
    original: Sentence
    reason: str


def window(length: int) -> range:
    """The lengths another word sequence may have and still reach the threshold against one of ``length`` words:
    two sequences of m and n words match at most min(m, n), so their ratio is at most 2 * min(m, n) / (m + n)."""
    return range(int(THRESHOLD * length / (2 - THRESHOLD)), int((2 - THRESHOLD) * length / THRESHOLD) + 1)


def telling_words(words: tuple[str, ...], frequency: Counter[str]) -> set[str]:
    """Words of which a sentence within the threshold must share at least one: at ratio t a sequence of m words
    matches at least t * (m + n) / 2 of them, n being at least the shortest length of its window, so no more than
    ``unmatched`` of its words go unmatched; among any ``unmatched + 1`` of them one is matched, and the rarest
    are taken so that few corpus sentences hold any."""
    m = len(words)
    unmatched = int(m - THRESHOLD * (m + window(m).start) / 2)
    return set(sorted(words, key=lambda word: frequency[word])[:unmatched + 1])


def runs(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    return (words[i:i + SHARED_RUN] for i in range(len(words) - SHARED_RUN + 1))


def near_copies(tests: list[Sentence], corpus: list[Sentence]) -> list[NearCopy]:
    """Each test sentence's closest corpus sentence by ratio when that reaches the threshold, else the first that
    shares a run. A test sentence is matched only against the corpus sentences of its length window that hold one
    of its telling words, one matcher per corpus sentence (difflib keeps its tables across the test sentences),
    and the cheap upper bounds (real_quick_ratio, then quick_ratio: the words in common) come before the ratio.
    Shared runs are looked up in an index of every corpus run."""
    holding: dict[str, set[int]] = {}
    by_run: dict[tuple[str, ...], Sentence] = {}
    for index, original in enumerate(corpus):
        for word in original.words:
            holding.setdefault(word, set()).add(index)
        for run in runs(original.words):
            by_run.setdefault(run, original)
    frequency = Counter({word: len(held) for word, held in holding.items()})
    candidates: dict[int, list[int]] = {}
    for index, test in enumerate(tests):
        lengths = window(len(test.words))
        for held in {i for word in telling_words(test.words, frequency) for i in holding.get(word, ())}:
            if len(corpus[held].words) in lengths:
                candidates.setdefault(held, []).append(index)
    best: dict[int, tuple[float, Sentence]] = {}
    for held, indices in candidates.items():
        matcher = SequenceMatcher(None, b=corpus[held].words, autojunk=False)
        for index in indices:
            matcher.set_seq1(tests[index].words)
            if matcher.real_quick_ratio() >= THRESHOLD and matcher.quick_ratio() >= THRESHOLD:
                score = matcher.ratio()
                if score >= THRESHOLD and score > best.get(index, (0.0,))[0]:
                    best[index] = (score, corpus[held])
    found = []
    for index, test in enumerate(tests):
        if index in best:
            score, original = best[index]
            found.append(NearCopy(test, original, f"ratio {score:.2f}"))
        elif shared := next((run for run in runs(test.words) if run in by_run), None):
            found.append(NearCopy(test, by_run[shared], f"shares {' '.join(shared)!r}"))
    return found


def test_masking_hides_names_and_numbers_but_keeps_the_wording():
    assert mask("Three Dutch ferries left Rotterdam on 4 March, Amsterdam said.") == mask(
        "Nine Greek ferries left Piraeus on 21 July, Athens said.")
    assert mask("Harbour Master Ines Varga said 14 yachts stayed ashore.") == (
        "harbour", NAME, "said", "0", "yachts", "stayed", "ashore")
    assert mask("Portugal said so again.")[0] == NAME and mask("Sailors said so again.")[0] == "sailors"


def test_a_reworded_sentence_is_no_copy_and_a_renamed_one_is():
    [original] = sentences("Two Slovenian patrol boats towed a damaged yacht into Koper harbour on Sunday after a "
                           "storm, the coast guard said.", "corpus")
    [renamed] = sentences("Five Croatian patrol boats towed a damaged yacht into Split harbour on Tuesday after a "
                          "storm, the harbour police said.", "tests")
    [reworded] = sentences("After Sunday's storm the coast guard brought a crippled yacht back to port behind two "
                           "of its boats.", "tests")
    [grafted] = sentences("Rescuers said two Slovenian patrol boats towed a damaged yacht into Koper harbour on "
                          "Sunday, days after it lost its mast.", "tests")
    found = near_copies([renamed, reworded, grafted], [original])
    assert [(copy.test, copy.original) for copy in found] == [(renamed, original), (grafted, original)]
    assert found[0].reason.startswith("ratio") and found[1].reason.startswith("shares")


@pytest.mark.shared
def test_no_test_sentence_is_a_corpus_sentence_with_names_or_numbers_changed():
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpora are not here ({SHARED}): nothing to compare the test sentences with")
    studied = sorted(f for f in REAL_TEXTS.glob("*") if f.is_dir() and f.name != CHECK_SET and any(f.glob("*.json")))
    folders = [DEV_CORPUS, TRAIN_CORPUS, *studied]
    tests, corpus = prose_of_the_tests(), corpus_sentences(folders)
    assert tests and corpus, (len(tests), len(corpus))
    copies = near_copies(tests, corpus)
    if copies:
        pytest.fail(f"{len(copies)} test sentences are near copies of corpus sentences; write sentences of your "
                    "own on the same phenomenon:\n" + "\n".join(
                        f"{copy.test.origin} ({copy.reason}): {copy.test.text!r}\n"
                        f"    {copy.original.origin}: {copy.original.text!r}" for copy in copies), pytrace=False)
