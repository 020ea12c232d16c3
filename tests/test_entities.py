"""Entity detection and resolution (analysis.entities) on small texts written for each rule."""
from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from analysis.entities import (
    _KIND,
    _TEXT,
    _TOKEN,
    EntityIndex,
    EntityMention,
    _STRETCH_RUNS,
    _plain_tokens,
    _regex_tokens,
    _stretch_tokens,
    build_entity_index,
    load_gazetteer,
    resolve_description,
)
from analysis.patterns import word_alternation
from analysis.segment import segment


def index_of(text: str, **options) -> EntityIndex:
    return build_entity_index(text, segment(text), **options)


def entities_by_surface(text: str, **options) -> dict[str, str]:
    return {m.surface: m.entity for m in index_of(text, **options).mentions}


def types_by_entity(text: str) -> dict[str, str]:
    return {m.entity: m.type for m in index_of(text).mentions}


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        ("Since then, Walter Pembroke has stayed home.", {"Since"}),
        ("The committee met. In the morning Ruth Alcott spoke.", {"The", "In", "The committee"}),
        ("But nobody came. Fresh talks begin with Orla Finch on fresh terms.", {"But", "Fresh"}),
        ("However, the Kestrel Institute said so.", {"However"}),
        ('"We will appeal," said Dara Quill.', {"We"}),
        ("Unlike Walter Pembroke, she stayed.", {"Unlike", "Unlike Walter Pembroke"}),
        ("Apparently, Walter Pembroke stayed. Worse, he smiled.", {"Apparently", "Worse"}),
        ("Sen. Ola Brand (R-Fla.) objected.", {"R-Fla"}),
    ],
)
def test_sentence_initial_function_words_are_not_names(text: str, not_names: set[str]) -> None:
    surfaces = {m.surface for m in index_of(text).mentions}
    assert not surfaces & not_names


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Since then, Walter Pembroke has stayed home.", "Walter Pembroke", "Walter Pembroke"),
        ("The Delhi Police filed a case.", "Delhi Police", "Delhi Police"),
        ("The order came from the Ministry of Home Affairs yesterday.", "Ministry of Home Affairs", "Ministry of Home Affairs"),
        ("She banks with the Bank of America in town.", "Bank of America", "Bank of America"),
        ("A complaint by the Commission for Protection of River Rights was filed.",
         "Commission for Protection of River Rights", "Commission for Protection of River Rights"),
    ],
)
def test_names_are_capitalised_runs_with_connectors(text: str, surface: str, entity: str) -> None:
    assert entities_by_surface(text)[surface] == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Twitter's new rules apply from today.", "Twitter", "Twitter"),
        ("They read Ruth Alcott's letter.", "Ruth Alcott", "Ruth Alcott"),
        ("The Kestrel Institute\u2019s report was late.", "Kestrel Institute", "Kestrel Institute"),
    ],
)
def test_possessive_is_not_part_of_the_name(text: str, surface: str, entity: str) -> None:
    assert entities_by_surface(text)[surface] == entity


@pytest.mark.parametrize(
    ("text", "acronym", "entity"),
    [
        ("The Forest Rights Council or FRC wrote to us. The FRC later agreed.", "FRC", "Forest Rights Council"),
        ("The Northern Water Board (NWB) said no. Officials at the NWB declined.", "NWB", "Northern Water Board"),
        ("A study by Harbour Survey Group was cited; HSG declined to comment.", "HSG", "Harbour Survey Group"),
    ],
)
def test_acronym_joins_its_long_form(text: str, acronym: str, entity: str) -> None:
    mentions = [m for m in index_of(text).mentions if m.surface == acronym]
    assert mentions and all(m.entity == entity for m in mentions)


def test_acronym_of_a_lower_case_term_is_not_an_entity() -> None:
    text = "Sharing child sexual exploitation (CSE) material is banned. CSE keywords are blocked."
    assert not [m for m in index_of(text).mentions if m.surface == "CSE"]


