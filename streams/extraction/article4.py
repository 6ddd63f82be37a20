"""Article 4 requests: a NATO member requested, invoked or will ask for consultations under Article 4.

The requester is the subject of "invoke"/"request"/"ask for" (with the states listed
along with it), "Poland's request", "at the request of Estonia", "requested by
Croatia". A request considered, ruled out, negated or conditional is none, and a
meeting "at Turkey's request" is only an Article 4 request where the sentence (or,
for a plain "triggered the first session", the article) names Article 4.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from streams.extraction.clauses import (conditional, coordinated, doubted, generic, governing_verb, negated, own_clause,
                                        partners, preceding_subject, state_of, subject)
from streams.extraction.dates import date_near, dated_again, listed_days, resolve
from streams.extraction.lexicon import (ARTICLE4_ANAPHORS, ARTICLE4_GATHERINGS, ARTICLE4_INVOKING, ARTICLE4_NAMED_ONLY_TOPICS, ARTICLE4_REQUEST_WORDS,
                                        ARTICLE4_SELF_NOUNS, ARTICLE4_TOPICS, CAUSING_VERBS, CONSULTATION_PRONOUNS, DEFINITE, DOUBTING_HEADS,
                                        INTENT_MODALS, LIST_OPENERS, MODALS, NATO_MEMBERS, POINTING_DETERMINERS, PREDICTING_WORDS,
                                        REPETITION_ADVERBS, REQUEST_MAKING_VERBS, REQUESTER_PREPOSITIONS,
                                        REQUESTER_PRONOUNS)
from streams.extraction.mentions import Context, Mention
from streams.extraction.model import FuzzyDate
from streams.extraction.nlp import entities, text_of
from streams.extraction.platforms import nationality

ARTICLE4 = re.compile(r"\bArticle\s+(?:4|four|IV)\b", re.I)
# "a meeting under Article 4", "the session, held under Article 4", "the talks were held under Article 4" (a finite
# verb, any tense): a gathering the article says is one of Article 4
ARTICLE4_GATHERING = re.compile(r"\b(?:%s)\b(?:,?\s+(?:(?:has|have|had|is|are|was|were|will)\s+(?:be\s+|been\s+|being\s+)?)?"
                                r"(?:held|convened|called))?\s+under\s+Article\s+(?:4|four|IV)\b"
                                % "|".join(sorted(ARTICLE4_GATHERINGS)), re.I)
GATHERING_WORD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(ARTICLE4_GATHERINGS)), re.I)


def _making(word: Token) -> Token | None:
    """The verb that makes a request noun the act of requesting: "made the request", "submitted a request"."""
    head = word.head
    return head if word.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in REQUEST_MAKING_VERBS else None


def _requesters(word: Token) -> list[Token]:
    """Who asked: subjects of "invoke"/"request" with the states listed along with them ("eight allies - A, B
    and C -", "A, joined by B", "together with C"), "Poland's request", "the request of Estonia", "A made the
    request"."""
    verb = _making(word) if word.pos_ in {"NOUN", "PROPN"} else word
    holders: list[Token] = []
    if word.pos_ in {"NOUN", "PROPN"}:
        holders = [c for c in word.children if c.dep_ == "poss"]
        holders += [obj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in REQUESTER_PREPOSITIONS
                    for obj in prep.children if obj.dep_ == "pobj"]
    if not holders and verb is not None:
        # "prompting Denmark to invoke Article 4", "led Poland to request talks": the object asks, not the subject
        # the parser hangs the infinitive on the causing verb as its complement or, as often, as an adverbial clause
        infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                           for c in verb.children))
        caused = infinitive and verb.head.lemma_.lower() in CAUSING_VERBS
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None) if caused else None
        asker = controller or preceding_subject(verb) or subject(verb)
        if asker is None and verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children):
            asker = verb.head  # "four members - A, B and C - asked on Monday ...": the verb misread as a participle
        if asker is None or asker.lemma_.lower() == "article":
            asker = _passive_by(verb)
        holders = [asker] if asker is not None and asker.lemma_.lower() != "article" else []
        holders += partners(verb)
    holders = [_speaker(h) if h.lower_ in REQUESTER_PRONOUNS else h for h in holders]
    return [t for holder in holders for t in coordinated(holder)]


