"""A synthetic national plan of any size, in the same text form as the NIN extract (for load tests)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
HEADER = ["Ukrepi:", "Namen ukrepa", "Nosilec ukrepa", "Sodelujoči", "Finančni vir ", "Ocena finanč sredstev",
          "Rok izvedbe", "Kazalnik-i"]  # fmt: skip
HOLDERS = ["MDDSZ", "MSP", "MZ", "MDDSZ, MSP"]
SOURCES = ["Proračun RS", "OP EKP 2021 - 2027", "ESS+/SLO", "Proračun RS – sredstva za financiranje redne dejavnosti"]


def synthetic_plan_text(measures: int, *, start: int = 2027, end: int = 2030) -> bytes:
    """A plan with `measures` measures over three goals, each with holders, money, deadlines and indicators."""
    lines = [f"NACIONALNI IZVEDBENI NAČRT NA PODROČJU SOCIALNEGA VARSTVA {start} – {end}", ""]
    per_goal = -(-measures // 3)
    for goal in (1, 2, 3):
        count = min(per_goal, measures - (goal - 1) * per_goal)
        if count <= 0:
            break
        lines += [f"\t{goal}. Cilj: Sintetični cilj {goal}", ""] + [f"\t{h}" for h in HEADER]
        for n in range(1, count + 1):
            lines += _row(goal, n, start, end)
        lines += ["", "", "", "", f"Konec preglednice za cilj {goal}.", ""]
    return "\n".join(lines).encode("utf-8")


def _row(goal: int, n: int, start: int, end: int) -> list[str]:
    i = goal * 1000 + n
    return [
        f"\tUkrep {goal}.{n}: Sintetični ukrep {goal}.{n} za preizkus obremenitve",
        f"\tNamen sintetičnega ukrepa {goal}.{n}: razvoj storitev v skupnosti.",
        f"\t{HOLDERS[i % len(HOLDERS)]}",
        "\tCSD, IRSSV, NVO",
        f"\t{SOURCES[i % len(SOURCES)]}",
        f"\tLeto {start}: {_eur(1_000_000 + i * 1000)} EUR, \nleto {start + 1}: {_eur(2_000_000 + i * 1000)} EUR",
        f"\t31. 12. {start + (i % (end - start + 1))}",
        f"\tŠtevilo vključenih oseb: ciljna vrednost {100 + n} oseb.",
    ]


def _eur(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")