@pytest.mark.parametrize(
    ("text", "surface", "entity", "type_"),
    [
        ("Hillary Clinton spoke first. Later Clinton took questions.", "Clinton", "Hillary Clinton", "PERSON"),
        ("Sen. Ted Brakes of Texas said no.", "Sen. Ted Brakes", "Ted Brakes", "PERSON"),
        ("Chief Minister Asha Verkal visited.", "Chief Minister Asha Verkal", "Asha Verkal", "PERSON"),
        ("Mr. Orland Pike objected. Mr. Pike left.", "Mr. Pike", "Orland Pike", "PERSON"),
        ('"We lost," said Carla King. Later Mr. King left.', "Mr. King", "Carla King", "PERSON"),
        ("Orland Pike spoke at noon. Orland then left.", "Orland", "Orland Pike", "PERSON"),
        ('"Never," Brakewell said.', "Brakewell", "Brakewell", "PERSON"),
    ],
)
def test_titles_and_surnames_resolve_to_the_person(text: str, surface: str, entity: str, type_: str) -> None:
    mention = next(m for m in index_of(text).mentions if m.surface == surface)
    assert (mention.entity, mention.type) == (entity, type_)


@pytest.mark.parametrize(
    ("text", "entity", "type_"),
    [
        ("The case was filed under the Posco Act on Monday.", "Protection of Children from Sexual Offences Act", "LAW"),
        ("Opponents of the Affordable Care Act rallied.", "Affordable Care Act", "LAW"),
        ("The River Safety Act passed.", "River Safety Act", "LAW"),
        ("Officers from the Dorset Police came.", "Dorset Police", "ORG"),
        ("He studied at the Harlow Institute of Science.", "Harlow Institute of Science", "ORG"),
        ("Voters in Ghaziabad, Uttar Pradesh queued.", "Uttar Pradesh", "GPE"),
        ("Leaders of the BJP met.", "Bharatiya Janata Party", "ORG"),
    ],
)
def test_types_from_heads_and_gazetteer(text: str, entity: str, type_: str) -> None:
    assert types_by_entity(text)[entity] == type_


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The Delhi Police filed a case. The police also wrote to Twitter.", "The police", "Delhi Police"),
        ("Twitter was asked. The microblogging platform said no.", "The microblogging platform", "Twitter"),
        ("A spokesperson of Twitter spoke. Later the spokesperson added more.", "the spokesperson", "Twitter"),
        ("Officials said the roads were shut.", "Officials", "official"),
        ("A Kestrel Watch spokesperson denied it.", "spokesperson", "Kestrel Watch"),
        ("Kestrel Watch said officials had lied.", "officials", "official"),
    ],
)
def test_descriptions_resolve_to_the_named_entity(text: str, surface: str, entity: str) -> None:
    assert entities_by_surface(text)[surface] == entity


def test_entity_in_prefers_the_named_organisation() -> None:
    text = "A spokesperson of Twitter said the rules were clear."
    index = index_of(text)
    mention = index.entity_in(0, len("A spokesperson of Twitter"))
    assert mention is not None and mention.surface == "Twitter"


def test_before_lists_earlier_mentions_most_recent_first() -> None:
    text = "Twitter met the Delhi Police in Ghaziabad. Then it left."
    index = index_of(text)
    position = text.index("Then")
    assert [m.entity for m in index.before(position)] == ["Ghaziabad", "Delhi Police", "Twitter"]
    assert [m.entity for m in index.before(position, types={"ORG"}, categories={"company_platform"})] == ["Twitter"]


def test_resolve_description_resolves_pronouns_and_descriptions() -> None:
    text = "Twitter met the Delhi Police in Ghaziabad. Then it left, and the police closed the case."
    index = index_of(text)
    it = resolve_description(index, text.index("it left"), "it")
    police = resolve_description(index, text.index("the police"), "the police")
    assert it is not None and it.entity == "Delhi Police"  # the most recent organisation
    assert police is not None and police.entity == "Delhi Police"


def test_mentions_are_sorted_and_their_spans_are_the_surface() -> None:
    text = "Twitter's rules angered the BJP. The police in Delhi disagreed with Twitter."
    mentions = index_of(text).mentions
    assert list(mentions) == sorted(mentions, key=lambda m: m.start)
    assert all(text[m.start:m.end] == m.surface for m in mentions)
    assert all(isinstance(m, EntityMention) for m in mentions)


