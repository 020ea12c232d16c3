"""Quote attribution: direct, indirect and mixed constructions, speakers, table and spans."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities import build_entity_index
from analysis.load import from_text
from analysis.pipeline import analyze_article
from analysis.quote_marks import FurthestEnd, quoted_spans
from analysis.quotes import QUOTE_COLUMNS, find_quotes, quote_record, quotes_table
from analysis.segment import segment
from analysis.tables import tables_from_records


def _quotes(text: str, **options):
    return find_quotes(text, segment(text), **options)


def _as_text(text: str, attribution) -> tuple:
    return (
        attribution.kind,
        tuple(span.text_of(text) for span in attribution.content),
        attribution.cue.text_of(text) if attribution.cue else None,
        attribution.speaker.text_of(text) if attribution.speaker else None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The bridge will open in May," the mayor said.',
         ("direct", ('"The bridge will open in May,"',), "said", "the mayor")),
        ("“We are not leaving,” said Ana Ruiz, a union organiser.",
         ("direct", ("“We are not leaving,”",), "said", "Ana Ruiz, a union organiser")),
        ("The minister told reporters: «The deal is done and signed.»",
         ("direct", ("«The deal is done and signed.»",), "told", "The minister")),
        ("‘It was a long night for all of us,’ she wrote.",
         ("direct", ("‘It was a long night for all of us,’",), "wrote", "she")),
        ('"I have no idea why," she elaborated, looking tired.',
         ("direct", ('"I have no idea why,"',), "elaborated", "she")),
    ],
)
def test_direct_quote_in_each_mark_style(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will vote no," Senate Leader Tom Hale, R-Ohio, said.',
         ("direct", ('"We will vote no,"',), "said", "Senate Leader Tom Hale, R-Ohio")),
        ("“The plan is dead,” Rep. Ann Cole (D-Ore.) said.",
         ("direct", ("“The plan is dead,”",), "said", "Rep. Ann Cole")),
        ("“Nobody asked us first,” Ruiz, who has opposed the levy for years, said at the time.",
         ("direct", ("“Nobody asked us first,”",), "said", "Ruiz, who has opposed the levy for years")),
        ("“We counted every vote,” said Lee’s campaign manager, Jo Park.",
         ("direct", ("“We counted every vote,”",), "said", "Lee’s campaign manager, Jo Park")),
        ("The shop closed in May. Said Maria Gomez, who worked there, “We all cried that day.”",
         ("direct", ("“We all cried that day.”",), "Said", "Maria Gomez, who worked there")),
        ("“We want our jobs back,” one said.",
         ("direct", ("“We want our jobs back,”",), "said", "one")),
    ],
)
def test_direct_frame_with_a_described_speaker(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Hill dubbed the budget a “total disgrace” and left early.",
         ("mixed", ("the budget a “total disgrace”",), "dubbed", "Mayor Hill")),
        ("Ruiz branded the plan “cruel” and “lazy” on Friday.",
         ("mixed", ("the plan “cruel” and “lazy”",), "branded", "Ruiz")),
        ("Governor Park pledged a “new deal for farmers” on Monday.",
         ("mixed", ("a “new deal for farmers”",), "pledged", "Governor Park")),
        ("The crowd chanted “Four more years!” as she spoke.",
         ("direct", ("“Four more years!”",), "chanted", "The crowd")),
    ],
)
def test_quoted_phrase_in_a_cue_object_is_a_mixed_attribution(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The agency pledged to review the case.",  # a stance verb with no quoted phrase reports nothing
        "Fans gathered at the “Blue Lagoon” near the river.",  # a scare quote with no cue
        "The so-called “reform” was passed by the council.",  # passive, no speaker
    ],
)
def test_quoted_object_needs_a_cue_and_a_speaker(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge will reopen in May, the mayor said, adding that tolls will rise.",
         ("indirect", ("The bridge will reopen in May",), "said", "the mayor")),
        ("The aide declined to name the donors and left.",
         ("indirect", ("to name the donors and left",), "declined", "The aide")),
        ("A spokeswoman for the council refused to say whether the vote would go ahead.",
         ("indirect", ("to say whether the vote would go ahead",), "refused", "A spokeswoman for the council")),
        ("The aide met the donors but said the list was long.",
         ("indirect", ("the list was long",), "said", "The aide")),
        ("According to early results of exit polls, turnout fell sharply.",
         ("indirect", ("turnout fell sharply",), "According to", "early results of exit polls")),
        ("Turnout fell sharply in the north, according to state election data.",
         ("indirect", ("Turnout fell sharply in the north",), "according to", "state election data")),
        ("Governor Lee Says Flood Defences Will Hold This Winter",
         ("indirect", ("Flood Defences Will Hold This Winter",), "Says", "Governor Lee")),
        ("The fare rise is unfair, many said.",
         ("indirect", ("The fare rise is unfair",), "said", "many")),
        ("Some officials think the mayor is at risk of losing.",
         ("indirect", ("the mayor is at risk of losing",), "think", "Some officials")),
        ("The budget office said about half of the rise came from tax cuts.",
         ("indirect", ("about half of the rise came from tax cuts",), "said", "The budget office")),
    ],
)
def test_reported_clause_constructions_of_the_fourth_round(text, expected):
    assert _as_text(text, _quotes(text)[0]) == expected


def test_when_asked_inside_a_sentence_is_a_question_with_no_speaker():
    text = "“Who knows?” the mayor told a radio station when asked how long the works would last."
    direct, asked = _quotes(text)
    assert direct.speaker.text_of(text) == "the mayor"
    assert _as_text(text, asked) == ("indirect", ("how long the works would last",), "asked", None)


def test_split_quote_is_one_attribution():
    text = '"We tried everything," he said, "but the river rose too fast."'
    (attribution,) = _quotes(text)
    assert [s.text_of(text) for s in attribution.content] == ['"We tried everything,"', '"but the river rose too fast."']
    assert attribution.speaker.text_of(text) == "he"


def test_quote_after_the_frame_sentence_joins_it():
    text = '"Prices went up," Lee said on Monday. "Nobody expected that much."'
    (attribution,) = _quotes(text)
    assert len(attribution.content) == 2


def test_multi_paragraph_quote_joins_its_attribution():
    text = ('"The first part of a long statement goes here," the coach said. "And it goes on\n\n'
            '"and finishes in the next paragraph with more words."')
    (attribution,) = _quotes(text)
    assert attribution.content[-1].text_of(text).startswith('"and finishes')


def test_stray_mark_does_not_hide_the_real_quote():
    text = 'In reply "to the council the firm also said "the plan is legal and was approved".'
    (attribution,) = _quotes(text)
    assert attribution.content[0].text_of(text) == '"the plan is legal and was approved"'
    assert attribution.speaker.text_of(text) == "the firm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor said the budget would be balanced by June.",
         ("indirect", ("the budget would be balanced by June",), "said", "The governor")),
        ("The governor said that the budget would be balanced.",
         ("indirect", ("that the budget would be balanced",), "said", "The governor")),
        ("The budget will be balanced by June, the governor said.",
         ("indirect", ("The budget will be balanced by June",), "said", "the governor")),
        ("The budget will be balanced by June, said Maria Lopez.",
         ("indirect", ("The budget will be balanced by June",), "said", "Maria Lopez")),
        ("According to the ministry, the dam is safe.",
         ("indirect", ("the dam is safe",), "According to", "the ministry")),
        ("The dam is safe, according to the ministry.",
         ("indirect", ("The dam is safe",), "according to", "the ministry")),
        ("Jones told reporters that the talks had failed.",
         ("indirect", ("that the talks had failed",), "told", "Jones")),
        ("Critics have argued the law is too vague.",
         ("indirect", ("the law is too vague",), "argued", "Critics")),
        ("The union warned that strikes could follow.",
         ("indirect", ("that strikes could follow",), "warned", "The union")),
        ("The company tweeted it would refund every customer.",
         ("indirect", ("it would refund every customer",), "tweeted", "The company")),
    ],
)
def test_indirect_speech_patterns(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize("line_break", ["\n", "\r\n", " \r\n", "\u2028", "\r"])
def test_content_after_a_line_break_starts_at_its_first_word_whatever_the_break(line_break):
    # CRLF text is kept as loaded: a CR left at the content's start was a span off by one.
    text = f"The mayor said{line_break}the vote would wait until June.{line_break}"
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("indirect", ("the vote would wait until June",), "said", "The mayor")


def test_participle_cue_takes_the_clause_subject_as_speaker():
    text = "The firm sued the city over the rules, contending they were unlawful."
    (attribution,) = _quotes(text)
    assert attribution.cue.text_of(text) == "contending"
    assert attribution.speaker.text_of(text) == "The firm"
    assert attribution.content[0].text_of(text) == "they were unlawful"


def test_embedded_quoted_phrase_makes_a_mixed_attribution():
    text = 'The council has said it has a "firm commitment to open data" and will publish more.'
    (attribution,) = _quotes(text)
    assert attribution.kind == "mixed"
    assert attribution.speaker.text_of(text) == "The council"


@pytest.mark.parametrize(
    "text",
    [
        'Protesters carried an alleged "peace plan" through the town.',
        "Editor’s Note: The following is an excerpt from a new book.",
        "Election Poll: Voters increasingly see the mayor as electable.",
        "The report was labelled \"misleading\" by the board's staff.",
        "He added sugar to the tea and left.",
        "The United States and the State Department were closed.",
    ],
)
def test_scare_quotes_and_non_reporting_words_are_not_attributions(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twitter's users' posts were 'hidden' today.", ["'hidden'"]),
        ("She said 'yes' and they don't know why.", ["'yes'"]),
        ('He called it "a mess" and "a shame".', ['"a mess"', '"a shame"']),
    ],
)
def test_apostrophes_are_not_quotation_marks(text, expected):
    assert [text[q.start:q.end] for q in quoted_spans(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        ("A spokesperson of Acme said the plant is closed.", "A spokesperson of Acme", "Acme"),
        ("Acme opened a plant. The company said it will hire 200 people.", "The company", "Acme"),
        ("Acme said sales rose. It said costs fell too.", "It", "Acme"),
        ("Mary Smith spoke first. She said the vote was fair.", "She", "Mary Smith"),
        ("A former official said the files were lost.", "A former official", None),
    ],
)
def test_speaker_resolves_to_the_entity_or_to_none(text, speaker, entity):
    attribution = _quotes(text)[-1]
    assert attribution.speaker.text_of(text) == speaker
    assert attribution.speaker_entity == entity


def test_spokesperson_resolves_to_the_organisation_of_the_last_spokesperson():
    text = ("A spokesperson of Acme said the plant is closed.\n"
            "The Delhi Police said the case is open.\n"
            '"We will reopen soon," the spokesperson said.')
    assert [a.speaker_entity for a in _quotes(text)] == ["Acme", "Delhi Police", "Acme"]


def test_unattributed_quotations_are_returned_only_on_request():
    text = 'The hall was full.\n"This is the best day of my whole life here," one line read.\n"Nothing at all was said about the other matters then."'
    without = _quotes(text)
    with_them = _quotes(text, include_unattributed=True)
    assert len(with_them) >= len(without)
    assert all(a.rule != "direct-unframed" for a in without)


def test_bundled_article_has_seven_attributions_all_by_twitter(bundled_text):
    attributions = _quotes(bundled_text)
    assert len(attributions) == 7
    assert [a.kind for a in attributions] == ["mixed", "direct", "indirect", "direct", "direct", "direct", "indirect"]
    assert {a.speaker_entity for a in attributions} == {"Twitter"}
    speakers = [a.speaker.text_of(bundled_text) for a in attributions]
    assert speakers == ["Twitter", "the online platform", "A spokesperson of Twitter", "the spokesperson",
                        "Twitter", "the spokesperson", "the microblogging platform"]
    assert attributions[1].content[0].text_of(bundled_text).startswith('"viewing, sharing')
    quoted = " ".join(s.text_of(bundled_text) for a in attributions for s in a.content)
    assert "Congress toolkit" not in quoted
    body = segment(bundled_text).body
    assert all(body.contains(s) for a in attributions for s in a.content)


def test_every_span_is_valid_and_in_order(bundled_text):
    attributions = _quotes(bundled_text)
    for a in attributions:
        for span in (*a.content, a.cue, a.speaker):
            assert span is None or 0 <= span.start < span.end <= len(bundled_text)
        assert 0 <= a.confidence <= 1 and a.rule
    starts = [a.content[0].start for a in attributions]
    assert starts == sorted(starts)


def test_quotes_table_has_the_documented_columns(bundled_text):
    segments = segment(bundled_text)
    attributions = find_quotes(bundled_text, segments)
    table = quotes_table(bundled_text, segments, attributions, article_id="ndtv")
    assert list(table.columns) == QUOTE_COLUMNS
    assert len(table) == 7 and set(table["article_id"]) == {"ndtv"}
    row = table.iloc[3]
    assert bundled_text[row.cue_start:row.cue_end] == row.cue == "said"
    assert bundled_text[row.speaker_start:row.speaker_end] == row.speaker
    assert row.content_spans[0] == [row.content_start, row.content_spans[0][1]]
    assert list(table["quote"]) == list(range(7))
    assert row.content == " … ".join(bundled_text[s:e] for s, e in row.content_spans)


def test_quotes_table_equals_the_corpus_quote_table(bundled_text):
    record = analyze_article(from_text(bundled_text, id="ndtv"))
    corpus = tables_from_records([record]).quotes
    segments = segment(bundled_text)
    attributions = find_quotes(bundled_text, segments, entities=build_entity_index(bundled_text, segments))
    pd.testing.assert_frame_equal(quotes_table(bundled_text, segments, attributions, article_id="ndtv"), corpus)


def test_quote_record_is_json_ready(bundled_text):
    record = quote_record(_quotes(bundled_text)[0])
    assert set(record) == {"kind", "content", "cue", "speaker", "speaker_entity", "rule", "confidence"}
    assert isinstance(record["content"][0], list) and record["speaker_entity"] == "Twitter"


def test_boilerplate_quotations_are_ignored(bundled_text):
    attributions = _quotes(bundled_text)
    assert all("Worked Overtime" not in s.text_of(bundled_text) for a in attributions for s in a.content)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator called the plan “reckless and rushed.”",
         ("mixed", ("the plan “reckless and rushed.”",), "called", "The senator")),
        ("The mayor criticized the council's new budget.",
         ("indirect", ("the council's new budget",), "criticized", "The mayor")),
        ("The coach asked whether the game would be moved.",
         ("indirect", ("whether the game would be moved",), "asked", "The coach")),
    ],
)
def test_stance_verbs_take_their_object_as_content(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers started a group called Friends of the Park.",
        "The so-called reform passed in May.",
        "The police asked the bank to hand over its records.",
        "Note: This story was updated with new figures.",
    ],
)
def test_naming_and_requests_are_not_attributions(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sixty percent said they would vote again.", "Sixty percent"),
        ("Nearly half said the economy was their top issue.", "Nearly half"),
        ("Rep. Ann Lee (D-Ore.) said the bill will pass next week.", "Rep. Ann Lee (D-Ore.)"),
        ("When asked about the vote, 59 percent said it was fair.", "59 percent"),
    ],
)
def test_poll_shares_and_long_subjects_are_speakers(text, speaker):
    (attribution,) = [a for a in _quotes(text) if a.cue.text_of(text) == "said"]
    assert attribution.speaker.text_of(text) == speaker


def test_name_colon_headline_is_an_attribution():
    text = "Mayor Lee: Bridge Will Open in May\n\nThe city council met on Monday."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("indirect", ("Bridge Will Open in May",), ":", "Mayor Lee")


def test_pipeline_resolves_speakers_with_the_shared_entity_index(bundled_text):
    from analysis.load import from_text
    from analysis.pipeline import analyze_article

    record = analyze_article(from_text(bundled_text))
    assert len(record["quotes"]) == 7
    assert {q["speaker_entity"] for q in record["quotes"]} == {"Twitter"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A new survey shows most drivers want cheaper fares.",
         ("indirect", ("most drivers want cheaper fares",), "shows", "A new survey")),
        ("She thanked the crowd and said that the fight was not over.",
         ("indirect", ("that the fight was not over",), "said", "She")),
    ],
)
def test_findings_and_coordinated_cues(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not give up on this town," said former county judge Maria Olsen.', "former county judge Maria Olsen"),
        ('"Nobody asked us first," said retired teacher Tom Baker, a local resident.', "retired teacher Tom Baker, a local resident"),
    ],
)
def test_inverted_speaker_may_open_with_lower_case_modifiers(text, speaker):
    (attribution,) = _quotes(text)
    assert attribution.speaker.text_of(text) == speaker


def test_participle_after_a_direct_frame_keeps_its_speaker():
    text = '"The plan is far too slow," the mayor said, adding that the council "has wasted a year."'
    found = [_as_text(text, a) for a in _quotes(text)]
    assert ("mixed", ('that the council "has wasted a year."',), "adding", "the mayor") in found


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        ("Twitter opened an office in Delhi in May. It said that the office would hire 300 people.", "It", "Twitter"),
        ("Delhi Police sent a notice to Twitter on Monday. The police said that the platform had not replied.",
         "The police", "Delhi Police"),
        ("The minister spoke first. Later the spokesperson said that talks would go on.", "the spokesperson", None),
    ],
)
def test_shared_entity_index_resolves_pronouns_and_descriptions(text, speaker, entity):
    from analysis.entities import build_entity_index

    segments = segment(text)
    (attribution,) = find_quotes(text, segments, entities=build_entity_index(text, segments))
    assert (attribution.speaker.text_of(text), attribution.speaker_entity) == (speaker, entity)


def test_cue_at_the_very_start_of_the_text_is_found():
    text = "According to the mayor, the bridge will open in May."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("indirect", ("the bridge will open in May",), "According to", "the mayor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor went on:\n\n“Nobody here will lose a job because of the new bridge.”",
         ("direct", ("“Nobody here will lose a job because of the new bridge.”",), "went on:", "The mayor")),
        ('Ortiz: "We have waited ten years for this road and we will wait no longer."',
         ("direct", ('"We have waited ten years for this road and we will wait no longer."',), ":", "Ortiz")),
    ],
)
def test_quotation_after_a_colon_frame(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("''The ferry will run all winter,'' Ms. Diaz said.", "Ms. Diaz"),
        ('"The ferry will run all winter," J. Robert Hale said on Monday.', "J. Robert Hale"),
    ],
)
def test_title_or_initial_in_the_frame_is_not_a_sentence_end(text, speaker):
    (attribution,) = _quotes(text)
    assert attribution.speaker.text_of(text) == speaker


def test_participle_in_a_later_sentence_takes_that_sentence_subject():
    text = "The council met on Monday. Its chair spoke for an hour, saying that the budget was too small."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("indirect", ("that the budget was too small",), "saying", "Its chair")


def test_cue_of_the_next_sentence_does_not_frame_a_quotation_ending_a_sentence():
    text = 'The mayor called the repairs "urgent." He said the bridge would stay closed until May.'
    found = [_as_text(text, a) for a in _quotes(text)]
    assert ("indirect", ("the bridge would stay closed until May",), "said", "He") in found
    assert all(cue != "said" or content != ('"urgent."',) for _, content, cue, _ in found)


def test_appositive_speaker_before_a_cue_is_not_read_as_an_inverted_speaker():
    text = "Ana Ruiz, a union organiser at the port, said the strike would end soon."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == (
        "indirect", ("the strike would end soon",), "said", "Ana Ruiz, a union organiser at the port")


def test_asked_opener_is_a_question_with_no_speaker_and_the_answer_is_kept():
    text = "Asked whether the tax would rise, the mayor said that it would not."
    found = [_as_text(text, a) for a in _quotes(text)]
    assert found == [
        ("indirect", ("whether the tax would rise",), "Asked", None),
        ("indirect", ("that it would not",), "said", "the mayor"),
    ]


@pytest.mark.parametrize(
    ("ranges", "point", "expected"),
    [
        ([], 5, -1),
        ([(3, 8)], 2, -1),
        ([(3, 8)], 3, 8),
        ([(3, 8)], 20, 8),
        ([(10, 12), (0, 30), (5, 6)], 11, 30),
        ([(10, 12), (5, 6), (2, 4)], 7, 6),
        ([(4, 4), (4, 9)], 4, 9),
    ],
)
def test_furthest_end_is_the_largest_end_of_ranges_starting_at_or_before_the_point(ranges, point, expected):
    assert FurthestEnd(ranges).reach(point) == expected


def test_furthest_end_answers_like_a_scan_of_every_range():
    ranges = [((7 * i) % 23, (7 * i) % 23 + (5 * i) % 11) for i in range(40)]
    cover = FurthestEnd(ranges)
    for point in range(40):
        for end in range(point, 45):
            assert (cover.reach(point) > point) == any(s <= point < e for s, e in ranges)
            assert (cover.reach(point) >= end) == any(s <= point and end <= e for s, e in ranges)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said 'no' and \u201cthe 'plan' fails\u201d today.", ["'no'", "\u201cthe 'plan' fails\u201d"]),
        ("\u2018Yes\u2019 \u201cmaybe\u201d \u2018no\u2019", ["\u2018Yes\u2019", "\u201cmaybe\u201d", "\u2018no\u2019"]),
    ],
)
def test_single_mark_quotation_inside_a_double_one_is_part_of_it(text, expected):
    assert [text[q.start:q.end] for q in quoted_spans(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was the star of the reality TV show \u201cThe Apprentice\u201d for years.",
        "Bob Smith, a talk show host in Ohio, was there.",
        "He spoke on the MSNBC show \u201cMorning Joe\u201d about the race.",
        "Fox News sent a morning-show host to the streets.",
    ],
)
def test_show_naming_a_programme_is_not_a_cue(text):
    assert [a for a in _quotes(text) if a.cue and a.cue.text_of(text).lower().startswith("show")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New polls show Clinton leading in Ohio.", ("indirect", ("Clinton leading in Ohio",), "show", "New polls")),
        ("Records show he never paid.", ("indirect", ("he never paid",), "show", "Records")),
    ],
)
def test_show_after_a_finding_is_still_a_cue(text, expected):
    assert [_as_text(text, a) for a in _quotes(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Trump campaign issued a statement saying the rally was postponed.", "The Trump campaign"),
        ("Later, she released a statement saying the deal was fair.", "she"),
        ("His office put out a statement Wednesday saying the plan would fail.", "His office"),
        ("Rubio’s campaign sent out a press release saying Murphy owes an explanation.", "Rubio’s campaign"),
    ],
)
def test_who_issued_a_statement_is_its_speaker(text, speaker):
    assert [a.speaker.text_of(text) for a in _quotes(text)] == [speaker]


def test_a_statement_that_speaks_for_itself_stays_the_speaker():
    text = "\u201cWe are sorry,\u201d the statement said."
    assert [a.speaker.text_of(text) for a in _quotes(text)] == ["the statement"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ferry captain, for example, said the crossing was safe.", "The ferry captain"),
        ("Ms. Okafor, however, said the vote would be close.", "Ms. Okafor"),
        ("Harbour officials and pilots, in fact, insist that the channel is deep enough.", "Harbour officials and pilots"),
    ],
)
def test_sentence_adverbial_after_the_speaker_is_not_part_of_it(text, speaker):
    assert [a.speaker.text_of(text) for a in _quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The harbour board on Monday said the ferry would run all winter.", "The harbour board"),
        ("Mayor Lena Ortiz Tuesday night said the ferry would run all winter.", "Mayor Lena Ortiz"),
        ("The mayor said Wednesday that the ferry would run all winter.", "The mayor"),
        ("A report published Friday found that the ferry lost money.", "A report published Friday"),
    ],
)
def test_a_weekday_next_to_the_cue_is_a_time_not_the_speaker(text, speaker):
    assert [a.speaker.text_of(text) for a in _quotes(text)] == [speaker]


def test_quantifier_after_and_opens_its_own_clause_as_speaker():
    text = "Voters came to the pier, and some said the ferry was too slow."
    assert [a.speaker.text_of(text) for a in _quotes(text)] == ["some"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "On Wednesday night, a group of ferry pilots, including their union chief, said the channel was unsafe.",
            "a group of ferry pilots, including their union chief",
        ),
        ("But Matt Ruiz, the harbour master, said the channel was safe.", "Matt Ruiz, the harbour master"),
        ("In a statement, the port's director, Ana Lima, said the ferry would run.", "the port's director, Ana Lima"),
    ],
)
def test_opening_conjunction_or_phrase_is_not_part_of_a_described_speaker(text, speaker):
    assert [a.speaker.text_of(text) for a in _quotes(text)] == [speaker]


# ----- seventh round: frames and contents of direct quotations -------------------------------

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will meet the leaders next week,” Ryan’s office said in a statement.", "Ryan’s office"),
        ("“The staff does not like him at all,” this source told the Post.", "this source"),
        ('"The north is run by a reckless regime," the senior senator and party candidate said.',
         "the senior senator and party candidate"),
        ('"Our neighbours are hard-working people," this Trump look-alike declared.', "this Trump look-alike"),
        ("“I just tried you on the phone this morning,” it reads.", "it"),
    ],
)
def test_whole_noun_phrase_between_quotation_and_cue_is_the_speaker(text, speaker):
    (attribution,) = _quotes(text)
    assert attribution.kind == "direct"
    assert attribution.speaker.text_of(text) == speaker


def test_sentence_that_is_only_the_frame_frames_the_quotation_before_it():
    text = "“I hope you find the emails that are missing.” Ms. Vance said."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == (
        "direct", ("“I hope you find the emails that are missing.”",), "said", "Ms. Vance")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The closure of the plant was "heartbreaking," she said.', 'The closure of the plant was "heartbreaking,"'),
        ("Weaver says that “for all practical purposes, there is no path forward” for the governor.",
         "“for all practical purposes, there is no path forward” for the governor"),
    ],
)
def test_quotation_mixed_into_a_clause_has_the_whole_clause_as_content(text, content):
    (attribution,) = _quotes(text)
    assert attribution.kind == "direct"
    assert [span.text_of(text) for span in attribution.content] == [content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He is talking to voters about health care. He jokes, “It is a never ending line!”",
         ("direct", ("“It is a never ending line!”",), "jokes", "He")),
        ("As the critic put it, “Hello, it is the comeback of the year.”",
         ("direct", ("“Hello, it is the comeback of the year.”",), "put it", "the critic")),
        ("Wallace then asked, “With nukes?”", ("direct", ("“With nukes?”",), "asked", "Wallace")),
        ("“Imagine him on the same stage,” mused KTLA host Stu Lane.",
         ("direct", ("“Imagine him on the same stage,”",), "mused", "KTLA host Stu Lane")),
    ],
)
def test_any_verb_next_to_a_sentence_quotation_frames_it(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


def test_progressive_cue_is_not_a_passive():
    text = "Lopez is telling a town hall in Salem that the tax is unfair."
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("indirect", ("that the tax is unfair",), "telling", "Lopez")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor asked for more “flexibility” for the police in the north to patrol at night.",
         "for more “flexibility” for the police in the north to patrol at night"),
        ("Mayor Hill dubbed the budget a “total disgrace” and left early.", "the budget a “total disgrace”"),
    ],
)
def test_quoted_phrase_object_runs_to_the_clause_break(text, content):
    (attribution,) = _quotes(text)
    assert attribution.kind == "mixed"
    assert [span.text_of(text) for span in attribution.content] == [content]


def test_reported_clause_runs_to_the_end_of_a_quotation_it_opens():
    text = 'Park said the rival is "weak on crime. Weak like a baby."'
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == ("mixed", ('the rival is "weak on crime. Weak like a baby."',), "said", "Park")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Those rules did not apply to her. He said:\n\n"In all the years I served in government, it was a sacrifice."',
         ("direct", ('"In all the years I served in government, it was a sacrifice."',), "said:", "He")),
        ("The week in polls.\n\nRED STATES OUTNUMBER BLUE STATES - Jane M. Jones: “Our analysis of party affiliation shows a shift.”",
         ("direct", ("“Our analysis of party affiliation shows a shift.”",), ":", "Jane M. Jones")),
        ('The fact check follows.\n\n"Boeing and other firms pay zero taxes."\n\n- Sanders.\n\nThis is a complex issue.',
         ("direct", ('"Boeing and other firms pay zero taxes."',), "-", "Sanders")),
    ],
)
def test_colon_heading_and_signature_frames(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan, she said, was too costly for the city.",
         ("indirect", ("The plan", "was too costly for the city"), "said", "she")),
        ("Cost estimates, he added, were “based on a prototype facility.”",
         ("mixed", ("Cost estimates", "were “based on a prototype facility.”"), "added", "he")),
    ],
)
def test_frame_inside_the_reported_clause_reports_both_parts(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


def test_coordinated_cue_after_an_adverb_takes_the_clause_subject():
    text = "He brought up the bombing and later said, “It is not just one group shooting people.”"
    (attribution,) = _quotes(text)
    assert attribution.speaker.text_of(text) == "He"


def test_participle_cue_after_a_comma_opens_its_own_report():
    text = "Senator Lee criticized the accord, saying the deal goes “nowhere near far enough.”"
    found = [_as_text(text, a) for a in _quotes(text)]
    assert found == [
        ("indirect", ("the accord",), "criticized", "Senator Lee"),
        ("mixed", ("the deal goes “nowhere near far enough.”",), "saying", "Senator Lee"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The roads are closed until Friday,“ said Ines Ortega, the county engineer.",
         ("direct", ("“The roads are closed until Friday,“",), "said", "Ines Ortega, the county engineer")),
        ("“Did anyone check the pumps?“ he asked.",
         ("direct", ("“Did anyone check the pumps?“",), "asked", "he")),
        ("\u202a”We will rebuild the pier by summer,” wrote Tom Baker.",
         ("direct", ("”We will rebuild the pier by summer,”",), "wrote", "Tom Baker")),
    ],
)
def test_wrong_way_curly_mark_still_delimits_the_quotation(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We cannot wait another year," state Rep. Carla Moss (D) said during the debate.',
         "state Rep. Carla Moss"),
        ("“The harbour is finally safe,” Ruiz, the mayor of the port town for eleven years and a former "
         "fisherman who led the long and costly clean-up of the bay after the great storm of 2019 and the flood "
         "that followed it, said at the opening.", "Ruiz"),
        ('"The tunnel will cost twice as much," city engineers Ada Lin and Omar Haddad of the Harbour '
         'Authority wrote in March.', "city engineers Ada Lin and Omar Haddad of the Harbour Authority"),
        ('"We will appeal," council leader Ana Ruiz and deputy Tom Berg, both Greens, said in a statement.',
         "council leader Ana Ruiz and deputy Tom Berg"),
    ],
)
def test_long_or_lower_case_description_between_quotation_and_cue(text, speaker):
    (attribution,) = _quotes(text)
    assert attribution.speaker.text_of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        '"We will appeal," after council leader Ana Ruiz said so, the hall emptied.',
        '"We will appeal," and the hall emptied when council leader Ana Ruiz said so.',
    ],
)
def test_clause_between_quotation_and_cue_is_no_described_speaker(text):
    assert all(a.rule != "direct-described-speaker" for a in _quotes(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“Only a fool,” she said, would build a house on that slope. Nobody listened.",
         ("“Only a fool,”", "would build a house on that slope")),
        ('"It was bad timing," he said, that the storm hit on market day.',
         ('"It was bad timing,"', "that the storm hit on market day")),
        ('"It was bad timing," he said, referring to the storm on market day.',
         ('"It was bad timing,"',)),
        ('"It was bad timing," he said in an interview on Monday.',
         ('"It was bad timing,"',)),
    ],
)
def test_unquoted_second_part_of_a_split_quotation_is_content(text, content):
    (attribution,) = _quotes(text)
    assert tuple(span.text_of(text) for span in attribution.content) == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor heralded the new bridge as a “triumph of engineering.”",
         ("mixed", ("the new bridge as a “triumph of engineering.”",), "heralded", "The mayor")),
        ("Ortega implied that the council had been “asleep at the wheel” for years.",
         ("mixed", ("that the council had been “asleep at the wheel” for years",), "implied", "Ortega")),
        ("Dr. Imre also made the point that the vaccine is “not a cure” for the disease.",
         ("mixed", ("that the vaccine is “not a cure” for the disease",), "made the point", "Dr. Imre")),
    ],
)
def test_unlisted_verb_with_a_quoted_phrase_in_its_object_is_a_mixed_attribution(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The false accusations that the mayor was a “crook” spread fast.",
        "It has not helped that the bridge is “delayed again.”",
        "Officials searched their files for words such as “bridge” and “loan.”",
        "The deal was described as a “breakthrough” in the papers.",
    ],
)
def test_noun_expletive_or_passive_before_a_quoted_object_is_no_attribution(text):
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The mayor "had no choice but to close" the bridge, Ortega said. "Nobody wanted this outcome at all."',
         ('The mayor "had no choice but to close" the bridge', '"Nobody wanted this outcome at all."')),
        ('The mayor "had no choice but to close" the bridge, Ortega said on Monday. "Nobody wanted this outcome at all."',
         ('The mayor "had no choice but to close" the bridge', '"Nobody wanted this outcome at all."')),
    ],
)
def test_quotation_after_a_mixed_clause_framed_at_its_end_continues_it(text, content):
    (attribution,) = _quotes(text)
    assert tuple(span.text_of(text) for span in attribution.content) == content


def test_quotation_with_its_own_frame_does_not_continue_the_mixed_clause_before():
    text = 'The mayor "had no choice" in the end, Ortega said. "Nobody wanted this outcome at all," she added.'
    first, second = _quotes(text)
    assert [span.text_of(text) for span in first.content] == ['The mayor "had no choice" in the end']
    assert second.cue.text_of(text) == "added"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ortega applauded the council for acting “with real courage.”",
         ("mixed", ("the council for acting “with real courage.”",), "applauded", "Ortega")),
        ("The mayor bemoaned a climate in which neighbours “simply stopped talking.”",
         ("mixed", ("a climate in which neighbours “simply stopped talking.”",), "bemoaned", "The mayor")),
        ("Lin thanked the volunteers for “showing up every single day.”",
         ("mixed", ("the volunteers for “showing up every single day.”",), "thanked", "Lin")),
    ],
)
def test_evaluative_verb_with_a_quoted_phrase_in_its_object_is_a_mixed_attribution(text, expected):
    (attribution,) = _quotes(text)
    assert _as_text(text, attribution) == expected
