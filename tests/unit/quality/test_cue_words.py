"""The word lists of the item-writing checks in languages other than English (builder/quality/cue_words.py):
each language's typical flawed item is flagged and its sound twin is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.quality.cue_words import BY_LANGUAGE, CueWords, cue_words_for
from builder.quality.wording import find, wording
from tests.unit.quality.test_checks import codes, findings_of, single, write_course
from tests.unit.quality.test_item_writing import true_false

LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ar"]

# language: (an absolute statement, a hedged statement, a sound statement)
TRUE_FALSE = {
    "de": (
        "Ein guter Kollege antwortet immer am selben Tag.",
        "Kunden antworten meistens innerhalb eines Tages.",
        "Wer eine Anfrage innerhalb einer Stunde bestätigt, zeigt, dass er sie bearbeitet.",
    ),
    "fr": (
        "Un bon collègue répond toujours le jour même.",
        "Les clients répondent généralement dans la journée.",
        "Accuser réception d'une demande dans l'heure montre au collègue qu'elle est prise en charge.",
    ),
    "es": (
        "Un buen compañero siempre responde el mismo día.",
        "Los clientes suelen responder en un día.",
        "Confirmar una petición en menos de una hora muestra al compañero que está en marcha.",
    ),
    "it": (
        "Un buon collega risponde sempre in giornata.",
        "I clienti di solito rispondono entro un giorno.",
        "Confermare una richiesta entro un'ora mostra al collega che la si sta gestendo.",
    ),
    "nl": (
        "Een goede collega antwoordt altijd dezelfde dag.",
        "Klanten antwoorden meestal binnen een dag.",
        "Wie een verzoek binnen het uur bevestigt, laat de collega weten dat het wordt opgepakt.",
    ),
    "pt": (
        "Um bom colega responde sempre no mesmo dia.",
        "Os clientes geralmente respondem no prazo de um dia.",
        "Confirmar um pedido em menos de uma hora mostra ao colega que ele está a ser tratado.",
    ),
    "pl": (
        "Dobry współpracownik zawsze odpowiada tego samego dnia.",
        "Klienci zwykle odpowiadają w ciągu jednego dnia.",
        "Potwierdzenie prośby w ciągu godziny pokazuje współpracownikowi, że sprawa jest w toku.",
    ),
    "sv": (
        "En bra kollega svarar alltid samma dag.",
        "Kunder svarar oftast inom en dag.",
        "Att bekräfta en förfrågan inom en timme visar kollegan att den hanteras.",
    ),
    "ar": (
        "الزميل الجيد يرد دائمًا في اليوم نفسه.",
        "ربما يرد العملاء خلال يوم واحد.",
        "تأكيد استلام الطلب خلال ساعة يُظهر للزميل أنه قيد المعالجة.",
    ),
}


@pytest.mark.parametrize("language", sorted(TRUE_FALSE))
def test_cue_words_true_false_cue_in_each_language(tmp_path: Path, language: str):
    absolute, hedged, sound = TRUE_FALSE[language]
    assert codes(write_course(tmp_path / "a", questions=true_false(absolute), language=language)) == ["true-false-cue"]
    assert codes(write_course(tmp_path / "h", questions=true_false(hedged), language=language)) == ["true-false-cue"]
    assert codes(write_course(tmp_path / "s", questions=true_false(sound), language=language)) == []


def test_cue_words_true_false_cue_points_at_an_arabic_word_with_its_vowel_marks(tmp_path: Path):
    root = write_course(tmp_path / "c", questions=true_false(TRUE_FALSE["ar"][0]), language="ar")
    (line,) = findings_of(root)
    assert line.startswith("quizzes/one-check.yml:8:24: questions[0].prompt: 'دائما' makes the statement absolute")
    assert [m.word.text for m in find(wording("يرد دائماً وأبدًا").words, BY_LANGUAGE["ar"].absolutes)] == ["دائماً"]


# language: (a negative question, the same question where the negative word does not turn it round)
NEGATIVE = {
    "de": ("Welche Antwort ist nicht hilfreich?", "Welche Antwort ist nicht nur höflich, sondern hilfreich?"),
    "fr": ("Quelle réponse n'est pas utile ?", "Quel est le premier pas vers une réponse utile ?"),
    "es": ("¿Qué respuesta es la menos útil?", "¿Qué respuesta da por lo menos un día de plazo?"),
    "it": ("Quale risposta non è utile?", "Quale risposta è non solo cortese ma utile?"),
    "nl": ("Welk antwoord is niet nuttig?", "Welk antwoord geeft ten minste een dag bedenktijd?"),
    "pt": ("Qual resposta não é útil?", "Qual resposta é não só educada mas útil?"),
    "pl": ("Która odpowiedź nie jest pomocna?", "Która odpowiedź daje co najmniej dzień do namysłu?"),
    "sv": ("Vilket svar är det minst hjälpsamma?", "Vilket svar ger minst en dags betänketid?"),
    "ar": ("أي إجابة ليست مفيدة؟", "أي إجابة تمنح يومًا على الأقل للتفكير؟"),
}


@pytest.mark.parametrize("language", sorted(NEGATIVE))
def test_cue_words_negative_stem_in_each_language(tmp_path: Path, language: str):
    negative, positive = NEGATIVE[language]

    def question(prompt: str) -> str:
        escaped = prompt.replace("'", "''")
        return single("A", "B", "C").replace("prompt: P.", f"prompt: '{escaped}'")

    assert codes(write_course(tmp_path / "n", questions=question(negative), language=language)) == ["negative-stem"]
    assert codes(write_course(tmp_path / "p", questions=question(positive), language=language)) == []


@pytest.mark.parametrize(
    "language, flawed, sound",
    [
        ("de", "Aktives Zuhören ist eine ___", "Was bedeutet das?"),
        ("fr", "L'écoute active est une ___", "Une seule réponse est juste : trouvez-la."),
        ("es", "La escucha activa es una ___", "¿Qué es la escucha activa?"),
        ("it", "L'ascolto attivo è uno ___", "Che cos'è l'ascolto attivo?"),
        ("nl", "Actief luisteren is een ___", "Wat betekent het?"),
        ("pt", "A escuta ativa é uma ___", "Só uma resposta está certa: escolha-a."),
        ("sv", "Aktivt lyssnande är en ___", "Vad betyder det?"),
    ],
)
def test_cue_words_grammar_cue_at_a_gendered_article_not_a_pronoun(
    tmp_path: Path, language: str, flawed: str, sound: str
):
    def question(prompt: str) -> str:
        escaped = prompt.replace("'", "''")
        return single("Skill", "Habit", "Tool").replace("prompt: P.", f"prompt: '{escaped}'")

    assert codes(write_course(tmp_path / "f", questions=question(flawed), language=language)) == ["grammar-cue"]
    assert codes(write_course(tmp_path / "s", questions=question(sound), language=language)) == []


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_cue_words_languages_without_separate_articles_have_none(language: str):
    cues = cue_words_for(language)
    assert cues is not None and cues.articles == ()


@pytest.mark.parametrize("language", [*LANGUAGES, "pt-BR", "de_CH"])
def test_cue_words_for_each_covered_language(language: str):
    cues = cue_words_for(language)
    assert isinstance(cues, CueWords)
    assert cues.absolutes and cues.hedges and cues.negatives and cues.not_negative
    assert cues is BY_LANGUAGE[language.replace("_", "-").split("-")[0]]


def test_cue_words_not_negative_phrases_each_contain_a_negative():
    """A phrase in `not_negative` that no negative word is inside would never excuse anything."""
    for language, cues in BY_LANGUAGE.items():
        for phrase in cues.not_negative:
            assert find(wording(phrase).words, cues.negatives), (language, phrase)
