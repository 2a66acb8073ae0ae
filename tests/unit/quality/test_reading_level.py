"""Reading level in the course's language (builder/quality/reading_level.py): each language's published formula,
its grade equivalent, the syllable counts it rests on, and the reading-level check and note for those languages.

The paragraphs below were written for these tests, about colleagues helping each other: the easy ones in short
sentences of short words, the hard ones in long sentences of long words."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from builder.quality.readability import readability
from builder.quality.reading_level import (
    FLESCH_EASE_GRADES,
    FORMULAS,
    SYLLABLES,
    Counts,
    counts,
    fernandez_huerta,
    flesch_douma,
    flesch_ease_grade,
    flesch_martins,
    fog_pl,
    gulpease,
    gulpease_grade,
    has_formula,
    kandel_moles,
    lix,
    lix_grade,
    reading_level,
    wiener_sachtextformel,
)
from tests.unit.quality.test_checks import TF, codes, findings_of, write_course
from tests.unit.quality.test_language_notes import notes_for

EASY = {
    "de": "Tom hat eine Frage. Er ruft Anna an. Sie hilft ihm gern. Sie zeigt ihm den Plan. Dann ist alles klar. "
    "Tom sagt danke. Am Nachmittag hat Anna viel zu tun. Jetzt hilft Tom ihr. Er schreibt die Mail an den Kunden. "
    "So geht die Arbeit gut voran. Beide sind froh.",
    "fr": "Paul a une question. Il va voir Léa. Elle a le temps. Elle lit son mail avec lui. Puis elle dit quoi faire. "
    "Paul dit merci. Le soir, Léa a trop de travail. Paul vient l'aider. Il fait deux appels pour elle. "
    "Ils finissent tôt. Tout le monde est content.",
    "es": "Ana tiene una duda. Llama a Luis. Él la ayuda. Miran juntos el plan. Ya está todo claro. "
    "Ana le da las gracias. Por la tarde, Luis tiene mucho que hacer. Ana lo ayuda a él. Escribe al cliente. "
    "Todo sale bien. Los dos se van a casa a su hora.",
    "it": "Marco ha un dubbio. Chiede a Sara. Lei lo aiuta. Leggono la mail insieme. Ora è tutto chiaro. "
    "Marco dice grazie. Nel pomeriggio Sara ha tanto da fare. Marco la aiuta. Scrive lui al cliente. "
    "Va tutto bene. Alle sei vanno a casa.",
    "nl": "Tim heeft een vraag. Hij belt Sanne. Zij helpt hem graag. Ze kijken samen naar het plan. Nu is het klaar. "
    "Tim zegt dank je. Na de lunch heeft Sanne veel werk. Tim helpt haar dan. Hij mailt de klant. Alles gaat goed. "
    "Om vijf uur gaan ze naar huis.",
    "pt": "O Rui tem uma dúvida. Liga à Ana. Ela ajuda-o. Veem o plano juntos. Agora está tudo claro. "
    "O Rui diz obrigado. À tarde, a Ana tem muito que fazer. O Rui ajuda-a. Ele fala com o cliente. "
    "Tudo corre bem. Às seis vão para casa.",
    "pl": "Ola ma pytanie. Dzwoni do Jana. Jan chętnie jej pomaga. Razem patrzą na plan. Teraz wszystko jest jasne. "
    "Ola mówi dziękuję. Po południu Jan ma dużo pracy. Wtedy Ola mu pomaga. Pisze do klienta. "
    "Wszystko idzie dobrze. O piątej idą do domu.",
    "sv": "Eva har en fråga. Hon ringer Per. Han hjälper henne gärna. De läser mejlet ihop. Nu är allt klart. "
    "Eva säger tack. På eftermiddagen har Per mycket att göra. Då hjälper Eva honom. Hon skriver till kunden. "
    "Allt går bra. Klockan fem går de hem.",
}
HARD = {
    "de": "Die abteilungsübergreifende Zusammenarbeit zwischen den verantwortlichen Mitarbeiterinnen und "
    "Mitarbeitern erfordert eine kontinuierliche Abstimmung hinsichtlich der Priorisierung eingehender "
    "Kundenanfragen, insbesondere wenn unvorhergesehene Verzögerungen bei der Bearbeitung umfangreicher "
    "Projektunterlagen auftreten und die zuständigen Ansprechpersonen vorübergehend nicht erreichbar sind. "
    "Eine transparente Dokumentation sämtlicher Vereinbarungen gewährleistet darüber hinaus die "
    "Nachvollziehbarkeit organisatorischer Entscheidungen.",
    "fr": "La collaboration interservices entre les différents responsables opérationnels nécessite une "
    "coordination particulièrement rigoureuse concernant la hiérarchisation des sollicitations adressées par les "
    "clients institutionnels, notamment lorsque des difficultés organisationnelles imprévisibles compromettent "
    "temporairement la disponibilité des interlocuteurs habituellement mandatés pour traiter ces demandes. "
    "Une documentation systématique des engagements contractuels garantit également la traçabilité "
    "administrative des décisions.",
    "es": "La colaboración interdepartamental entre los responsables administrativos requiere una coordinación "
    "extraordinariamente meticulosa respecto a la priorización de las solicitudes institucionales recibidas, "
    "particularmente cuando dificultades organizativas imprevisibles comprometen temporalmente la disponibilidad "
    "de los interlocutores habitualmente designados para gestionarlas. Una documentación sistemática de los "
    "compromisos contractuales garantiza, asimismo, la trazabilidad administrativa de todas las decisiones.",
    "it": "La collaborazione interdipartimentale tra i responsabili amministrativi richiede un coordinamento "
    "particolarmente meticoloso relativamente alla prioritizzazione delle richieste istituzionali pervenute, "
    "specialmente quando imprevedibili difficoltà organizzative compromettono temporaneamente la disponibilità "
    "degli interlocutori abitualmente incaricati di gestirle. Una documentazione sistematica degli impegni "
    "contrattuali garantisce, inoltre, la tracciabilità amministrativa delle decisioni.",
    "nl": "De interdepartementale samenwerking tussen de verantwoordelijke medewerkers vereist een bijzonder "
    "nauwkeurige afstemming betreffende de prioritering van binnenkomende klantverzoeken, voornamelijk wanneer "
    "onvoorziene organisatorische complicaties de beschikbaarheid van de gebruikelijke contactpersonen tijdelijk "
    "belemmeren. Een systematische documentatie van alle contractuele afspraken waarborgt bovendien de "
    "controleerbaarheid van administratieve beslissingen.",
    "pt": "A colaboração interdepartamental entre os responsáveis administrativos exige uma coordenação "
    "particularmente meticulosa relativamente à priorização das solicitações institucionais recebidas, "
    "especialmente quando dificuldades organizacionais imprevisíveis comprometem temporariamente a disponibilidade "
    "dos interlocutores habitualmente designados para as tratar. Uma documentação sistemática dos compromissos "
    "contratuais garante, igualmente, a rastreabilidade administrativa de todas as decisões.",
    "pl": "Międzywydziałowa współpraca odpowiedzialnych pracowników administracyjnych wymaga szczególnie starannej "
    "koordynacji dotyczącej priorytetyzacji napływających zapytań instytucjonalnych, zwłaszcza wtedy, gdy "
    "nieprzewidywalne trudności organizacyjne tymczasowo ograniczają dostępność rozmówców zazwyczaj wyznaczonych "
    "do ich rozpatrywania w wyznaczonym terminie. Systematyczna dokumentacja wszystkich zobowiązań umownych "
    "zapewnia ponadto przejrzystość administracyjnych decyzji podejmowanych przez kierownictwo.",
    "sv": "Det avdelningsövergripande samarbetet mellan ansvariga medarbetare förutsätter synnerligen noggrann "
    "samordning beträffande prioriteringen av inkommande kundförfrågningar, särskilt när oförutsedda "
    "organisatoriska komplikationer tillfälligt begränsar tillgängligheten hos de kontaktpersoner som vanligtvis "
    "hanterar ärendena. En systematisk dokumentation av samtliga avtalsmässiga överenskommelser garanterar "
    "dessutom spårbarheten i administrativa beslut.",
}


# -- the formulas, from counts worked out by hand --------------------------------------------------

# 100 words in 5 sentences (20 a sentence), 500 letters, 150 syllables (1.5 a word); 20 words of more than 6
# letters, 50 of one syllable, 10 of three or more, 5 of four or more.
COUNTS = Counts(
    words=100,
    sentences=5,
    letters=500,
    syllables=150,
    long_words=20,
    one_syllable=50,
    three_syllables=10,
    four_syllables=5,
)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        # 0.1935 × 10 + 0.1672 × 20 + 0.1297 × 20 − 0.0327 × 50 − 0.875 = 1.935 + 3.344 + 2.594 − 1.635 − 0.875
        (wiener_sachtextformel, 5.363),
        # 207 − 1.015 × 20 − 73.6 × 1.5 = 207 − 20.3 − 110.4
        (kandel_moles, 76.3),
        # 206.84 − 0.60 × 150 − 1.02 × 20 = 206.84 − 90 − 20.4
        (fernandez_huerta, 96.44),
        # 89 + (300 × 5 − 10 × 500) / 100 = 89 − 35
        (gulpease, 54.0),
        # 206.835 − 0.77 × 150 − 0.93 × 20 = 206.835 − 115.5 − 18.6
        (flesch_douma, 72.735),
        # 248.835 − 1.015 × 20 − 84.6 × 1.5 = 248.835 − 20.3 − 126.9
        (flesch_martins, 101.635),
        # 0.4 × (20 + 5)
        (fog_pl, 10.0),
        # 20 + 20
        (lix, 40.0),
    ],
)
def test_reading_level_formula_from_counts(formula, expected):
    assert formula(COUNTS) == pytest.approx(expected)


def test_reading_level_counts_words_letters_and_syllables():
    found = counts("Die Zusammenarbeit klappt. Wir helfen gern.", SYLLABLES["de"])
    # Die 3, Zusammenarbeit 14, klappt 6, Wir 3, helfen 6, gern 4 letters; syllables 1 + 5 + 1 + 1 + 2 + 1
    assert found == Counts(
        words=6,
        sentences=2,
        letters=36,
        syllables=11,
        long_words=1,
        one_syllable=4,
        three_syllables=1,
        four_syllables=1,
    )


# -- from a score to a grade -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ease", "grade"),
    [
        (100, 5),
        (95, 5.5),
        (90, 6),
        (80, 7),
        (70, 8),
        (65, 9),
        (60, 10),
        (55, 11.5),
        (50, 13),
        (40, 15),
        (30, 17),
        (15, 17.5),
        (0, 18),
        (110, 4),
    ],
)
def test_reading_level_flesch_ease_follows_flesch_table(ease, grade):
    assert flesch_ease_grade(ease) == pytest.approx(grade)


@pytest.mark.parametrize(("index", "grade"), [(90, 3.5), (80, 5), (70, 6.5), (60, 8), (52, 10), (40, 13), (30, 15.5)])
def test_reading_level_gulpease_follows_its_school_bands(index, grade):
    assert gulpease_grade(index) == pytest.approx(grade)


@pytest.mark.parametrize(("index", "grade"), [(30, 4), (34, 5), (41, 7), (49.5, 9.5), (51, 10), (58, 12), (62, 13)])
def test_reading_level_lix_follows_andersons_table(index, grade):
    assert lix_grade(index) == pytest.approx(grade)


def test_reading_level_mappings_never_rise_with_ease_nor_fall_with_difficulty():
    eases = [flesch_ease_grade(x / 2) for x in range(-40, 260)]
    assert all(a >= b for a, b in pairwise(eases))
    gulpeases = [gulpease_grade(x / 2) for x in range(0, 220)]
    assert all(a >= b for a, b in pairwise(gulpeases))
    lixes = [lix_grade(x / 2) for x in range(20, 160)]
    assert all(a <= b for a, b in pairwise(lixes))
    assert [grade for _, grade in FLESCH_EASE_GRADES] == sorted(
        (grade for _, grade in FLESCH_EASE_GRADES), reverse=True
    )
    assert min(eases + gulpeases + lixes) >= 0


# -- syllables -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "word", "syllables"),
    [
        ("de", "Arbeit", 2),
        ("de", "Kollegin", 3),
        ("de", "Verantwortung", 4),
        ("de", "schnell", 1),
        ("fr", "équipe", 2),
        ("fr", "collègue", 2),
        ("fr", "responsabilité", 6),
        ("fr", "temps", 1),
        ("es", "compañero", 4),
        ("es", "día", 2),
        ("es", "leer", 2),
        ("es", "tiempo", 2),
        ("es", "responsabilidad", 6),
        ("nl", "samenwerking", 4),
        ("nl", "vraag", 1),
        ("nl", "ideeën", 3),
        ("nl", "medewerker", 4),
        ("pt", "colaboração", 5),
        ("pt", "trabalho", 3),
        ("pt", "obrigado", 4),
        ("pt", "equipa", 3),
        ("pl", "współpracownik", 4),
        ("pl", "odpowiedzialność", 5),
        ("pl", "pytanie", 3),
        ("pl", "czas", 1),
    ],
)
def test_reading_level_syllables_of_real_words(language, word, syllables):
    assert SYLLABLES[language](word) == syllables
    assert SYLLABLES[language](word.upper()) == syllables


def test_reading_level_syllables_of_a_number_or_a_contraction():
    assert SYLLABLES["pt"]("2024") == SYLLABLES["de"]("2024") == 1
    assert SYLLABLES["fr"]("l'équipe") == 2


# -- the languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(EASY))
def test_reading_level_easy_paragraph_is_below_grade_10_and_hard_one_above(language):
    easy, hard = reading_level(EASY[language], language), reading_level(HARD[language], language)
    assert easy is not None and hard is not None
    assert easy.words >= 40 and hard.words >= 40
    assert easy.grade < 10 < hard.grade, (easy, hard)
    assert easy.formula == hard.formula == FORMULAS[language].name


def test_reading_level_by_base_language():
    assert reading_level(EASY["pt"], "pt-BR") == reading_level(EASY["pt"], "pt")
    level = reading_level(HARD["de"], "de_AT")
    assert level is not None and level.formula == "Wiener Sachtextformel"
    assert level.source == f"Wiener Sachtextformel {level.score:.1f}"


def test_reading_level_english_keeps_flesch_kincaid():
    text = "The cat sat on the mat. It was warm."
    level = reading_level(text, "en-GB")
    assert level is not None
    assert (level.formula, level.score, level.grade) == (
        "Flesch-Kincaid",
        readability(text).grade,
        readability(text).grade,
    )
    assert level.source == "Flesch-Kincaid"


def test_reading_level_none_without_a_formula():
    # Arabic has OSMAN, which needs vowel-marked text; Japanese has nothing here
    for language in ("ar", "ar-EG", "ja"):
        assert reading_level(HARD["de"], language) is None
        assert not has_formula(language)
    assert all(has_formula(language) for language in [*FORMULAS, "en", "EN-us", "sv-FI"])


def test_reading_level_text_without_words_is_grade_0():
    level = reading_level("", "it")
    assert level is not None and (level.words, level.grade) == (0, 0)


# -- the check and the note ------------------------------------------------------------------------


def lesson_with(body: str) -> str:
    return f"sections:\n  - title: Hard\n    body: {body}\n"


@pytest.mark.parametrize(("language", "formula"), [("de", "Wiener Sachtextformel"), ("fr", "Kandel-Moles")])
def test_checks_reading_level_in_the_course_language(tmp_path: Path, language: str, formula: str):
    questions = TF.format(answer="true")
    hard = write_course(tmp_path / "hard", lesson=lesson_with(HARD[language]), questions=questions, language=language)
    [line] = findings_of(hard)
    level = reading_level(HARD[language], language)
    assert level is not None
    assert line == (
        f"content/one.yml:10:11: sections[0].body: 'Hard' reads at grade {level.grade:.1f} ({formula} "
        f"{level.score:.1f}), above the 10 this course aims for; use shorter sentences (now "
        f"{level.per_sentence:.0f} words on average) and plainer words [reading-level]"
    )
    easy = write_course(tmp_path / "easy", lesson=lesson_with(EASY[language]), questions=questions, language=language)
    assert codes(easy) == []


def test_checks_reading_level_follows_max_reading_grade_in_every_language(tmp_path: Path):
    root = write_course(
        tmp_path / "sv", lesson=lesson_with(HARD["sv"]), questions=TF.format(answer="true"), language="sv"
    )
    assert codes(root) == ["reading-level"]
    assert findings_of(root, max_reading_grade=30) == []


def test_language_notes_reading_level_skipped_only_without_a_formula(tmp_path: Path):
    assert notes_for(tmp_path / "de", "de") == []
    [note] = notes_for(tmp_path / "ar", "ar")
    assert "reading-level does not run for 'ar'" in note
