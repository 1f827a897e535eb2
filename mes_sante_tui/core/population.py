"""A large fictitious population, for performance and realism (`seed --taille N`).

Households of 1 to 5 people: one or two adults, each with a Vitale card (with or without
photo), and children attached to the first adult (no card of their own: they are on the
parent's). Every NIR is valid for the service (sex 1 or 2, month 01-12, correct key,
départements 01-95, 2A/2B, overseas 971-976, born abroad 99) and unique in the store, the
personas included. Most adults have a fictitious e-mail (`@exemple.fr`) and a mobile; some
have only one of them, a few neither (letter only). Everyone is "En attente de décision".

Speed is the point (a million people in well under two minutes on a small machine): ids are
chosen here so that rows go in with `executemany` (`Store.bulk_insert`, hand-written on
purpose: measured there), in batches, inside ONE transaction; the
secondary indexes are dropped and rebuilt around a large insert (rebuilding the unique NIR
index is also the final proof that no number is repeated); no per-row argon2, no outbox
message.

Like the real rollout, which sent its letters and e-mails in waves through its files, the
households were informed one after the other over the last four weeks, in the order of their
ids (`information_sent_at`, in quarters of an hour, the first household four weeks ago, the
last one now), so that moving the clock six weeks ahead creates every generated profile
that nobody decided about.

Provisional codes: none by default, so the generated people cannot take the code-first
journey until they ask for a new code. With `codes_hasher`, each person gets an information
code (a row in `provisional_codes`, no outbox message) that `population_code(seed, nir)`
gives back in clear: fictitious data, so a trainer or a benchmark may know every code.

Deterministic: the same seed, clock and store contents give the same people.
"""

from __future__ import annotations

import calendar
import hashlib
import random
import unicodedata
from collections.abc import Callable
from datetime import timedelta

from .clock import Clock
from .codeformat import PROVISIONAL_CODE_LENGTH
from .codes import _READABLE, CodeHasher
from .models import CardModel
from .nir import _CORSICA
from .settings import Settings
from .store import Store
from .vitale import PHOTO_PREFIX, TECHNICAL_NUMBER

# Below this many new people, rebuilding indexes costs more than it saves.
_REBUILD_MIN = 10_000
_TABLES_REINDEXED = ("people", "cards", "provisional_codes")
# A larger page cache while the transaction runs, so that it spills less (KiB, negative).
_BULK_CACHE_KIB = 65_536

_FIRST_NAMES = (
    # sex 1
    (
        "Adam", "Alexandre", "André", "Antoine", "Arthur", "Baptiste", "Benoît", "Bernard",
        "Christian", "Clément", "Daniel", "David", "Didier", "Éric", "Étienne", "Fabrice",
        "François", "Gabriel", "Gérard", "Guillaume", "Hugo", "Jacques", "Jean", "Jérôme",
        "Jules", "Julien", "Karim", "Laurent", "Léo", "Louis", "Lucas", "Marc", "Mathis",
        "Maxime", "Michel", "Mohamed", "Nathan", "Nicolas", "Noé", "Olivier", "Pascal",
        "Patrick", "Paul", "Philippe", "Pierre", "Raphaël", "Rémi", "Samuel", "Stéphane",
        "Théo", "Thierry", "Thomas", "Tom", "Valentin", "Vincent", "Yann", "Yanis",
    ),
    # sex 2
    (
        "Agathe", "Alice", "Amandine", "Anne", "Aurélie", "Camille", "Caroline", "Céline",
        "Chloé", "Christine", "Claire", "Clémence", "Emma", "Élodie", "Fatima", "Françoise",
        "Gabrielle", "Hélène", "Inès", "Isabelle", "Jade", "Jeanne", "Julie", "Juliette",
        "Laura", "Léa", "Léna", "Louise", "Lucie", "Manon", "Margaux", "Marie", "Martine",
        "Mathilde", "Monique", "Nadia", "Nathalie", "Nicole", "Noémie", "Océane", "Pauline",
        "Rose", "Sandrine", "Sarah", "Sophie", "Stéphanie", "Sylvie", "Valérie", "Véronique",
        "Yasmine", "Zoé",
    ),
)
_LAST_NAMES = (
    "Andre", "Arnaud", "Aubert", "Barbier", "Bernard", "Bertrand", "Blanc", "Bonnet",
    "Bourgeois", "Boyer", "Brun", "Carpentier", "Caron", "Chevalier", "Clément", "Colin",
    "Da Silva", "Dubois", "Dufour", "Dumont", "Dupont", "Durand", "Fabre", "Fontaine",
    "Fournier", "Francois", "Garcia", "Garnier", "Gauthier", "Gautier", "Gérard", "Girard",
    "Giraud", "Guerin", "Henry", "Hoarau", "Jean", "Joly", "Lambert", "Laurent", "Le Gall",
    "Le Goff", "Lefebvre", "Lefèvre", "Legrand", "Lemaire", "Leroy", "Lucas", "Marchand",
    "Martin", "Masson", "Mathieu", "Mercier", "Meunier", "Michel", "Moreau", "Morel",
    "Morin", "Muller", "Nicolas", "N'Diaye", "Olivier", "Paris", "Perrin", "Petit", "Picard",
    "Rey", "Richard", "Robert", "Robin", "Roche", "Roussel", "Roux", "Santoni", "Simon",
    "Thomas", "Vidal", "Vincent",
)

