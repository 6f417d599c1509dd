"""The clause-level mechanisms that carry the checks to unseen wording (raw ASR, sarcasm,
understatement, buried remarks), each with the tricky negatives it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicecoach.analysis import analyze_answer
from voicecoach.analysis.config import AnalysisConfig
from voicecoach.analysis.evaluate import evaluate, load_cases
from voicecoach.analysis.lexicon import vader_words

CFG = AnalysisConfig()
EXTRA2 = Path(__file__).resolve().parent / "data" / "answers-extra2.jsonl"


def fired(text: str, question: str | None = None) -> set[str]:
    return analyze_answer(text, question, config=CFG).checks_fired()


def test_vader_lexicon_is_read_without_importing_it() -> None:
    words = vader_words(-1.5)
    assert {"useless", "incompetent", "rude"} <= words
    assert "happy" not in words


@pytest.mark.parametrize("text", [
    # evaluative word predicated of a target (VADER + curated list)
    "the new regional manager was honestly so incompetent that we stopped asking him anything",
    # role noun from the broader lexicon + incompetence frame, no punctuation
    "the scheduler before me couldnt build a rota to save her life so i rebuilt it",
    # sarcasm / understatement with the target inside the marker
    "planning was not exactly the ops team's strong suit but we got the trucks out",
    "my mentor's idea of feedback was a thumbs up emoji two weeks later",
    # laziness frame across an unpunctuated window
    "our shift supervisor basically slept through most of the overnight and i covered the floor",
])
def test_negativity_clause_model_fires(text: str) -> None:
    assert "negativity" in fired(text)


@pytest.mark.parametrize("text", [
    "the vendor went bankrupt halfway through so we migrated to a new platform in six weeks",
    "my manager was strict about documentation which saved us in an audit",
    "i used to micromanage my junior designers and now i set checkpoints instead",
    "the store's flu clinic ran every saturday and i trained two technicians for it",
    "Nobody wants that kind of mess on their shift, so I restock early.",
    "i want a company that actually invests in training",  # no reference to the old workplace
])
def test_negativity_clause_model_quiet(text: str) -> None:
    assert "negativity" not in fired(text)


def test_implied_contrast_needs_a_leaving_context() -> None:
    text = "so im ready for somewhere that actually plans ahead"
    assert "negativity" in fired(text, "Why are you leaving your current job?")
    assert "negativity" not in fired(text, "What do you enjoy about planning?")


@pytest.mark.parametrize("text", [
    "theres not a contract out there i cant negotiate",
    "i basically ran that whole store by myself",
    "nothing got done in that office without me",
    "nobody on my shift came close to my numbers",
    "any client i take on ends up renewing",
    "ive never shipped a feature that users complained about",
])
def test_overselling_general_mechanisms(text: str) -> None:
    assert "overselling" in fired(text)


@pytest.mark.parametrize("text", [
    "i basically run the floor for events up to three hundred guests",
    "i check every invoice and i review every order before it ships",
    "ive never worked with kubernetes but i have used docker for two years",
])
def test_overselling_quiet_on_plain_statements(text: str) -> None:
    assert "overselling" not in fired(text)


@pytest.mark.parametrize(("text", "topic"), [
    ("honestly the mayor is wrecking this city with those parking fees", "politics"),
    ("im a big second amendment guy and id vote against anyone who disagrees", "politics"),
    ("it was gods plan for me and i trust the lord with the rest", "religion"),
    ("i never got the shot i did my own research", "beliefs"),
])
def test_off_limits_opinion_frames(text: str, topic: str) -> None:
    report = analyze_answer(text, None, config=CFG)
    topics = {f.detail["topic"] for f in report.findings if f.check == "off_limits_topic"}
    assert topic in topics


@pytest.mark.parametrize("text", [
    "i prepare returns for clients after the tax changes and track the governor's budget bills",
    "election night i built the live results map for ninety precincts",
    "i ran the flu and covid vaccine clinics at our pharmacy last fall",
    "i did the facilities work for a church campus including a new roof",
    "it wasn't the right fit, and I learned a lot there",
])
def test_off_limits_quiet_on_work_domain(text: str) -> None:
    assert "off_limits_topic" not in fired(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("um so basically my mom was on like eleven medications and i was like i want that", True),
    ("uh the pharmacist was you know the only one who um explained it um", True),
    ("i would like two more shifts a week and i know you know the area", False),
])
def test_filler_like_before_numbers_quotative_and_you_know_after_be(
    text: str, expected: bool
) -> None:
    assert ("filler_words" in fired(text)) is expected


def test_extra2_set_passes() -> None:
    cases = load_cases(EXTRA2)
    assert len(cases) >= 40
    data = evaluate(cases).to_dict()
    assert data["macro_f1"] >= 0.90
    assert all(c["f1"] >= 0.80 for c in data["checks"].values()), data["checks"]
    assert data["clean_flagged"] <= 2


# --- kinds of device added for unseen wording (each: fresh positives, tricky negatives) ------

@pytest.mark.parametrize("text", [
    # condescension / ability deficit about the people served
    "most of the residents at my complex can barely work a thermostat so i wrote big labels",
    "honestly you have to explain things to our users like they're four",
    "the shoppers were fine but it felt kind of like running a kindergarten on saturdays",
    "half the passengers think they already know everything about the safety card",
    # mock-quoted values followed by what they meant
    "Their motto was 'people first', which in practice meant nobody got a lunch break.",
    "The poster said 'we listen', and sure enough nobody answered my emails for a month.",
    # faint praise with a catch
    "My old crew were nice guys, as long as you didn't need anything done before noon.",
    # ironic markers aimed at someone in scope
    "The account manager was a big help, in the sense that he never came to the site.",
    "our regional director has big plans whether he ever visited a branch is another question",
    "The developers, bless them, had apparently never heard of a code review.",
    "my supervisor was a real genius at moving the goalposts every sprint",
    # rhetorical question about a boss
    "how is anyone supposed to hit a deadline when your manager changes the brief every morning",
    # pay, perks and favouritism
    "the overtime always went to his fishing buddies and the rest of us got the night shifts",
    "the pay there is frankly insulting while the owner buys a new boat every summer",
    # contempt for the product, accusations, irony
    "to be honest the app we sold was garbage and i would never let my own parents use it",
    "they would ship expired parts to a customer if it saved them a nickel",
    # bitter exit, gossip, eye-roll aside
    "I reported the leaks twice and was let go a month later, so make of that what you will.",
    "Our night baker, between you and me, was usually half asleep by four.",
    "We reprinted the menus overnight (because naturally the owner had changed the prices again).",
    "Truly inspired leadership.",
])
def test_negativity_devices_fire(text: str) -> None:
    assert "negativity" in fired(text, "Tell me about your last job.")


@pytest.mark.parametrize("text", [
    # hard situations, told constructively, and innocent uses of the same words
    "many of our patients cannot read small print so i print large-type care sheets",
    "i taught a creative writing workshop for teenagers at the library",
    "our tagline was 'built to last' and i rewrote the product pages around it",
    "the new hires were confused by the old ticket system so i recorded a short walkthrough",
    "She was nice to work with, and once I learned her review style we moved faster.",
    "I slept at the office once during the launch week because the trains were down.",
    "Between the two sites I handled about forty orders a day.",
    "The irony is that the fix was one line, after three days of debugging.",
    "most of them are new to the country so i run training in three languages",
    "the customer had never used a card reader before so i walked them through it",
    "I made the safety guide with pictures so the seasonal crew could follow it.",
    "My manager checked in on Fridays, which was not often enough, so I added a Monday huddle.",
    "Whether the team should adopt Kafka is another question we studied, and we chose queues.",
    "The supplier apparently never received our purchase order, so I resent it.",
    "It would be nice to work with a team that ships weekly, since that's how I like to work.",
    "the students couldn't find the lab the first week so i put up signs",
])
def test_negativity_devices_quiet(text: str) -> None:
    assert "negativity" not in fired(text, "Tell me about your last job.")


def test_politics_is_not_negativity_about_colleagues() -> None:
    text = "both parties are a bunch of clowns anyway but my crew finished the job early"
    result = fired(text)
    assert "off_limits_topic" in result
    assert "negativity" not in result


@pytest.mark.parametrize("text", [
    "i tell my nephew that anyone who votes for that crowd is voting against himself",
    "i stopped voting years ago because the whole system is rigged",
    "on weekends i knock on doors for the libertarian party",
    "honestly the senate gutted the transit budget and i'll never forgive them",
])
def test_politics_fresh_wording(text: str) -> None:
    assert "off_limits_topic" in fired(text)


@pytest.mark.parametrize("text", [
    "as a practicing muslim i observe ramadan every year",
    "sunday mornings i'm always at church with my family",
])
def test_religion_fresh_wording(text: str) -> None:
    assert "off_limits_topic" in fired(text)


@pytest.mark.parametrize("text", [
    "i read my tarot before every big decision",
    "honestly i think the moon landing was staged",
    "nothing any of us does really matters in a thousand years",
])
def test_beliefs_fresh_wording(text: str) -> None:
    assert "off_limits_topic" in fired(text)


@pytest.mark.parametrize("text", [
    "I edited the astrology column for a weekly paper, twelve signs every Friday.",
    "the contract covered everything except acts of god like floods",
    "i built the voter registration lookup for the county election office",
    "the other party to the lease has thirty days to respond under the contract",
    "Our church renovation came in two weeks early and under budget.",
])
def test_off_limits_work_domain_quiet(text: str) -> None:
    assert "off_limits_topic" not in fired(text)


@pytest.mark.parametrize("text", [
    "im a total machine on the phones",
    "people like me come along once in a generation",
    "who could do this better? nobody, that's who",
    "i guarantee i will triple your bookings in the first quarter",
    "ive never had one customer complaint in my whole time there",
    "i could run your entire warehouse by myself",
    "give me any engine in the world and i'll have it running by lunch",
    "I know more about tile than any contractor you could hire.",
])
def test_overselling_fresh_wording(text: str) -> None:
    assert "overselling" in fired(text)


@pytest.mark.parametrize("text", [
    "our drivers work harder than anyone in the region and they deserve the credit",
    "Everyone on site wears eye protection, no exceptions, and I check it daily.",
    "i ran the whole event with two volunteers and we raised four thousand dollars",
])
def test_overselling_fresh_wording_quiet(text: str) -> None:
    assert "overselling" not in fired(text)
