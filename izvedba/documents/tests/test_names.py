"""Lists of organisations and funding sources."""

from __future__ import annotations

from izvedba.documents.importers.values.names import split_funding_sources, split_organisations


def names(text: str) -> list[str]:
    return [w.name for w in split_organisations(text)]


def test_it_splits_at_commas_lines_and_the_last_and() -> None:
    assert names("MDDSZ,\nZRSZ") == ["MDDSZ", "ZRSZ"]
    assert names("NVO,\nsocialna podjetja ter\ncentri za socialno delo") == [
        "NVO",
        "socialna podjetja",
        "centri za socialno delo",
    ]
    assert names("Koper, Sežana, Piran in Izola") == ["Koper", "Sežana", "Piran", "Izola"]
    assert names("CSD in UD, delodajalci in ostali deležniki.") == [
        "CSD",
        "UD",
        "delodajalci",
        "ostali deležniki",
    ]


def test_it_keeps_one_name_that_contains_and() -> None:
    assert names("Izvajalci na področju storitev varstveno delovnih centrov in zavodov za usposabljanje") == [
        "Izvajalci na področju storitev varstveno delovnih centrov in zavodov za usposabljanje"
    ]
    assert names("CSD, SCSD, druge institucije in organizacije") == [
        "CSD",
        "SCSD",
        "druge institucije in organizacije",
    ]
    assert names("Izvajalci, izbrani preko javnega naročila") == ["Izvajalci, izbrani preko javnega naročila"]


def test_it_drops_and_others_and_keeps_parentheses_whole() -> None:
    assert names("MZ, Združenje Spominčica in drugi") == ["MZ", "Združenje Spominčica"]
    assert names("izobraževalne ustanove (npr. ljudske univerze), NVO") == [
        "izobraževalne ustanove (npr. ljudske univerze)",
        "NVO",
    ]


def test_it_reads_a_scope_such_as_one_measure_only() -> None:
    written = split_organisations("CSD, ZD (ukrep 10.), VZ Planina (ukrep 9.)")
    assert [(w.name, w.scope) for w in written] == [
        ("CSD", ""),
        ("ZD", "ukrep 10"),
        ("VZ Planina", "ukrep 9"),
    ]


def test_it_splits_funding_sources_only_where_they_are_lists() -> None:
    assert split_funding_sources(
        "Proračun RS – sredstva za financiranje redne dejavnosti in OP EKP 2021-2027 (DI)"
    ) == [
        "Proračun RS – sredstva za financiranje redne dejavnosti",
        "OP EKP 2021-2027 (DI)",
    ]
    long_one = "Splošni dogovor oz. letna uredba o programih, zmogljivostih, potrebnih za izvajanje, in obsegu sredstev"
    assert split_funding_sources(long_one) == [long_one]
    assert split_funding_sources("React EU,\nProračun RS, OP EPK 2021 – 2027") == [
        "React EU",
        "Proračun RS",
        "OP EPK 2021 – 2027",
    ]
    assert split_funding_sources("OP \n2021-2027") == ["OP 2021-2027"]