def _passive_by(verb: Token) -> Token | None:
    """ "This article was invoked mainly by Turkey": who did a passive request, where the parser hangs "by" on the
    verb as a plain preposition (an adverb before it, "mainly by", "twice by") rather than as its agent."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "by"
                 for o in prep.children if o.dep_ == "pobj"), None)


def _speaker(pronoun: Token) -> Token:
    """ "X said it was triggering Article 4": "it" in what a state says is that state."""
    verb = pronoun.head
    while verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "ccomp":
        return pronoun
    speaker = subject(verb.head)
    return speaker if speaker is not None and speaker.lower_ not in REQUESTER_PRONOUNS else pronoun


def _requester_state(token: Token) -> str | None:
    code = state_of(token) or nationality([t for t in token.subtree if t.i <= token.i])
    return code if code in NATO_MEMBERS else None


def _asks_for_article4(word: Token, named: bool) -> bool:
    """A request verb or noun about Article 4 consultations, not negated, doubted or merely considered.

    Where the sentence does not name Article 4 (named is False) but the article does, only a verb asking
    for consultations or a session, or a request made ("made the request"), counts: "Poland triggered the
    first session". Where it does, "requested them" asks for the consultations it names.
    """
    made = word.pos_ in {"NOUN", "PROPN"} and _making(word) is not None
    if word.lemma_.lower() not in ARTICLE4_REQUEST_WORDS or (
            not named and word.pos_ not in {"VERB", "AUX"} and not made):
        return False
    topics = ARTICLE4_TOPICS if named else ARTICLE4_TOPICS - ARTICLE4_NAMED_ONLY_TOPICS
    if named or word.lemma_.lower() in ARTICLE4_INVOKING:
        topics = topics | CONSULTATION_PRONOUNS
    topics = topics | {t.lower_ for t in word.children if _named_again(t)}
    # "would ask allies for air defence but was not seeking consultations": not what a negated clause beside it names
    refused = {t.i for c in word.subtree if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and negated(c)
               for t in c.subtree}
    described = [word.head] if word.dep_ == "acl" else []  # "the consultations requested by X"
    if word.lower_ != "request" and not made and not any(t.lemma_.lower() in topics or t.lower_ in topics
                                                         for t in [*word.subtree, *described]
                                                         if t != word and t.i not in refused):
        return False
    verb = _making(word) if made else word
    return not (verb.pos_ in {"VERB", "AUX"} and (doubted(verb, MODALS - INTENT_MODALS, DOUBTING_HEADS | {"need"})
                                                  or _predicted(verb)))


def _predicted(verb: Token) -> bool:
    """ "X said it was very likely that the envoy would invoke Article 4", "Y is expected to request talks": a
    request someone forecasts has not been made; the intent modal that lets "Z would ask for consultations" count
    as a request reads, under a forecast, as the forecast's tense."""
    for governor in [verb, *list(verb.ancestors)[:3]]:
        if governor.lemma_.lower() in PREDICTING_WORDS or governor.lower_ in PREDICTING_WORDS:
            return True
        if any(c.dep_ == "acomp" and c.lower_ in PREDICTING_WORDS for c in governor.children):
            return True
    return False


def _named_again(obj: Token) -> bool:
    """ "Turkey has used the option twice", "the clause was invoked by X": in a story that names Article 4, "the
    option", "the clause", "this article" is it again (only as what a request verb asks for, only with "the" or
    "this": "an option" is any, and not one a phrase of its own says: "the option to close the border")."""
    pointed = obj.lemma_.lower() in ARTICLE4_SELF_NOUNS and any(c.dep_ == "det" and c.lower_ in POINTING_DETERMINERS
                                                               for c in obj.children)
    return (obj.dep_ in {"dobj", "nsubjpass"} and (obj.lemma_.lower() in ARTICLE4_ANAPHORS or pointed)
            and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children)
            and not any(c.dep_ in {"acl", "relcl", "prep"} for c in obj.children))  # "the option to close a border"