# Where people were born: metropolitan départements (no 20: Corsica is 2A/2B), overseas
# (3-digit département, 2-digit commune) and abroad (99, then a country code).
_METROPOLE = tuple(f"{d:02d}" for d in range(1, 96) if d != 20) + ("2A", "2B")
_OVERSEAS = ("971", "972", "973", "974", "976")
_COUNTRIES = ("109", "111", "127", "131", "134", "139", "216", "217", "321", "350", "351",
              "352", "354", "372", "406", "412")

_EMAIL_DOMAIN = "exemple.fr"

# Zero-padded numbers, by value: a NIR and a date are put together from these pieces rather
# than formatted, a million times each.
_TWO = tuple(f"{n:02d}" for n in range(100))
_THREE = tuple(f"{n:03d}" for n in range(1000))


def _places(prefixes: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Each place prefix (a département, 2A/2B, an overseas one, 99 and a country) with its
    value as the key's digits (Corsica's letters become their digits) and the collision
    key's marker (so that 2A never meets département 19)."""
    return tuple(
        (
            prefix,
            int(_CORSICA.get(prefix[:2], prefix[:2]) + prefix[2:]),
            {"2A": 1, "2B": 2}.get(prefix[:2], 0) * 10**13,
        )
        for prefix in prefixes
    )


_METROPOLE_PLACES = _places(_METROPOLE)
_OVERSEAS_PLACES = _places(_OVERSEAS)
_ABROAD_PLACES = _places(tuple("99" + country for country in _COUNTRIES))


