"""Synthetic wire stories for benchmarks: relevant (incidents, statements) and irrelevant news, varied.

Deterministic for a seed, so two benchmark runs push the same texts.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

VICTIMS = ["Finland", "Latvia", "Lithuania", "Sweden", "Germany", "Bulgaria", "Moldova", "Slovakia", "Hungary",
           "South Korea", "the Philippines", "Czechia", "Georgia", "Greece"]
DEMONYM = {"Finland": "Finnish", "Latvia": "Latvian", "Lithuania": "Lithuanian", "Sweden": "Swedish",
           "Germany": "German", "Bulgaria": "Bulgarian", "Moldova": "Moldovan", "Slovakia": "Slovak",
           "Hungary": "Hungarian", "South Korea": "South Korean", "the Philippines": "Philippine",
           "Czechia": "Czech", "Georgia": "Georgian", "Greece": "Greek"}
VIOLATORS = ["Russian", "Belarusian", "Chinese", "North Korean"]
PLATFORMS = [("drones", "drone"), ("fighter jets", "aircraft"), ("military helicopters", "aircraft"),
             ("reconnaissance balloons", "balloon"), ("cruise missiles", "missile")]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIRST = ["Anna", "Jonas", "Katarzyna", "Mikko", "Ingrid", "Petra", "Lukas", "Elena", "Tomas", "Sofia", "Hyun", "Maria"]
LAST = ["Virtanen", "Kowalski", "Berzins", "Lindqvist", "Novak", "Horvath", "Popescu", "Kim", "Reyes", "Bauer"]
ROLES = ["Defence Minister", "Foreign Minister", "Prime Minister", "President", "army spokesperson"]
TOPICS = [
    ("Central bank holds interest rates", "The central bank kept its main rate unchanged on {day}, citing slowing inflation and a cooling labour market. Analysts had expected the decision. Markets rose modestly after the announcement, and the currency was little changed against the euro."),
    ("Storm disrupts rail traffic", "Heavy rain and strong winds disrupted rail services across the north of the country on {day}. Several lines were closed while crews cleared fallen trees. The operator said most routes would reopen by the evening, and urged travellers to check timetables."),
    ("Football club names new coach", "The club appointed a new head coach on {day} after a run of poor results. The former assistant signed a two-year contract. Supporters gathered outside the stadium as the team prepared for the weekend match against its city rivals."),
    ("Tech firm reports record sales", "The company reported record quarterly sales on {day}, driven by demand for its cloud services. Its shares climbed in early trading. The chief executive said the firm would hire more engineers next year and expand its data centres."),
    ("City opens new library", "A new public library opened in the city centre on {day}, with space for more than 200,000 books and a rooftop garden. The mayor thanked volunteers who helped move the collection. Opening hours will be extended during the exam season."),
]


def _relevant(rnd: random.Random, published: dt.datetime) -> tuple[str, str]:
    victim, violator = rnd.choice(VICTIMS), rnd.choice(VIOLATORS)
    words, _platform = rnd.choice(PLATFORMS)
    number, day = rnd.choice(NUMBERS), WEEKDAYS[(published.weekday() - rnd.randint(1, 5)) % 7]
    minutes = rnd.choice(["four", "nine", "12", "20", "30"])
    name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    role = rnd.choice(ROLES)
    adjective = DEMONYM[victim]
    headline = f"{violator} {words} violate {adjective} airspace"
    body = (
        f"{number.capitalize()} {violator} {words} entered {adjective} airspace on {day} and stayed for "
        f"{minutes} minutes before turning back, the {adjective} armed forces said.\n"
        f"{adjective} {role} {name} called the incursion \"a deliberate and dangerous provocation\" and said "
        f"the government would summon the ambassador.\n"
        f"\"We will defend every part of our territory,\" {name.split()[-1]} told reporters after an emergency meeting.\n"
        f"Officials said air traffic was briefly halted at two regional airports while the situation was assessed.\n"
        f"The foreign ministry said in a statement that it had lodged a formal protest."
    )
    return headline, body


def _irrelevant(rnd: random.Random, published: dt.datetime) -> tuple[str, str]:
    headline, template = rnd.choice(TOPICS)
    day = WEEKDAYS[(published.weekday() - rnd.randint(0, 3)) % 7]
    extra = " ".join(rnd.sample([
        "Officials expect the figures to be revised next month.",
        "The opposition criticised the timing of the announcement.",
        "Local businesses welcomed the news.",
        "A review of the programme is due in the spring.",
        "Similar measures were introduced in neighbouring regions last year.",
    ], 3))
    return headline, template.format(day=day) + "\n" + extra


def generate(count: int, seed: int = 7, relevant_share: float = 0.5, start: dt.datetime | None = None) -> list[dict[str, Any]]:
    """``count`` raw article events, about ``relevant_share`` of them about airspace incidents."""
    rnd = random.Random(seed)
    start = start or dt.datetime(2025, 10, 1, tzinfo=dt.timezone.utc)
    articles = []
    for n in range(count):
        published = start + dt.timedelta(minutes=17 * n)
        relevant = rnd.random() < relevant_share
        headline, body = (_relevant if relevant else _irrelevant)(rnd, published)
        articles.append({
            "article_id": f"bench-{seed}-{n:06d}", "version": 1, "action": "publish",
            "published_at": published.isoformat().replace("+00:00", "Z"), "source": "bench", "language": "en",
            "headline": headline, "body": body,
        })
    return articles
