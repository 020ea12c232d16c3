"""Quote attribution: mixed clauses (a quoted phrase inside reported content) and speakers
whose description holds a quotation."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes
from analysis.segment import segment


def _attributions(text: str) -> list[tuple]:
    return [
        (
            a.kind,
            tuple(span.text_of(text) for span in a.content),
            a.cue.text_of(text) if a.cue else None,
            a.speaker.text_of(text) if a.speaker else None,
        )
        for a in find_quotes(text, segment(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor is promising to "fix every pothole" by the spring.',
         ("mixed", ('to "fix every pothole" by the spring',), "promising", "The mayor")),
        ("Ana Ruiz, back from the picket line, is pledging to “keep the plant open” this year.",
         ("mixed", ("to “keep the plant open”",), "pledging", "Ana Ruiz, back from the picket line")),
        ('The union is already praising the deal as "a real step forward."',
         ("mixed", ('the deal as "a real step forward."',), "praising", "The union")),
    ],
)
def test_progressive_stance_cue_reports_its_quoted_object(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The coach heralded the keeper as "a wall" but described the defence as "a sieve."',
         [("mixed", ('the keeper as "a wall"',), "heralded", "The coach"),
          ("mixed", ('the defence as "a sieve."',), "described", "The coach")]),
        ("The senator met the farmers and urged them to “stand firm” on prices.",
         [("mixed", ("them to “stand firm”",), "urged", "The senator")]),
    ],
)
def test_coordinated_cue_takes_the_speaker_of_its_sentence(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The plant is being called "a disaster" by the neighbours.',  # a passive, no progressive
        'Tourists and the "Blue Lagoon" crowd are praising nothing.',  # a scare quote before the cue
        'Protesters carried an alleged "Congress toolkit" and left.',
    ],
)
def test_passives_and_scare_quotes_stay_unattributed(text):
    assert _attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Lee, the author of "Quiet Towns," a book about rural life, said the region felt "left behind" for years.',
         ("mixed", ('the region felt "left behind" for years',), "said",
          'Lee, the author of "Quiet Towns," a book about rural life')),
        ("Ana Ruiz, a host of “Morning Shift,” said the station would close.",
         ("indirect", ("the station would close",), "said", "Ana Ruiz, a host of “Morning Shift,”")),
    ],
)
def test_title_inside_speaker_description_keeps_the_speaker(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor won the vote, declaring it “a good day for the city”.",
         ("mixed", ("it “a good day for the city”",), "declaring", "The mayor")),
        ('The coach faced the critics, dismissing them as "armchair experts."',
         ("mixed", ('them as "armchair experts."',), "dismissing", "The coach")),
        ('The union filed a lawsuit, alleging that managers kept a "secret list" of organisers.',
         ("mixed", ('that managers kept a "secret list" of organisers',), "alleging", "The union")),
        ('Ana Ruiz casts the merger as a "hostile takeover" of the town.',
         ("mixed", ('the merger as a "hostile takeover" of the town',), "casts", "Ana Ruiz")),
        ("The mayor spoke for an hour, referring to the plan as “our best shot.”",
         ("mixed", ("to the plan as “our best shot.”",), "referring", "The mayor")),
        ("The senator closed the hearing, portraying the bill as a “gift to lobbyists.”",
         ("mixed", ("the bill as a “gift to lobbyists.”",), "portraying", "The senator")),
    ],
)
def test_stance_verb_reports_its_quoted_object(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said the bridge would reopen, claiming credit for the repairs.",
         ("indirect", ("the bridge would reopen, claiming credit for the repairs",), "said", "The mayor")),
    ],
)
def test_stance_participle_does_not_cut_reported_content(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor dismissing the plan was a surprise to everyone.",  # no quoted phrase
        'The plan was being labeled "a failure" by its critics.',  # a passive, not a progressive
    ],
)
def test_stance_verb_without_quoted_object_or_speaker_reports_nothing(text):
    assert _attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Sen. Ana Ruiz (D-Ore.) weighed in on the dispute, calling the vote a "sham."',
         ("mixed", ('the vote a "sham."',), "calling", "Sen. Ana Ruiz (D-Ore.)")),
        ("BOSTON — Rep. Tom Lee (R-Mass.) spoke at the rally, saying the plan would “cost jobs.”",
         ("mixed", ("the plan would “cost jobs.”",), "saying", "Rep. Tom Lee (R-Mass.)")),
        ("The retired mayor has kept quiet, saying only that the case was closed.",
         ("indirect", ("only that the case was closed",), "saying", "The retired mayor")),
    ],
)
def test_participle_takes_a_described_sentence_subject(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lopez Questioned What It Means To Be “Local Enough.”",
         ("mixed", ("What It Means To Be “Local Enough.”",), "Questioned", "Maria Lopez")),
        ("Ana Ruiz Is Now Calling The Plan A ‘Disaster’.",
         ("indirect", ("The Plan A ‘Disaster’",), "Calling", "Ana Ruiz")),  # single marks make no "mixed"
        ("“Guns Are ‘A Crisis,’” Ana Ruiz Tells Convention.",
         ("mixed", ("“Guns Are ‘A Crisis,’”",), "Tells", "Ana Ruiz")),
        ("‘Tax Plan’ Is A Fraud, Board Finds.",
         ("indirect", ("‘Tax Plan’ Is A Fraud",), "Finds", "Board")),
    ],
)
def test_title_case_headline_with_a_quotation_is_reported_by_its_name(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        'Protesters Carried An Alleged "Peace Plan" Through Town.',  # a noun phrase, no name
        "Maria Lopez Questioned What It Means To Be Local.",  # no quotation
        "The “Blue Lagoon” Reopens This Summer, Owners Celebrate.",  # no cue verb
    ],
)
def test_headline_without_name_quotation_or_cue_is_not_attributed(text):
    assert _attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday on Fox News Channel’s “Morning Hour,” Ana Ruiz said the plan would fail.",
         [("indirect", ("the plan would fail",), "said", "Ana Ruiz")]),
        ('In an interview with "City Talk," the mayor said taxes would rise.',
         [("indirect", ("taxes would rise",), "said", "the mayor")]),
        ('He met with Kasich. "There never was a deal," he said.',  # a sentence break: a quotation
         [("direct", ('"There never was a deal,"',), "said", "he")]),
    ],
)
def test_programme_title_before_a_frame_is_not_the_quotation(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('A crowd gathered outside the hospital, chanting "Staff the wards!"',
         ("mixed", ('"Staff the wards!"',), "chanting", "A crowd")),
        ("The mayor spoke near the plant, where the union had gathered, chanting “no contract, no work.”",
         ("mixed", ("“no contract, no work.”",), "chanting", "the union")),
    ],
)
def test_chant_is_reported_by_the_clause_subject(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Mayor Ana Ruiz\'s assertion that the bridge was "perfectly safe" drew laughter.',
         ("mixed", ('that the bridge was "perfectly safe" drew laughter',), "assertion", "Mayor Ana Ruiz's")),
        ("Critics pointed to her claim during the hearing that she “never saw the memo.”",
         ("mixed", ("during the hearing that she “never saw the memo.”",), "claim", "her")),
        ('Voters remember his pledge to stay "neutral" in the fight.',
         ("mixed", ('to stay "neutral"',), "pledge", "his")),
    ],
)
def test_claim_noun_with_a_quoted_clause_is_reported_by_its_owner(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        'The claim that the bridge was "perfectly safe" drew laughter.',  # no owner
        'Her claim to the "family farm" was rejected.',  # no clause after the noun
    ],
)
def test_claim_noun_without_owner_or_clause_is_not_attributed(text):
    assert _attributions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We have had better weeks,” Ohio delegate Ann Lee, wearing a sash and “Vote Kasich” buttons, said quietly.",
         [("direct", ("“We have had better weeks,”",), "said", "Ohio delegate Ann Lee")]),
        ('"It was a long night," organiser Tom Bell, a fan of "Star Wars" films, said.',
         [("direct", ('"It was a long night,"',), "said", "organiser Tom Bell")]),
    ],
)
def test_quoted_name_inside_speaker_description_keeps_the_frame(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor visited the crews, saying, “They worked through the night.”",
         [("direct", ("“They worked through the night.”",), "saying", "The mayor")]),
        ("Ms. Ruiz waved at the “expert,” saying, “He has never run a farm.”",
         [("direct", ("“He has never run a farm.”",), "saying", "Ms. Ruiz")]),
        ('The coach closed the session by remarking, "Nobody rests tomorrow."',
         [("direct", ('"Nobody rests tomorrow."',), "remarking", "The coach")]),
    ],
)
def test_participle_before_a_quotation_takes_its_clause_subject(text, expected):
    assert _attributions(text) == expected


def test_adjunct_before_a_participle_still_ends_the_frame():
    text = "The new tax is “plainly unfair” to farmers, Ruiz said Monday in Leeds, noting that prices would rise."
    assert _attributions(text) == [
        ("mixed", ("The new tax is “plainly unfair” to farmers",), "said", "Ruiz"),
        ("indirect", ("that prices would rise",), "noting", "Ruiz"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lopez Pins The Blame On ‘Reckless’ Council Spending\n\nThe council met on Monday.",
         [("indirect", ("The Blame On ‘Reckless’ Council Spending",), "Pins", "Maria Lopez")]),
        ("Jeff Sessions, Ana Ruiz Wear ‘Vote Early’ Hats At Rally\n\nThe council met on Monday.", []),
    ],
)
def test_title_case_headline_verb_in_s_frames_its_quotation(text, expected):
    assert _attributions(text) == expected


def test_plural_noun_in_a_speakers_appositive_is_no_verb():
    text = '"Many voters would see that as a defeat" if the margin stays small, said Lena Ortiz, an elections analyst at the Civic Data Lab.'
    assert _attributions(text) == [
        ("mixed", ('"Many voters would see that as a defeat" if the margin stays small',), "said",
         "Lena Ortiz, an elections analyst at the Civic Data Lab"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ruiz fired back that the council had "never read the plan" at all.',
         ("mixed", ('that the council had "never read the plan"',), "fired back", "Ruiz")),
        ("She made it clear that she has “grave doubts” about the deal.",
         ("mixed", ("that she has “grave doubts” about the deal",), "made it clear", "She")),
        ("They note that such files can be deemed “secret” for years.",
         ("mixed", ("that such files can be deemed “secret” for years",), "note", "They")),
    ],
)
def test_unlisted_verb_before_a_quoted_that_clause_reports_it(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruiz grilled the mayor on “Morning Shift,” calling it a “farce” to delay the vote.",
         ("mixed", ("it a “farce” to delay the vote",), "calling", "Ruiz")),
        ('Then she cut into Lee, calling him a "bystander" in his own campaign.',
         ("mixed", ('him a "bystander" in his own campaign',), "calling", "she")),
    ],
)
def test_participle_takes_the_clause_subject_past_a_quote_mark_or_an_unknown_verb(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The doubts being expressed by voters go beyond Lee's pledge to stay \"neutral\" in the race.",
         ("mixed", ('to stay "neutral"',), "pledge", "Lee's")),
        ('It was a report by the Ledger that he "misled" the board about the loans.',
         ("mixed", ('that he "misled" the board about the loans',), "report", "the Ledger")),
    ],
)
def test_claim_noun_reports_its_clause_for_its_owner(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Tom Reyes, who is weighing a run for mayor, said it was "too early" to decide.',
         ("mixed", ('it was "too early" to decide',), "said", "Tom Reyes, who is weighing a run for mayor")),
        ('The plan would fail "no matter what," one reader commented.',
         ("direct", ('The plan would fail "no matter what,"',), "commented", "one reader")),
    ],
)
def test_described_or_plain_speaker_frames_a_mixed_clause(text, expected):
    assert _attributions(text) == [expected]


def test_commented_on_a_topic_is_no_report():
    assert _attributions("Ruiz commented on the plan at length.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("While most files were marked “internal” by staff, according to a county official, two were raised to the “restricted” level.",
         [("mixed", ("two were raised to the “restricted” level",), "according to", "a county official")]),
        ('The vote went ahead because, according to Ruiz, the board would look "weak" if it waited.',
         [("mixed", ('the board would look "weak" if it waited',), "according to", "Ruiz")]),
    ],
)
def test_according_to_after_a_subordinate_clause_reports_the_main_clause(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The Ruiz campaign projects that a "modest fee" on parking would raise $2 million a year.',
         [("mixed", ('that a "modest fee" on parking would raise $2 million a year',), "projects", "The Ruiz campaign")]),
        ('The county committee estimates that the "new levy" would cost each home $40.',
         [("mixed", ('that the "new levy" would cost each home $40',), "estimates", "The county committee")]),
    ],
)
def test_unlisted_verb_after_a_capitalised_role_subject_reports_its_that_clause(text, expected):
    assert _attributions(text) == expected


def test_lower_case_noun_phrase_before_an_s_word_is_no_subject():
    text = 'He denied recent campaign accusations that his aides are "rude" to voters.'
    assert all(speaker != "recent campaign" for *_, speaker in _attributions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ruiz answered the letter by calling Moss "a coward" on the radio.',
         [("mixed", ('Moss "a coward"',), "calling", "Ruiz")]),
        ('She ended the dispute by calling the plan "dead on arrival."',
         [("mixed", ('the plan "dead on arrival."',), "calling", "She")]),
    ],
)
def test_participle_cue_after_by_is_spoken_by_the_clause_subject(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The mayor has spent the year attacking the council, portraying its members, in particular, as "cowards."',
         [("mixed", ('its members, in particular, as "cowards."',), "portraying", "The mayor")]),
        ('Ruiz told voters that, if elected, she would be "a mayor for everyone."',
         [("mixed", ('that, if elected, she would be "a mayor for everyone."',), "told", "Ruiz")]),
    ],
)
def test_short_aside_set_off_by_commas_stays_in_the_quoted_object(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ruiz hit back, saying on the radio that the plan was "dead on arrival."',
         [("mixed", ('on the radio that the plan was "dead on arrival."',), "saying", "Ruiz")]),
        ('Dana Moss shot back, calling the levy "a tax on the poor."',
         [("mixed", ('the levy "a tax on the poor."',), "calling", "Dana Moss")]),
    ],
)
def test_name_opening_the_sentence_speaks_a_participle_cue_after_an_unknown_verb(text, expected):
    assert _attributions(text) == expected


def test_contraction_opening_the_sentence_is_no_name_subject():
    text = "I'm sure, calling the levy \"a tax on the poor\" misses the point."
    assert all(speaker != "I'm" for *_, speaker in _attributions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Long after council aides started to describe the flood as a "freak event," the river rose again.',
         [("mixed", ('the flood as a "freak event,"',), "to describe", "council aides")]),
        ('It is common for local papers to paint the mayor as a "reformer" in spring.',
         [("mixed", ('the mayor as a "reformer"',), "to paint", "local papers")]),
    ],
)
def test_infinitive_with_a_quoted_as_object_is_reported_by_its_doer(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('After the talks, she pronounced the deal "a good start."',
         [("mixed", ('the deal "a good start."',), "pronounced", "she")]),
        ('The coach pronounced his team "ready to win."',
         [("mixed", ('his team "ready to win."',), "pronounced", "The coach")]),
    ],
)
def test_pronounced_names_its_object_like_called(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Her supporters are crying "foul" over the count.',
         [("mixed", ('"foul" over the count',), "crying", "Her supporters")]),
        ('Moss knocked a claim by the mayor that the fund was "in good shape."',
         [("mixed", ('a claim by the mayor that the fund was "in good shape."',), "knocked", "Moss")]),
    ],
)
def test_stance_verbs_report_a_quoted_phrase_in_their_object(text, expected):
    assert _attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The new levy has been called "a tax on the poor" by Dana Moss, a council member, and it may not pass.',
         [("mixed", ("The new levy", '"a tax on the poor"'), "called", "Dana Moss")]),
        ('The plan was labeled "reckless" by Ruiz.',
         [("mixed", ("The plan", '"reckless"'), "labeled", "Ruiz")]),
    ],
)
def test_passive_cue_with_a_named_agent_is_the_agents_report(text, expected):
    assert _attributions(text) == expected


def test_passive_cue_without_an_agent_stays_unattributed():
    assert _attributions('The plan has been called "reckless" for months.') == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will reopen the plant," Ruiz told reporters, before insisting she had a "good relationship" with the union.',
         ("mixed", ('she had a "good relationship" with the union',), "insisting", "Ruiz")),
        ('Moss left the hall early, after calling the budget "a fantasy."',
         ("mixed", ('the budget "a fantasy."',), "calling", "Moss")),
    ],
)
def test_participle_cue_after_a_time_conjunction_keeps_the_sentence_speaker(text, expected):
    assert expected in _attributions(text)


def test_discussing_reports_a_quoted_phrase_in_its_object():
    text = 'Ruiz is discussing the mayor\'s "clean streets" pledge.'
    assert _attributions(text) == [("mixed", ('the mayor\'s "clean streets" pledge',), "discussing", "Ruiz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The council met. Mayor Lena Ortiz credited the win to "a coalition of neighbours who never gave up."',
         ("mixed", ('the win to "a coalition of neighbours who never gave up."',), "credited", "Mayor Lena Ortiz")),
        ('The strike went on. She voiced a wish for a "calm, fair and quick end to this dispute," and left.',
         ("mixed", ('a wish for a "calm, fair and quick end to this dispute,"',), "voiced", "She")),
        ('The board met. He filed a request for "every record of the meetings held last spring."',
         ("mixed", ('a request for "every record of the meetings held last spring."',), "filed", "He")),
    ],
)
def test_quoted_clause_in_a_named_subjects_object_is_reported_by_the_subject(text, expected):
    assert _attributions(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a subject that is neither a name nor a pronoun
        'The board met. The committee filed a request for "every record of the meetings held last spring."',
        # a title, not a clause
        'The board met. He filed a request for "Records Of The Spring Meetings Held In May."',
        # fewer than five quoted words
        'The board met. He filed a request for "new records."',
        # the subject does not open the sentence
        'The board met. Yesterday he filed a request for "every record of the meetings held last spring."',
        # a comma between the verb and the quotation: not a plain object
        'The board met. He filed a request, in writing, for "every record of the meetings held last spring."',
    ],
)
def test_quoted_phrase_outside_the_frame_stays_unattributed(text):
    assert _attributions(text) == []