def _ascii(name: str) -> str:
    """"Gérard" → "gerard", "Le Gall" → "legall": the e-mail form of a name."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


# Each byte of a digest to one readable character (a slight bias does not matter here).
_CODE_ALPHABET = bytes(ord(_READABLE[b % len(_READABLE)]) for b in range(256))


def population_code(seed: int, nir: str) -> str:
    """The provisional code a generated person "received" (only with `codes_hasher`)."""
    digest = hashlib.blake2b(f"{seed}:{nir}".encode(), digest_size=PROVISIONAL_CODE_LENGTH)
    return digest.digest().translate(_CODE_ALPHABET).decode("ascii")


def _nir_number(nir: str) -> int:
    """A collision key for a NIR as an int (smaller than a str in a set of a million).

    Corsica's letters become their key digits, plus a marker above the 13 digits so that
    2A never meets département 19.
    """
    dept = nir[5:7]
    corsica = _CORSICA.get(dept)
    if corsica is None:
        return int(nir[:13])
    return int(nir[:5] + corsica + nir[7:13]) + (1 if dept == "2A" else 2) * 10**13


def generate_population(
    store: Store,
    size: int,
    *,
    seed: int = 0,
    clock: Clock,
    codes_hasher: CodeHasher | None = None,
    batch: int = 50_000,
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Append `size` generated people to the store, in one transaction; return how many.

    With `codes_hasher`, each person also gets a valid information code, see
    `population_code`. `settings` gives that code's validity (six weeks by default).
    `progress(done, total)` is called as people are made (about every half per cent, with
    increasing counts) and a last time with `(size, size)` once everything is written.
    """
    if size <= 0:
        return 0
    settings = settings or Settings()
    now = clock.now()
    this_year = now.year
    rng = random.Random(seed)
    rand = rng.random

    first_names = [[(n, _ascii(n)) for n in names] for names in _FIRST_NAMES]
    last_names = [(n, _ascii(n)) for n in _LAST_NAMES]
    days_in = {(y, m): calendar.monthrange(y, m)[1]
               for y in range(this_year - 100, this_year + 1) for m in range(1, 13)}
    # "-MM-DD" of each day of each month, by month and day.
    month_days = [[""]] + [
        ["", *(f"-{m:02d}-{d:02d}" for d in range(1, 32))] for m in range(1, 13)
    ]
    today = (now.month, now.day)
    metropole, overseas, abroad = _METROPOLE_PLACES, _OVERSEAS_PLACES, _ABROAD_PLACES
    n_metropole, n_overseas, n_abroad = len(metropole), len(overseas), len(abroad)
    two, three = _TWO, _THREE

    with store.transaction():
        taken = {_nir_number(nir) for nir in store.nirs()}
        existing = len(taken)
        next_person = store.max_id("people")
        next_household = store.max_id("households")
        rebuilt = (
            store.drop_secondary_indexes(_TABLES_REINDEXED)
            if size >= max(_REBUILD_MIN, existing)
            else []
        )
        cache_kib = store.cache_size(-_BULK_CACHE_KIB)

        def new_nir(sex: int, year: int, month: int) -> str:
            """A NIR not taken yet: sex, year, month, place (a département and a commune,
            an overseas one, or abroad and a country), order, key; put together from its
            numbers (the draws, and so the people, are those of the formatted version)."""
            head = sex * 10**12 + (year % 100) * 10**10 + month * 10**8
            while True:
                roll = rand()
                if roll < 0.90:
                    prefix, value, marker = metropole[int(rand() * n_metropole)]
                    commune = int(rand() * 999) + 1
                    place, value = prefix + three[commune], value * 1000 + commune
                elif roll < 0.95:
                    prefix, value, marker = overseas[int(rand() * n_overseas)]
                    commune = int(rand() * 99) + 1
                    place, value = prefix + two[commune], value * 100 + commune
                else:
                    place, value, marker = abroad[int(rand() * n_abroad)]
                order = int(rand() * 999) + 1
                digits = head + value * 1000 + order
                if digits + marker in taken:
                    continue
                taken.add(digits + marker)
                return (f"{sex}{two[year % 100]}{two[month]}{place}{three[order]}"
                        f"{two[97 - digits % 97]}")

        def birth(oldest: int, youngest: int) -> tuple[int, int, str]:
            year = this_year - youngest - int(rand() * (oldest - youngest + 1))
            month = int(rand() * 12) + 1
            day = int(rand() * days_in[year, month]) + 1
            if year == this_year and (month, day) > today:  # born "later this year"
                year -= 1
                day = min(day, days_in[year, month])
            return year, month, f"{year:04d}{month_days[month][day]}"

        people: list[tuple[object, ...]] = []
        cards: list[tuple[object, ...]] = []
        households: list[tuple[object, ...]] = []
        codes: list[tuple[object, ...]] = []
        sex_label = (1, 2)
        validity = settings.information_code_validity

        def flush() -> None:
            store.bulk_insert(households=households, people=people, cards=cards, codes=codes)
            for rows in (people, cards, households, codes):
                rows.clear()

        # Information sent in the last four weeks, so every code is still valid two weeks.
        sent_times = [
            ((sent := now - timedelta(minutes=15 * k)).isoformat(), (sent + validity).isoformat())
            for k in range(28 * 24 * 4)
        ]

        def issue(
            hasher: CodeHasher, person_id: int, nir: str, email: str | None, sent: str, until: str
        ) -> None:
            """The information code's row, sent at `sent`, valid until `until`."""
            channel = "email" if email else "courrier"
            digest = hasher.digest(population_code(seed, nir))
            codes.append((person_id, digest, sent, until, channel))

        made = 0
        report_step = max(1, size // 200)
        report_at = report_step
        # Read once, not a million times: the enums' values, the lists' lengths.
        without_photo, with_photo = CardModel.WITHOUT_PHOTO.value, CardModel.WITH_PHOTO.value
        n_last, n_sent = len(last_names), len(sent_times)
        n_first = [len(names) for names in first_names]
        add_person, add_card = people.append, cards.append
        while made < size:
            next_household += 1
            last, last_ascii = last_names[int(rand() * n_last)]
            households.append((next_household, "Foyer " + last))
            # The household was informed in its turn over the rollout's last four weeks: a
            # catch-up's slice of ids is then a range of the pending index, not pages all
            # over it (at a million, 50 slices each rewrote most of its 9,000 pages).
            sent_at, valid_until = sent_times[n_sent - 1 - made * n_sent // size]
            household_size = 1 + int(rand() * 5)
            if household_size > size - made:
                household_size = size - made
            adults = 1 if household_size == 1 or rand() < 0.3 else 2
            parent_id: int | None = None
            parent_email: str | None = None  # the addressee of a child's information code
            # Plausible ages: parents of young children are 20 to 55, a second adult within
            # 8 years of the first, a child born when the parent was 18 or more.
            oldest, youngest = (55, 20) if household_size > adults else (95, 18)
            twins_of: tuple[int, int, str] | None = None
            for member in range(household_size):
                next_person += 1
                sex = sex_label[int(rand() * 2)]
                first, first_ascii = first_names[sex - 1][int(rand() * n_first[sex - 1])]
                email: str | None = None
                mobile: str | None = None
                if member < adults:
                    year, month, born = birth(oldest, youngest)
                    if member == 0:
                        age = this_year - year
                        oldest, youngest = min(95, age + 8), max(18, age - 8)
                        children_oldest = min(15, age - 18)
                    roll = rand()
                    # 5 % letter only, 10 % mobile only, else an e-mail and mostly a mobile.
                    if roll >= 0.05:
                        if roll < 0.90:
                            email = f"{first_ascii}.{last_ascii}{int(rand() * 100)}@{_EMAIL_DOMAIN}"
                        if roll >= 0.80 or rand() < 0.75:
                            mobile = f"0{6 + int(rand() * 2)}{int(rand() * 100_000_000):08d}"
                    nir = new_nir(sex, year, month)
                    if rand() < 0.6:
                        model = without_photo
                        serial = f"{int(rand() * 9_000_000_000) + 1_000_000_000}"[
                            : 9 + int(rand() * 2)
                        ]
                        while serial in nir:
                            serial = f"{int(rand() * 900_000_000) + 100_000_000}"
                    else:
                        model = with_photo
                        typed = f"{int(rand() * 100_000_000_000):011d}"
                        while typed == TECHNICAL_NUMBER or typed in nir:
                            typed = f"{int(rand() * 100_000_000_000):011d}"
                        serial = PHOTO_PREFIX + typed
                    add_card((next_person, model, serial))
                    if parent_id is None:
                        parent_id, parent_email = next_person, email
                    person_parent: int | None = None
                else:
                    if twins_of is not None and rand() < 0.1:
                        year, month, born = twins_of  # twins share a date of birth
                    else:
                        year, month, born = birth(children_oldest, 0)
                        twins_of = (year, month, born)
                    nir = new_nir(sex, year, month)
                    person_parent = parent_id
                if codes_hasher is not None:
                    address = email if person_parent is None else parent_email
                    issue(codes_hasher, next_person, nir, address, sent_at, valid_until)
                add_person((
                    next_person, next_household, nir, first, last, born, email, mobile,
                    person_parent, sent_at,
                ))
                made += 1
            if len(people) >= batch:
                flush()
            if progress is not None and report_at <= made < size:
                progress(made, size)
                report_at = made + report_step
        flush()
        store.rebuild_indexes(rebuilt)
        store.cache_size(cache_kib)
        if progress is not None:
            progress(made, size)
    # The commit has already copied the pages into the store; give back the WAL file, as
    # large as everything written (inside an outer transaction, that one's commit and the
    # store's closing do it).
    store.checkpoint()
    return made

