"""Each answer check: positive cases and the tricky negatives the guidance warns about."""

from __future__ import annotations

import pytest

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.config import AnalysisConfig

CFG = AnalysisConfig()


def fired(text: str, question: str | None = None) -> set[str]:
    return analyze_answer(text, question, config=CFG).checks_fired()


def finding(text: str, check: str, question: str | None = None):
    report = analyze_answer(text, question, config=CFG)
    matches = [f for f in report.findings if f.check == check]
    assert matches, f"{check} did not fire: {[f.check for f in report.findings]}"
    return matches[0]


# --- negativity -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I left because management had no clue what the warehouse actually did.",
    "My manager micromanaged every email and took credit for my analysis.",
    "Leadership, let's just say, wasn't exactly known for reading my reports.",
    "the owner didnt know the first thing about running a kitchen so i quit",
    "Our VP, bless his heart, thought a pivot table was furniture.",
    "The client couldn't make a decision to save their life.",
])
def test_negativity_fires_on_digs_and_sarcasm(text: str) -> None:
    assert "negativity" in fired(text)


@pytest.mark.parametrize("text", [
    "We had a terrible outage at nine on a Monday, and I had tellers back online in forty "
    "minutes.",
    "A customer came to my register really upset, so I apologised and found him the TV at "
    "another store.",
    "A coworker and I disagreed about staging pallets, so we timed both methods and combined "
    "them.",
    "My position was eliminated in a restructuring, and I'm grateful for the three years.",
    "I micromanaged my first team, and I learned to delegate.",
])
def test_negativity_quiet_on_hard_situations_told_factually(text: str) -> None:
    assert "negativity" not in fired(text)


def test_negativity_evidence_names_the_target() -> None:
    text = "Honestly, management had no clue."
    f = finding(text, "negativity")
    assert f.evidence == "management had no clue"
    assert text[f.start:f.end] == f.evidence
    assert "management had no clue" in f.tip


# --- off-limits topics ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "topic"), [
    ("I'm a devout Catholic and I pray the rosary on my commute.", "religion"),
    ("If the president would stop blocking pipelines we'd pay half for gas.", "politics"),
    ("I volunteer for my party because we can't let the other side win again.", "politics"),
    ("i'm a gemini so i can be scattered thats just my chart", "beliefs"),
    ("Personally I don't believe free will exists.", "beliefs"),
])
def test_off_limits_topic_and_detail(text: str, topic: str) -> None:
    f = finding(text, "off_limits_topic")
    assert f.detail["topic"] == topic
    assert f.severity == "problem"


@pytest.mark.parametrize("text", [
    "I managed the renovation of St. Andrew's Church, replacing the roof trusses.",
    "I built election software for the county clerk, including the voter-registration "
    "database.",
    "I back up my files religiously and I make liberal use of checklists.",
    "I own my mistakes and I believe every student should explain one idea in their own words.",
    "I have a lot of faith in my team, so I delegate real responsibility.",
    "The stylebook is our bible, and I caught an error in a story about the mayor's budget.",
    "We organised the holiday party and booked a third-party rental vendor.",
])
def test_off_limits_quiet_on_work_domain_mentions(text: str) -> None:
    assert "off_limits_topic" not in fired(text)


def test_extra_off_limits_from_config() -> None:
    cfg = AnalysisConfig(extra_off_limits={"politics": ("brexit",)})
    report = analyze_answer("Honestly Brexit was a mistake.", config=cfg)
    assert [f.detail["topic"] for f in report.findings if f.check == "off_limits_topic"] == [
        "politics"
    ]
    assert "off_limits_topic" not in fired("Honestly Brexit was a mistake.")


# --- overselling ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I'm the best salesperson you'll ever interview.",
    "I've never made a mistake on a tax return.",
    "There's nothing in Excel I haven't mastered.",
    "I single-handedly saved the company.",
    "i can fix any machine on that floor and nobody works harder than me",
    "I learn faster than anyone I've ever met.",
])
def test_overselling_fires_on_absolutes(text: str) -> None:
    assert "overselling" in fired(text)


@pytest.mark.parametrize("text", [
    "I cut onboarding from three weeks to one and grew revenue by forty percent.",
    "I'm not the best at public speaking, so I joined Toastmasters.",
    "I build a best case and a downside case for every forecast.",
    "I slow my hands down when the room speeds up.",
])
def test_overselling_quiet_on_quantified_and_modest_claims(text: str) -> None:
    assert "overselling" not in fired(text)


def test_quantified_results_are_praised() -> None:
    report = analyze_answer(
        "I cut onboarding from three weeks to one week, and churn fell by twelve percent.",
        config=CFG,
    )
    assert any("numbers" in s for s in report.strengths)


# --- unprofessional language ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It was a hell of a week, dude.",
    "We spent the whole damn weekend on it.",
    "I'm gonna bail if the pay doesn't kick in.",
    "tbh the pay is legit and the team is pretty chill",
])
def test_unprofessional_fires(text: str) -> None:
    assert "unprofessional_language" in fired(text)


@pytest.mark.parametrize("text", [
    "I led inspections on forty earthen dams for the state.",
    "Whatever you throw at me, I'll learn it properly.",
    "I'm the one who cares whether customers get help.",
    "The vibe of the project was calm.",
])
def test_unprofessional_quiet_on_innocent_words(text: str) -> None:
    assert "unprofessional_language" not in fired(text)


def test_profanity_is_a_problem_and_casual_a_warning() -> None:
    assert finding("That was a damn mess.", "unprofessional_language").severity == "problem"
    assert finding("I'm gonna be there, dude.", "unprofessional_language").severity == "warning"