def _future(verb: Token) -> bool:
    """ "the council will meet on Tuesday at Turkey's request": a day still to come dates no request."""
    return any(c.dep_ == "aux" and c.lower_ in INTENT_MODALS for c in verb.children)


def _request_date(sentence: Span, word: Token, context: Context) -> tuple[FuzzyDate | None, bool]:
    """The date of the request: in its own clause, not in a clause about what prompted it ("after drones crossed
    on Friday") or about the meeting ("which are held on Tuesday"); else elsewhere in the sentence ("said on
    Sunday"); else the month of what prompted it; none from a clause about the future."""
    clause = word if word.pos_ in {"VERB", "AUX"} else governing_verb(word) or word
    own = own_clause(clause)
    if _future(clause):
        others = {t.i for t in clause.subtree}
        rest = [t for t in sentence if t.i not in others]
        return date_near(sentence, word, context.published, rest, scope_only=True), False
    date = date_near(sentence, word, context.published, own, scope_only=True)
    if date is not None:
        return date, True
    nested = {t.i for t in clause.subtree} - {t.i for t in own}
    rest = [t for t in sentence if t.i not in nested]
    elsewhere = date_near(sentence, word, context.published, rest, scope_only=True)
    if elsewhere is not None:
        return elsewhere, False
    prompted = date_near(sentence, word, context.published)  # "invoked it after drones crossed in September"
    if prompted is not None and prompted.precision == "day":
        prompted = FuzzyDate(prompted.value[:7], "month")  # on or soon after that day: its month
    return prompted, False


def _occasions(sentence: Span, word: Token, context: Context) -> list[FuzzyDate]:
    """ "used the option twice in 2012 and once in 2015", "three times, once during the 2003 war and twice, two years
    ago": the requests a sentence counts out after the request word, each count with its own date, one date per
    request; none unless every count has a date."""
    marks = [(t, REPETITION_ADVERBS[t.lower_]) for t in sentence if t.i > word.i and t.lower_ in REPETITION_ADVERBS
             and _counting(t)]
    occasions = _listed_before_count(sentence, word, marks[0][0] if marks else None, context)
    if sum(times for _, times in marks) + len(occasions) < 2:
        return []
    for k, (mark, times) in enumerate(marks):
        end = marks[k + 1][0].i if k + 1 < len(marks) else sentence.end
        days = [d for ent in entities(sentence) if ent.label_ == "DATE" and mark.i < ent.start < end
                for d in [resolve(ent.text, context.published)] if d]
        listed = listed_days([t for t in sentence if mark.i < t.i < end], context.published)
        if not days:
            return []
        occasions += listed if len(listed) == times else [days[0]] * times  # "twice, in A and B": one each
    return occasions


def _listed_before_count(sentence: Span, word: Token, mark: Token | None, context: Context) -> list[FuzzyDate]:
    """ "was invoked several times: in 2003 over Iraq, and twice in 2012": after a colon or dash that opens the list
    of the requests a sentence has counted, each date before the first count ("twice") is one request."""
    opener = next((t for t in sentence if t.i > word.i and t.lower_ in LIST_OPENERS), None)
    if opener is None or mark is None or mark.i < opener.i:
        return []
    return [d for ent in entities(sentence) if ent.label_ == "DATE" and opener.i < ent.start < mark.i
            for d in [resolve(ent.text, context.published)] if d]


def _listed(word: Token, context: Context) -> list[FuzzyDate]:
    """ "has invoked Article 4 three times, in 2003, 2012 and 2015", "invoked it in 2012 and again in 2015": the dates
    a request's own clause lists, one request a date (none for a single date: that one dates the request)."""
    clause = word if word.pos_ in {"VERB", "AUX"} else governing_verb(word) or word
    days = listed_days(own_clause(clause), context.published) or dated_again(list(clause.subtree), context.published)
    return days if len(days) > 1 else []


