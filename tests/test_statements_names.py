"""A person named in full once and then by a shorter form: the surname without the particle it carried, or the name
after a rank or a word of address (invented sentences)."""

from __future__ import annotations

from articles import run


def speakers(body: str) -> list[str]:
    return [s.speaker.name for s in run(body).statements]


def test_a_surname_repeated_without_its_hyphened_particle_is_the_full_name() -> None:
    body = ("Militia commander Tariq al-Hamdan said his fighters were shelled on Monday. \"We lost two trucks "
            "and a radio,\" Hamdan said.")
    assert speakers(body) == ["Tariq al-Hamdan", "Tariq al-Hamdan"]


def test_a_surname_repeated_without_a_particle_written_apart_is_the_full_name() -> None:
    body = ("Port director Ludwig van Berg said the cranes stood idle for an hour. Berg told reporters the radar "
            "had picked up three small craft.")
    assert speakers(body) == ["Ludwig van Berg", "Ludwig van Berg"]


def test_a_rank_before_a_repeated_given_name_is_no_part_of_it() -> None:
    body = ("Regional commander Lt Col Bayu Santoso said that six foreign planes had been turned back. "
            "None of the crews resisted, Lt Col Bayu said.")
    names = speakers(body)
    assert len(names) == 2 and names[0] == names[1] and names[1].endswith("Bayu Santoso")


def test_a_word_of_address_before_a_repeated_surname_is_no_part_of_it() -> None:
    body = ("Harbour master Grace Mwangi said two launches were inspected at dawn. \"Nothing illegal was "
            "aboard,\" Mrs Mwangi said.")
    assert speakers(body) == ["Grace Mwangi", "Grace Mwangi"]


def test_near_miss_the_second_half_of_a_double_surname_is_not_a_particle_form() -> None:
    body = ("Harbour master Anna Smith-Okoro said two launches were inspected at dawn. Later, a fisherman named "
            "Okoro said he had seen nothing.")
    assert "Anna Smith-Okoro" in speakers(body) and speakers(body).count("Anna Smith-Okoro") == 1
