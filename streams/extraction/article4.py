"""Article 4 requests: a NATO member requested, invoked or will ask for consultations under Article 4.

The requester is the subject of "invoke"/"request"/"ask for" (with the states listed
along with it), "Poland's request", "at the request of Estonia", "requested by
Croatia". A request considered, ruled out, negated or conditional is none, and a
meeting "at Turkey's request" is only an Article 4 request where the sentence (or,
for a plain "triggered the first session", the article) names Article 4.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from streams.extraction.clauses import (DENYING, MODALS, conditional, coordinated, doubted, governing_verb, negated,
                                        state_of, subject)
from streams.extraction.dates import date_near
from streams.extraction.mentions import Context, Mention
from streams.extraction.lexicon import NATO_MEMBERS
from streams.extraction.platforms import nationality

ARTICLE4 = re.compile(r"\bArticle\s+(?:4|four|IV)\b", re.I)
REQUEST_WORDS = {"invoke", "request", "ask", "call", "seek", "trigger", "activate", "use", "demand", "initiate",
                 "convene"}
ARTICLE4_TOPICS = {"article", "consultation", "meeting", "talks", "session"}
INTENT_MODALS = {"will", "would", "shall"}  # "Estonia would ask for consultations": a request all the same


def _requesters(word: Token) -> list[Token]:
    """Who asked: subjects of "invoke"/"request" with their conjuncts, "Poland's request", "the request of Estonia"."""
    if word.pos_ in {"NOUN", "PROPN"}:
        holders = [c for c in word.children if c.dep_ == "poss"]
        holders += [obj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in {"of", "by", "from"}
                    for obj in prep.children if obj.dep_ == "pobj"]
    else:
        asker = subject(word)
        holders = [asker] if asker is not None and asker.lemma_.lower() != "article" else []
    return [t for holder in holders for t in coordinated(holder)]


def _requester_state(token: Token) -> str | None:
    code = state_of(token) or nationality([t for t in token.subtree if t.i <= token.i])
    return code if code in NATO_MEMBERS else None


def _asks_for_article4(word: Token, named: bool) -> bool:
    """A request verb or noun about Article 4 consultations, not negated, doubted or merely considered.

    Where the sentence does not name Article 4 (named is False) but the article does, only a verb asking
    for consultations or a session counts: "Poland triggered the first session".
    """
    if word.lemma_.lower() not in REQUEST_WORDS or (not named and word.pos_ not in {"VERB", "AUX"}):
        return False
    topics = ARTICLE4_TOPICS if named else ARTICLE4_TOPICS - {"article", "meeting"}
    if word.lower_ != "request" and not any(t.lemma_.lower() in topics or t.lower_ in topics
                                            for t in word.subtree if t != word):
        return False
    return not (word.pos_ in {"VERB", "AUX"} and doubted(word, MODALS - INTENT_MODALS, DENYING | {"need"}))


def article4_requests(sentence: Span, context: Context) -> list[Mention]:
    """One mention per NATO member the sentence says requested (or will request) Article 4 consultations."""
    named = ARTICLE4.search(sentence.text) is not None
    if not named and not context.article4_named:
        return []
    mentions: dict[str, Mention] = {}
    for word in sentence:
        if not _asks_for_article4(word, named):
            continue
        for requester in _requesters(word):
            code = _requester_state(requester)
            if code and code not in mentions:
                clause = word if word.pos_ in {"VERB", "AUX"} else governing_verb(word) or word
                date = date_near(sentence, word, context.published, list(clause.subtree), scope_only=True)
                fallback = None if date else date_near(sentence, word, context.published)
                mentions[code] = Mention(kind="article4_request", country=code, field=context.field, sentence=sentence,
                                         occurred_on=date or fallback, date_in_clause=date is not None)
    if named and not mentions:
        mentions = {code: Mention(kind="article4_request", country=code, field=context.field, sentence=sentence,
                                  occurred_on=date_near(sentence, sentence.root, context.published),
                                  date_in_clause=False)
                    for code in _misparsed_requesters(sentence)}
    return list(mentions.values())


def _misparsed_requesters(sentence: Span) -> list[str]:
    """When the parser misreads the request ("Poland has since requested consultations under Article 4"
    parsed with "requested" as an adjective): the subject states of a sentence with a request verb form in
    it and no negation, modal or condition."""
    verbs = [t for t in sentence if t.lemma_.lower() in REQUEST_WORDS and t.tag_ in {"VBD", "VBN", "VBZ"}]
    if not verbs or any(negated(t) or conditional(t) or t.lower_ in MODALS for t in sentence):
        return []
    subjects = [t for t in sentence if t.dep_ == "nsubj" and t.pos_ == "PROPN"]
    return list(dict.fromkeys(code for s in subjects for t in coordinated(s) for code in [_requester_state(t)] if code))