# --- hedging ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "I guess I'm kind of a team player, maybe.",
    "i dont know maybe management or something i guess",
    "I think I'm probably decent at it, though I might be wrong.",
])
def test_hedging_fires_on_two_or_more(text: str) -> None:
    assert "hedging" in fired(text)


@pytest.mark.parametrize("text", [
    "What sort of projects would I take on, and what kind of team is it?",
    "I think the next step for me is design leadership.",
    "Election night has that same kind of high-traffic moment.",
])
def test_hedging_quiet_on_noun_uses_and_single_hedges(text: str) -> None:
    assert "hedging" not in fired(text)


# --- filler words -----------------------------------------------------------------------------

def test_fillers_fire_with_count_and_rate() -> None:
    text = "Um, so I, like, run, uh, the desk, you know, and basically fix printers. So yeah."
    f = finding(text, "filler_words")
    assert f.detail["count"] >= 5
    assert float(f.detail["rate"]) >= 3


def test_fillers_in_unpunctuated_speech() -> None:
    text = ("um so i've been a hygienist for like six years and uh i really like the patient "
            "side you know helping people and um i basically want more periodontal work")
    assert "filler_words" in fired(text)


@pytest.mark.parametrize("text", [
    "I'd like to be somewhere that treats reading as a priority. I like that your teachers "
    "plan together, and it works like a relay.",
    "After a hard shift, like when we lose a patient, I use our debrief sessions.",
    "Do you know how the team measures success? I'd like to know.",
])
def test_like_and_you_know_as_real_words_are_not_fillers(text: str) -> None:
    report = analyze_answer(text, config=CFG)
    assert report.metrics["filler_count"] == 0


# --- leaving discretion, structure, length, repetition ----------------------------------------

LEAVE_Q = "Why did you leave your last job?"


def test_leaving_discretion_flags_blame() -> None:
    f = finding("Mainly because my manager micromanaged everything.", "leaving_discretion",
                LEAVE_Q)
    assert f.detail["reason"] == "blaming"


def test_leaving_discretion_praises_neutral_framing() -> None:
    report = analyze_answer(
        "My role was eliminated in a restructuring. I learned a lot about email marketing "
        "there, and I'm looking for a role with more testing.", LEAVE_Q, config=CFG)
    assert "leaving_discretion" not in report.checks_fired()
    assert any("neutral" in s for s in report.strengths)


def test_structure_needs_a_result() -> None:
    q = "Tell me about a time you handled a difficult customer."
    f = finding("There was a customer who was upset about a delayed order. I called the "
                "warehouse and asked them to check the shelves.", "structure", q)
    assert f.detail["missing"] == "result"
    ok = ("A customer was upset about a delay. I called the warehouse, found the order and "
          "drove it over myself, and he rebooked with us the next month.")
    assert "structure" not in fired(ok, q)


def test_length_band_in_words() -> None:
    assert finding("I work hard.", "length", "Tell me about yourself.").detail["words"] == 3
    assert "length" not in fired("Good, thanks, busy week.", "How's your week been?")
    long = " ".join(["I planned the route and checked each stop with the driver."] * 45)
    assert finding(long, "length").message.startswith("A long answer")
    timed = analyze_answer("I work hard.", config=CFG, metrics={"duration_s": 3.0})
    assert "length" not in timed.checks_fired()
    assert timed.metrics["duration_s"] == 3.0


def test_repetition_fires_on_an_overused_word() -> None:
    text = ("The spreadsheet tracked costs. I built the spreadsheet, shared the spreadsheet, "
            "fixed the spreadsheet and trained people on the spreadsheet every week.")
    f = finding(text, "repetition")
    assert f.detail["word"] == "spreadsheet"


def test_clean_answer_has_no_findings_and_praises() -> None:
    text = ("I'm a civil engineer with six years in water infrastructure. I've led inspections "
            "on about forty earthen dams and written the condition reports. Last year I managed "
            "a spillway rehabilitation that came in under budget by eight percent, and I'm "
            "looking to move into design.")
    report = analyze_answer(text, "Tell me about yourself.", config=CFG)
    assert report.findings == []
    assert report.strengths
    assert report.summary.startswith("This answer works well")


def test_tips_vary_by_evidence_but_are_deterministic() -> None:
    texts = [f"My manager was {w}." for w in ("useless", "lazy", "toxic", "incompetent",
                                                  "clueless", "a joke", "rude", "petty")]
    found = [finding(t, "negativity") for t in texts]
    templates = {f.tip.replace(f.evidence, "<E>") for f in found}
    assert len(templates) >= 2
    assert found[0].tip == finding(texts[0], "negativity").tip


def test_summary_leads_with_most_important_and_says_what_was_good() -> None:
    report = analyze_answer("Um, like, my boss was useless, you know, um, basically.",
                            config=CFG)
    assert report.findings[0].check == "negativity"
    assert report.summary.startswith("The main thing to fix is the criticism")
    assert "plus side" in report.summary
    assert 1 <= report.summary.count(". ") + 1 <= 4


def test_ranked_claim_backed_by_numbers_is_not_overselling() -> None:
    text = "I was the top seller in my region for three quarters, about 140 percent of quota."
    assert "overselling" not in fired(text)
    assert "overselling" in fired("I was the top seller in my region, no question.")


def test_data_files_cite_their_source_and_sounds_stay_plain_words() -> None:
    from importlib import resources

    from voicecoach.analysis.lexicon import load_data

    data = resources.files("voicecoach.analysis").joinpath("data")
    for item in data.iterdir():
        if item.name.endswith(".yaml"):
            assert "guidance.md" in item.read_text(encoding="utf-8"), item.name
    # voicecoach/delivery reads these as literal words, not patterns
    assert all(w.isalpha() for w in load_data("fillers")["sounds"])