def test_boilerplate_is_not_analysed(bundled_text: str) -> None:
    entities = {m.entity for m in index_of(bundled_text).mentions}
    assert not {"Musk", "Sania Mirza", "Donald Trump", "Devendra Fadnavis"} & entities


def test_bundled_article_entities(bundled_text: str) -> None:
    index = index_of(bundled_text)
    by_entity = index.entities()
    expected = {
        "Twitter": "ORG", "Delhi Police": "ORG", "National Commission for Protection of Child Rights": "ORG",
        "Ministry of Home Affairs": "ORG", "Bharatiya Janata Party": "ORG", "Indian National Congress": "ORG",
        "India": "GPE", "Ghaziabad": "GPE", "Uttar Pradesh": "GPE",
        "Protection of Children from Sexual Offences Act": "LAW", "Information Technology Act": "LAW",
    }
    for entity, type_ in expected.items():
        assert entity in by_entity, entity
        assert by_entity[entity][0].type == type_
    assert {"NCPCR"} <= {m.surface for m in by_entity["National Commission for Protection of Child Rights"]}
    assert {"The police"} <= {m.surface for m in by_entity["Delhi Police"]}
    assert {"the online platform", "the microblogging platform"} <= {m.surface for m in by_entity["Twitter"]}


def test_user_gazetteer_adds_entries_without_code(tmp_path: Path) -> None:
    extra = tmp_path / "my_gazetteer.csv"
    extra.write_text(
        "# my outlets\nname,aliases,type,category,region\n"
        "Kestrel Watch,KW|Kestrel,ORG,ngo_civil_society,\n",
        encoding="utf-8",
    )
    text = "Kestrel said the dam leaks. KW wants an inquiry."
    default = index_of(text)
    extended = index_of(text, gazetteer=extra)
    assert "Kestrel Watch" not in {m.entity for m in default.mentions}
    assert {m.surface: (m.entity, m.category) for m in extended.mentions} == {
        "Kestrel": ("Kestrel Watch", "ngo_civil_society"),
        "KW": ("Kestrel Watch", "ngo_civil_society"),
    }
    assert load_gazetteer(extra).lookup("kestrel watch").name == "Kestrel Watch"


def test_title_case_lines_keep_only_names_known_elsewhere() -> None:
    text = "Walter Pembroke Says Twitter And Kestrel Institute Will Never Close Doors\nWalter Pembroke spoke to us."
    surfaces = [m.surface for m in index_of(text).mentions]
    assert surfaces == ["Walter Pembroke", "Twitter", "Walter Pembroke"]


def test_sentence_initial_unknown_subject_is_kept() -> None:
    text = "Brakewell openly admitted it."
    assert [m.surface for m in index_of(text).mentions] == ["Brakewell"]


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["police", "policemen", "party"], "police, policemen, parties, party", ["police", "policemen", "party"]),
        (["law enforcement", "ngo", "ngos"], "law  enforcement and NGOs", ["law  enforcement", "NGOs"]),
    ],
)
def test_word_alternation_matches_whole_listed_words(words, text, found) -> None:
    pattern = re.compile(rf"(?<![\w-])(?:{word_alternation(words)})(?![\w-])", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == found


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("OFFICIALS said the plan would fail.", {"OFFICIALS"}),
        ("Police said nothing. The spokesperson declined to comment.", {"Police", "The spokesperson"}),
        # a character that IGNORECASE equates with "s" or "i" makes the scan run on the text as it is
        ("Officials met in İzmir. The spokesperson said the police were late.", {"Officials", "The spokesperson", "the police"}),
        ("Ofﬁcials said the police were late.", {"the police"}),  # "ﬁ" lower-cases to itself
    ],
)
def test_source_nouns_are_found_whatever_their_case(text: str, surfaces: set[str]) -> None:
    found = {m.surface for m in index_of(text).mentions if m.kind in ("role", "description")}
    assert surfaces <= found


