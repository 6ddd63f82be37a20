"""Feed formats in: ninjs, NewsML-G2, RSS and Atom mapped to raw article events, bad documents reported by file
and field while the rest of the batch goes on, and the seed article in each format deriving the raw JSON's events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from streams import schemas
from streams.inputs import feeds
from streams.inputs.loader import load, read_documents
from streams.kafka.client import read_topic
from streams.model.events import encode_event, upserts_of_each
from streams.model.validation import parse_document

from conftest import DEV_CORPUS, ROOT

SAMPLES = ROOT / "examples" / "feeds"
SEED = DEV_CORPUS / "seed-nato-rutte-2025-09-23.json"

NINJS = {
    "uri": "urn:example:wire:2031-04-02:harbour", "version": "1", "versioncreated": "2031-04-02T08:30:00+02:00",
    "pubstatus": "usable", "language": "en",
    "headlines": [{"role": "sub", "value": "Subtitle"}, {"role": "main", "value": "Harbour drone alarm"}],
    "descriptions": [{"role": "summary", "value": "A drone hovered over a harbour."}],
    "bodies": [{"contenttype": "text/html",
                "value": "<p>A  drone was seen over the harbour of Valdoria on Sunday.</p><p>Police &amp; coast guard searched.</p>"}],
}


def _newsml(guid: str = "tag:example.org,2031:item-7", version: str = "2", status: str = "stat:usable",
            body: str = "<p>Two balloons drifted over the border of Ostrava on Monday.</p>") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}" standard="NewsML-G2">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="wire"/>
    <versionCreated>2031-05-06T07:00:00Z</versionCreated><pubStatus qcode="{status}"/></itemMeta>
  <contentMeta><language tag="en-GB"/><headline>Balloons over the border</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml">
    <html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html></inlineXML></contentSet>
</newsItem>""".encode()


RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title><language>en</language>
<item><title>Jets scrambled</title><guid isPermaLink="false">desk-101</guid>
<pubDate>Wed, 07 May 2031 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighter jets were scrambled over Lumeria.&lt;/p&gt;&lt;p&gt;The ministry said so.&lt;/p&gt;</description></item>
<item><title>No date</title><guid isPermaLink="false">desk-102</guid><description>Text without a date.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:desk</id><updated>2031-05-08T09:00:00Z</updated>
<entry><title>Corrected report</title><id>urn:desk:entry:5</id><link href="https://desk.example/5"/>
<published>2031-05-08T08:00:00Z</published><updated>2031-05-08T09:00:00Z</updated>
<summary>Short.</summary><content type="html">&lt;p&gt;A drone crossed into Velmar airspace.&lt;/p&gt;</content></entry>
</feed>"""


def test_a_plain_token_stays_the_article_id_and_a_uri_is_made_safe_without_merging_two_uris():
    assert feeds.safe_article_id("wire-2031-0042") == "wire-2031-0042"
    first = feeds.safe_article_id("https://example.org/a/b?id=1")
    second = feeds.safe_article_id("https://example.org/a/b?id=1/")
    assert first != second
    assert all(c.isalnum() or c in "._~-" for c in first + second)
    assert len(feeds.safe_article_id("urn:x:" + "y" * 2000)) <= feeds.MAX_ID_LENGTH + 11


def test_html_becomes_text_one_block_a_line_with_entities_decoded_and_scripts_dropped():
    html = "<div>First  line<br>second&nbsp;line</div><script>var x;</script><ul><li>one &amp; two</li></ul>tail"
    assert feeds.html_to_text(html) == "First line\nsecond line\none & two\ntail"  # a no-break space is a space


def test_ninjs_maps_identity_version_time_headline_summary_and_html_body():
    raw = feeds.ninjs_to_raw(NINJS)
    assert raw["article_id"] == feeds.safe_article_id(NINJS["uri"])
    assert (raw["version"], raw["action"]) == (1, "publish")
    assert raw["published_at"] == "2031-04-02T06:30:00Z"
    assert raw["headline"] == "Harbour drone alarm"
    assert raw["standfirst"] == "A drone hovered over a harbour."
    assert raw["body"] == "A drone was seen over the harbour of Valdoria on Sunday.\nPolice & coast guard searched."
    assert not schemas.errors("raw", raw)


@pytest.mark.parametrize("status", ["withheld", "canceled"])
def test_a_withheld_or_canceled_ninjs_item_is_a_kill_of_that_version(status):
    raw = feeds.ninjs_to_raw({**NINJS, "version": "4", "pubstatus": status, "bodies": []})
    assert {k: raw[k] for k in ("action", "version")} == {"action": "kill", "version": 4}
    assert not schemas.errors("raw", raw)


def test_ninjs_1x_body_text_and_a_higher_version_make_an_update():
    old = {k: v for k, v in NINJS.items() if k != "bodies"}
    raw = feeds.ninjs_to_raw({**old, "version": "3", "body_text": "Line one.\r\nLine two."})
    assert (raw["action"], raw["version"], raw["body"]) == ("update", 3, "Line one.\nLine two.")


@pytest.mark.parametrize(("change", "field"), [
    ({"uri": ""}, "uri"), ({"version": "three"}, "version"), ({"version": "0"}, "version"),
    ({"versioncreated": "last Tuesday"}, "versioncreated"), ({"pubstatus": "draft"}, "pubstatus"),
    ({"headlines": "Harbour"}, "headlines"), ({"bodies": [{"value": "   "}]}, "bodies"),
])
def test_a_bad_ninjs_item_names_the_field(change, field):
    with pytest.raises(feeds.FieldError) as raised:
        feeds.ninjs_to_raw({**NINJS, **change})
    assert raised.value.field == field


def test_newsml_g2_item_maps_guid_version_status_language_and_inline_xhtml():
    (raw,) = feeds.newsml_items(_newsml())
    assert isinstance(raw, dict)
    assert raw["article_id"] == feeds.safe_article_id("tag:example.org,2031:item-7")
    assert (raw["version"], raw["action"], raw["language"], raw["source"]) == (2, "update", "en-GB", "wire")
    assert raw["body"] == "Two balloons drifted over the border of Ostrava on Monday."
    (killed,) = feeds.newsml_items(_newsml(status="stat:canceled", body=""))
    assert isinstance(killed, dict) and killed["action"] == "kill"


def test_a_bad_newsml_item_names_the_item_and_the_field():
    (missing,) = feeds.newsml_items(_newsml(guid=""))
    assert isinstance(missing, feeds.FieldError) and missing.field.endswith("newsItem/@guid")
    (no_body,) = feeds.newsml_items(_newsml(body=""))
    assert isinstance(no_body, feeds.FieldError) and no_body.field == "tag:example.org,2031:item-7: contentSet"
    (broken,) = feeds.newsml_items(b"<newsItem guid='x'>")
    assert isinstance(broken, feeds.FieldError) and "well-formed" in broken.message


def test_rss_items_map_and_an_item_without_a_date_is_reported_while_the_other_is_kept():
    good, bad = feeds.feed_items(RSS)
    assert isinstance(good, dict) and isinstance(bad, feeds.FieldError)
    assert (good["article_id"], good["version"], good["published_at"]) == ("desk-101", 1, "2031-05-07T10:00:00Z")
    assert good["body"] == "Fighter jets were scrambled over Lumeria.\nThe ministry said so."
    assert bad.field == "desk-102: pubDate"


def test_an_atom_entry_is_versioned_by_its_updated_time_so_a_later_edit_supersedes_it():
    (raw,) = feeds.feed_items(ATOM)
    assert isinstance(raw, dict)
    assert raw["published_at"] == "2031-05-08T08:00:00Z"
    edited = next(iter(feeds.feed_items(ATOM.replace(b"<updated>2031-05-08T09:00:00Z</updated>\n<summary",
                                                     b"<updated>2031-05-08T10:30:00Z</updated>\n<summary"))))
    assert isinstance(edited, dict) and edited["version"] > raw["version"] > 1
    assert (raw["standfirst"], raw["body"], raw["url"]) == ("Short.", "A drone crossed into Velmar airspace.",
                                                            "https://desk.example/5")


def test_a_batch_keeps_its_good_documents_and_names_the_file_and_field_of_the_bad(tmp_path):
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([NINJS, {**NINJS, "uri": "urn:x:2", "versioncreated": None}]))
    (tmp_path / "feed.rss").write_bytes(RSS)
    (tmp_path / "broken.xml").write_bytes(b"<rss><channel><item>")
    loaded = load([tmp_path])
    assert sorted(d["article_id"] for d in loaded.documents) == sorted(["desk-101", feeds.safe_article_id(NINJS["uri"])])
    problems = {(Path(p.path).name, p.field) for p in loaded.problems}
    assert problems == {("batch.json", "versioncreated"), ("feed.rss", "desk-102: pubDate"), ("broken.xml", "item #1: guid")}
    assert "not well-formed" in next(p.message for p in loaded.problems if p.path.endswith("broken.xml"))


def _derived_with_id(path: Path) -> list[dict]:
    """Derived events of the one article in ``path``, its article id written as the raw seed's."""
    (document,) = read_documents([path])
    article = parse_document(document)
    (events,) = upserts_of_each([article])
    seed_id = orjson.loads(SEED.read_bytes())["article"]["article_id"]
    encoded = b"[" + b",".join(encode_event(e) for e in events) + b"]"
    return orjson.loads(encoded.replace(document["article_id"].encode(), seed_id.encode()))


@pytest.mark.shared
def test_the_seed_in_ninjs_newsml_and_rss_derives_the_same_events_as_its_raw_json():
    expected = _derived_with_id(SEED)
    assert len(expected) > 3, "the seed yields incidents and statements"
    for name in ("seed-nato-rutte.ninjs.json", "seed-nato-rutte.newsml.xml", "seed-nato-rutte.rss.xml"):
        assert _derived_with_id(SAMPLES / name) == expected, name


@pytest.mark.integration
def test_newsroom_publish_sends_each_format_and_reports_a_bad_file_by_name_and_field(settings, run, tmp_path):
    bad = tmp_path / "bad.ninjs.json"
    bad.write_text(json.dumps({**NINJS, "pubstatus": "draft"}))
    env = {**os.environ, "KAFKA_BOOTSTRAP": settings.bootstrap, "NEWSROOM_TOPIC_PREFIX": settings.topics.prefix,
           "NEWSROOM_LOG_FORMAT": "json", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "publish", str(SAMPLES), str(bad)], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert str(bad).encode() in done.stderr and b'"field":"pubstatus"' in done.stderr.replace(b" ", b"")
    published = [orjson.loads(value) for _, value, _ in run(read_topic(settings, settings.topics.raw))]
    assert sorted(published, key=lambda d: d["article_id"]) == sorted(read_documents([SAMPLES]),
                                                                       key=lambda d: d["article_id"])
