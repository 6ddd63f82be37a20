"""The cheap pass before parsing: which surface sentences the extractors can use.

Parsing is nearly all of extraction's cost, and most sentences of a news article
(background, scene, figures) carry neither an incident nor a statement. This pass
reads only the surface text (word lists and quotation marks, no model) and keeps a
sentence when it holds

- a cue: an incident trigger (platform, airspace, violation, sighting, Article 4,
  a military model name), a speech verb, or a quotation;
- context a kept sentence leans on: the sentence before it when it refers back
  ("It stayed for nine minutes", "he said"), the sentence after it when that one stops air traffic ("Flights were
  halted") or tells one more seen ("Another hovered over the port"), the opening sentence of the field (dateline, the state the
  story is about), and the first and the latest earlier sentence naming someone or
  something a kept sentence names again ("Lind said" needs "Foreign Minister Petra
  Lind", "the minister said" and "the statement read" need whoever was introduced).

A date or time heading a line ("MAY 13 - ", "23:55 - ") is blanked too: the parser
reads "MAY 13 - Hungary shoots down" as one noun phrase; the extractors read the
heading from the original text.

Every other sentence is blanked to spaces (line breaks kept), so character offsets,
and with them evidence spans, stay those of the original field while the parser sees
a single whitespace token where the sentence was.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from streams.extraction.dates import heading
from streams.extraction.lexicon import (AIR_TRAFFIC_WORDS, ANAPHORS, DISRUPTION_VERBS, DOWNING_CUES, INCIDENT_WORDS,
                                        IRREGULAR_FORMS, LINKING_NOUNS, MODEL, ONE_MORE, SIGHTING_VERBS, SPEECH_WORDS)
from streams.extraction.quotes import Unit, find_quotes, units

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def inflections(lemma: str) -> set[str]:
    """Surface forms of a cue word, generously: a false cue costs a parse, a missed one a fact."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "spotted", "admitted"
    return forms | set(IRREGULAR_FORMS.get(lemma, ()))


CUES = frozenset(form for lemma in INCIDENT_WORDS | SPEECH_WORDS for form in inflections(lemma))
STOPPED = frozenset(form for lemma in DISRUPTION_VERBS for form in inflections(lemma))
TRAFFIC = frozenset(form for lemma in AIR_TRAFFIC_WORDS for form in inflections(lemma))
SEEN = frozenset(form for lemma in SIGHTING_VERBS for form in inflections(lemma))
DOWNED = frozenset(form for lemma in DOWNING_CUES for form in inflections(lemma))


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _cued(sentence: str, words: set[str], unit: Unit) -> bool:
    return bool(unit.quotes) or not words.isdisjoint(CUES) or MODEL.search(sentence) is not None


def _stops_traffic(words: set[str]) -> bool:
    """ "Flights were halted for an hour" after a sentence with a cue: a stop to air traffic that may tell what the
    sentence before caused (:func:`.sightings._disruption_after_drones`)."""
    return not words.isdisjoint(STOPPED) and not words.isdisjoint(TRAFFIC)


def _one_more(words: set[str]) -> bool:
    """ "Another hovered over the port", "another one was shot down on Friday" after a sentence with a cue: one more
    of what it reported, its noun left out (:func:`.incidents._one_more`)."""
    return not words.isdisjoint(ONE_MORE) and not (words.isdisjoint(SEEN) and words.isdisjoint(DOWNED))


def _links(sentence: str, words: set[str]) -> set[str]:
    """Words by which a sentence leans on an earlier one: names after the first word (capitalised
    anyway) and, lower-cased, offices, institutions and documents ("the minister", "the statement")."""
    names = CAPITALISED.findall(sentence)
    names = names[1:] if sentence[:1].isupper() else names
    return set(names) | (words & LINKING_NOUNS)


def relevant_units(text: str) -> list[Unit]:
    """The surface sentences worth parsing, in text order."""
    found = units(text, find_quotes(text))
    sentences = [text[unit.start:unit.end] for unit in found]
    words = [_words(sentence) for sentence in sentences]  # once per sentence: the links below look back often
    keep = {i for i, unit in enumerate(found) if _cued(sentences[i], words[i], unit)}
    if not keep:
        return []
    keep |= {i - 1 for i in keep if i > 0 and not words[i].isdisjoint(ANAPHORS)}
    keep |= {i + 1 for i in keep if i + 1 < len(found) and (_stops_traffic(words[i + 1]) or _one_more(words[i + 1]))}
    keep.add(0)
    mentions = Mentions(text, found, words)
    for i in sorted(keep):
        for link in _links(sentences[i], words[i]):
            keep.update(mentions.first_and_latest(link, i))  # where it was introduced, and its latest mention
    return [found[i] for i in sorted(keep)]


class Mentions:
    """Which earlier sentence first and last mentions a link, without rescanning every earlier sentence
    for every kept one (which made the pass quadratic in the length of the text).

    A capitalised link is looked up as a substring of the text, a lower-case one among each
    sentence's words. A link has no spaces, quotation marks or full stops, so an occurrence
    never straddles two sentences.
    """

    def __init__(self, text: str, found: list[Unit], words: list[set[str]]) -> None:
        self.text = text
        self.starts = [unit.start for unit in found]
        self.ends = [unit.end for unit in found]
        self.by_word: dict[str, list[int]] = {}
        for i, sentence_words in enumerate(words):
            for word in sentence_words:
                self.by_word.setdefault(word, []).append(i)
        self.first_name: dict[str, int | None] = {}

    def _sentence_at(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def first_and_latest(self, link: str, i: int) -> list[int]:
        """The first and the latest sentence before sentence ``i`` that mentions ``link`` (none, or one twice)."""
        if i == 0:
            return []
        if not link[:1].isupper():
            seen = self.by_word.get(link, [])
            before = bisect_left(seen, i)
            return [seen[0], seen[before - 1]] if before else []
        if link not in self.first_name:
            at = self.text.find(link)
            self.first_name[link] = None if at < 0 else self._sentence_at(at)
        first = self.first_name[link]
        if first is None or first >= i:
            return []
        return [first, self._sentence_at(self.text.rfind(link, 0, self.ends[i - 1]))]


def focus(text: str) -> str:
    """``text`` with every sentence the extractors cannot use blanked: same length, same offsets."""
    kept = relevant_units(text)
    if not kept:
        return ""
    out = list(re.sub(r"[^\n]", " ", text))
    for unit in kept:
        out[unit.start:unit.end] = text[unit.start:unit.end]
    start = 0
    for line in text.split("\n"):
        found = heading(line)
        if found is not None:  # the heading dates the line (:func:`.dates.heading_date`); parsed, it garbles it
            out[start:start + found.end()] = " " * found.end()
        start += len(line) + 1
    return "".join(out)