def test_lowered_scan_sees_the_same_characters_as_ignorecase() -> None:
    """The source-noun scan runs case-sensitively on text.lower() unless the text holds one of
    _NON_ASCII_FOLDS; that is exact only if these are all the non-ASCII characters IGNORECASE
    equates with a-z, and if lower() never changes whether a character is a word character,
    white space or a hyphen."""
    from analysis.entities import _NON_ASCII_FOLDS

    others = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    assert sorted(set(re.findall("[a-z]", others, re.IGNORECASE))) == sorted(_NON_ASCII_FOLDS)
    changed = [(c, c.lower()) for c in others if c.lower() != c and len(c.lower()) == 1]
    assert changed and all(
        (re.fullmatch(r"\w", c) is None) == (re.fullmatch(r"\w", low) is None) and c.isspace() == low.isspace()
        for c, low in changed
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kestrel rose. The kestrel flew.", None),  # sentence-initial, also written in lower case
        ("Kestrel rose. A falcon-kestrel flew.", "Kestrel"),  # after a hyphen it is part of a word
        ("Kestrel rose. The kestrels flew.", "Kestrel"),
        ("Kestrel rose. Ms. Vane met Kestrel.", "Kestrel"),
    ],
)
def test_sentence_initial_word_is_dropped_only_if_written_in_lower_case(text: str, name: str | None) -> None:
    first = [m for m in index_of(text).mentions if m.start == 0]
    assert [m.entity for m in first] == ([name] if name else [])


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The law\nenforcement officials said the city was calm.\n", "The law\nenforcement"),
        ("Residents said law\r\nenforcement arrived late.\n", "law\r\nenforcement"),
        ("By noon, law \n\t enforcement had sealed the road.\n", "law \n\t enforcement"),
        ("Reporters waited; their law\n enforcement partners stayed away.\n", "their law\n enforcement"),
    ],
)
def test_hard_wrapped_source_noun_is_one_mention_over_the_text_as_written(text: str, surface: str) -> None:
    start = text.index(surface)
    found = [m for m in index_of(text).mentions if (m.start, m.end) == (start, start + len(surface))]
    assert [(m.surface, m.entity, m.kind) for m in found] == [(surface, "law enforcement", "role")]


FILLED_AT_62 = (
    "Reporters had waited outside the building for more than an\n"
    "hour before Governor Maria Lopez came out to speak. She said\n"
    "that the state would pay for the trip itself, and that the New\n"
    "York Police Department had been told of her plans by her\n"
    "office on Monday morning.\n"
)
FILLED_AT_79 = (
    "Reporters had waited outside the building for more than an hour before Governor\n"
    "Maria Lopez came out to speak. She said that the state would pay for the trip\n"
    "itself, and that the New York Police Department had been told of her plans by\n"
    "her office on Monday morning.\n"
)


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        (FILLED_AT_62, "New\nYork Police Department", "New York Police Department"),
        (FILLED_AT_62, "Governor Maria Lopez", "Maria Lopez"),
        (FILLED_AT_79, "Governor\nMaria Lopez", "Maria Lopez"),
        (FILLED_AT_79, "New York Police Department", "New York Police Department"),
    ],
)
def test_a_name_carried_over_a_line_break_of_filled_text_is_one_mention_named_on_one_line(
    text: str, surface: str, entity: str
) -> None:
    start = text.index(surface)
    mentions = index_of(text).mentions
    assert [(m.surface, m.entity) for m in mentions if (m.start, m.end) == (start, start + len(surface))] == [(surface, entity)]
    assert not [m for m in mentions if m.start > start and m.end <= start + len(surface)]


def test_a_line_break_between_paragraphs_still_ends_a_name() -> None:
    text = "The meeting was held in New\n\nYork Police officers said nothing.\n"
    assert "New\n\nYork" not in {m.surface for m in index_of(text).mentions}