def _counting(word: Token) -> bool:
    """ "once in 2015", "twice, two years ago": a count of times, not "once again" nor "once the talks began"."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    if following is not None and following.lower_ == "again":
        return False
    return word.pos_ == "ADV" or (following is not None and following.pos_ == "ADP")


def article4_requests(sentence: Span, context: Context) -> list[Mention]:
    """One mention per NATO member the sentence says requested (or will request) Article 4 consultations."""
    # a sentence about the meeting the article says is held under Article 4 names it as well as one that says so
    named = ARTICLE4.search(text_of(sentence)) is not None or (
        context.article4_meeting and GATHERING_WORD.search(text_of(sentence)) is not None)
    if not named and not context.article4_named:
        return []
    mentions: dict[str, Mention] = {}
    for word in sentence:
        if not _asks_for_article4(word, named):
            continue
        date, in_clause = _request_date(sentence, word, context)
        future = _future(word if word.pos_ in {"VERB", "AUX"} else governing_verb(word) or word)
        if date is None and context.request_dates and not future:
            date = context.request_dates[-1]  # "A, B and C made the request": the one reported before
        askers = _requesters(word)
        if date is not None and askers and not any(generic(a) for a in askers):  # not "allows any ally to ask"
            context.request_dates.append(date)
        occasions = _occasions(sentence, word, context) or _listed(word, context)
        for requester in askers:
            code = _requester_state(requester) or _asker_before(requester, context)
            if code and code not in mentions:
                mentions[code] = Mention(kind="article4_request", country=code, field=context.field, sentence=sentence,
                                         rule="article4.request", occurred_on=date, date_in_clause=in_clause)
                for k, day in enumerate(occasions):
                    mentions[f"{code}/{k}"] = replace(mentions[code], rule="article4.occasions", occurred_on=day,
                                                      date_in_clause=True, occasion=k + 1)
                if occasions:
                    del mentions[code]
    if named and not mentions:
        mentions = {code: Mention(kind="article4_request", country=code, field=context.field, sentence=sentence,
                                  rule="article4.misparsed_request", occurred_on=date_near(sentence, sentence.root, context.published),
                                  date_in_clause=False)
                    for code in _misparsed_requesters(sentence)}
    return list(mentions.values())


def _asker_before(pronoun: Token, context: Context) -> str | None:
    """ "Estonia requested consultations on Tuesday. It has invoked it once before, in 2014.": "it" that no speaker
    stands for, asking again, is the state whose request the story told last."""
    if pronoun.lower_ not in REQUESTER_PRONOUNS - {"we"}:
        return None
    return next((m.country for m in reversed(context.reported) if m.kind == "article4_request"), None)


def _misparsed_requesters(sentence: Span) -> list[str]:
    """When the parser misreads the request ("Poland has since requested consultations under Article 4"
    parsed with "requested" as an adjective, "Latvia requests Article 4 consultations" as a noun phrase): the
    subject states of a sentence with a request verb form in it and no negation, modal or condition."""
    verbs = [t for t in sentence if t.lemma_.lower() in ARTICLE4_REQUEST_WORDS and t.tag_ in {"VBD", "VBN", "VBZ"}]
    # "Latvia requests Article 4 consultations": the verb read as a plural noun with the state as its modifier
    nouns = [t for t in sentence if t.lower_ == "requests" and t.tag_ == "NNS"]
    if not verbs + nouns or any(negated(t) or conditional(t) or t.lower_ in MODALS for t in sentence):
        return []
    subjects = [t for t in sentence if t.dep_ == "nsubj" and t.pos_ == "PROPN"]
    subjects += [c for noun in nouns for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return list(dict.fromkeys(code for s in subjects for t in coordinated(s) for code in [_requester_state(t)] if code))
