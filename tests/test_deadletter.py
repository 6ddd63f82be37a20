"""Dead letters too large to send whole are cut ever smaller, down to key and headers, the reason naming the size."""

from __future__ import annotations

from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError
from faust.exceptions import ProducerSendError

from streams.model.deadletter import FIRST_CUT_BYTES, MAX_KEY_BYTES, DeadLetter, too_large


def test_a_letter_is_tried_whole_then_cut_in_halves_down_to_nothing() -> None:
    letter = DeadLetter.of(b"k", b"x" * (3 * 1024 * 1024), "not JSON: unexpected character", "validate")
    tries = list(letter.smaller())
    assert tries[0] == letter and tries[0].headers["error.reason"] == b"not JSON: unexpected character"
    sizes = [len(t.value or b"") for t in tries]
    assert sizes[1] == FIRST_CUT_BYTES and sizes[-1] == 0
    assert all(b == a // 2 for a, b in zip(sizes[1:-2], sizes[2:-1]))
    for cut in tries[1:]:
        assert letter.value.startswith(cut.value)  # type: ignore[union-attr]
        assert cut.reason.startswith("not JSON: unexpected character; the record (3145728 bytes, key 1 bytes)")
        assert cut.headers["error.stage"] == b"validate" and cut.at == letter.at


def test_a_small_letter_is_cut_from_half_its_size_and_a_huge_key_only_at_last() -> None:
    letter = DeadLetter.of(b"k" * 5000, b"y" * 1000, "r", "tally")
    sizes = [len(t.value or b"") for t in letter.smaller()]
    assert sizes[:3] == [1000, 500, 250] and sizes[-1] == 0
    *_, last = letter.smaller()
    assert len(last.key or b"") == MAX_KEY_BYTES and all(t.key == letter.key for t in list(letter.smaller())[:-1])


def test_a_tombstone_is_tried_once_then_with_the_note() -> None:
    letter = DeadLetter.of(None, None, "empty value (tombstone)", "validate")
    assert [t.value for t in letter.smaller()] == [None, None]


def test_size_refusals_are_told_from_other_send_failures_also_when_faust_wraps_them() -> None:
    assert too_large(MessageSizeTooLargeError("The message is 17826000 bytes"))
    try:
        try:
            raise MessageSizeTooLargeError("too big")
        except MessageSizeTooLargeError as error:
            raise ProducerSendError("send failed") from error
    except ProducerSendError as wrapped:
        assert too_large(wrapped)
    assert not too_large(KafkaConnectionError("broker down"))