@pytest.mark.parametrize(
    "text",
    [
        "The ſpokesperson said it was calm.\n",
        "The ſpokeſperſon of Twitter ſaid it was calm.\n",
        "Poİice and ofﬁcials said the İzmir office was calm.\n",
        "The poIıce said the \u212aelvin unit was calm. The spokespeopLE agreed.\n",
        "Straße officials said the ǅemal office was calm.\n",
    ],
)
def test_odd_case_folding_characters_never_break_the_index(text: str) -> None:
    from analysis.load import from_text
    from analysis.pipeline import analyze_article

    mentions = index_of(text).mentions
    assert all(text[m.start:m.end] == m.surface for m in mentions)
    assert analyze_article(from_text(text, id="odd")).get("error") is None


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The ſpokesperson said it was calm.\n", "spokesperson"),
        ("Kestrel Bank's ſpokesman said it was calm.\n", "Kestrel Bank"),
    ],
)
def test_source_noun_with_a_folding_character_is_read_as_the_listed_noun(text: str, entity: str) -> None:
    roles = [m.entity for m in index_of(text).mentions if m.kind in ("role", "description")]
    assert roles == [entity]


@pytest.mark.parametrize(
    "stretch, tokens",
    [
        ("Bannon", [("Bannon", "word")]),
        ("Bannon,", [("Bannon", "word")]),
        ("Secret Service:", [("Secret", "word"), ("Service", "word")]),
        ("Tour de France", [("Tour", "word"), ("de", "connector"), ("France", "word")]),
        ("Mr. Cruz", [("Mr.", "abbr"), ("Cruz", "word")]),
        ("Trump’s", [("Trump", "word")]),
        ("Ros-Lehtinen and Curbelo", [("Ros-Lehtinen", "word"), ("and", "connector"), ("Curbelo", "word")]),
    ],
)
def test_plain_word_stretches_tokenise_as_the_token_regex_does(stretch: str, tokens: list[tuple[str, str]]) -> None:
    found = [(token[_TEXT], token[_KIND]) for token, _ in _stretch_tokens(stretch, False)]
    assert found == tokens
    plain = stretch.rstrip(",;:").split(" ")
    if all(word.isalpha() for word in plain):  # the shortcut's answer is also the regex's
        assert [(m.group("word") or m.group(), m.lastgroup) for m in _TOKEN.finditer(" " + stretch, 1)] == tokens


@pytest.mark.parametrize(
    "stretch",
    [
        "Meanwhile, John Kasich", "Cruz’s", "Jones’ Tax", "It's", "Iowa.", "Trump’s.", "Bannon, Trump",
        "Tour de France", "Carly Fiorina: What,", "A, B", "FBN.", "Ted Cruz and Marco Rubio",
    ],
)
@pytest.mark.parametrize("after_full_stop", [False, True])
def test_plain_stretches_read_without_the_regex_give_its_tokens(stretch: str, after_full_stop: bool) -> None:
    plain = _plain_tokens(stretch)
    assert plain is not None
    assert plain == _regex_tokens(stretch, after_full_stop)


@pytest.mark.parametrize(
    "stretch",
    ["Sen. Cruz", "J. Edgar Hoover", "U.S.", "World War I.", "O’Neill", "Johnson & Johnson", "Ros-Lehtinen", "Trump  Tower"],
)
def test_stretches_with_titles_initials_or_marks_go_through_the_token_regex(stretch: str) -> None:
    assert _plain_tokens(stretch) is None


@pytest.mark.parametrize("stretch", ["Cruz", "Sen. Ted Cruz", "U.S. Rep", "Mr. Trump’s", "Fox News"])
@pytest.mark.parametrize("mark", [",", ";", ":", ",;"])
def test_a_final_comma_semicolon_or_colon_changes_no_token(stretch: str, mark: str) -> None:
    for after_full_stop in (False, True):
        assert _regex_tokens(stretch + mark, after_full_stop) == _regex_tokens(stretch, after_full_stop)


def test_the_stretch_memo_holds_nothing_the_garbage_collector_walks() -> None:
    text = "Sen. Ted Cruz met Mr. Trump’s aides in Washington, D.C., and U.S. Rep. Jones’ staff.\n"
    build_entity_index(text, segment(text))
    for _ in range(3):  # a collection untracks one level of nested tuples: tokens, runs, then the runs of a stretch
        gc.collect()
    assert _STRETCH_RUNS
    assert not any(gc.is_tracked(key) or gc.is_tracked(runs) for key, runs in _STRETCH_RUNS.items())
