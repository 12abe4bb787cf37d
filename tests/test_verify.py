"""Verdicts on sentences written for these tests, against the bundled dataset (real figures, our own words)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from checker.check import check_paths
from checker.dataset import Dataset
from checker.report import CheckedClaim, Settings
from checker.verify import verify_claims
from claims.extract import extract_claims
from claims.periods import Month
from claims.periods_text import find_periods

PUBLISHED = date(2025, 7, 21)  # June 2025 data


def check(dataset: Dataset, text: str, published: date = PUBLISHED) -> list[CheckedClaim]:
    return verify_claims(dataset, extract_claims(text, published), Settings())


def only(claims: list[CheckedClaim], quote_part: str) -> CheckedClaim:
    found = [c for c in claims if quote_part in c.text]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


@pytest.mark.parametrize("sentence, quote, verdict", [
    ("China exported 3,188 tons of rare-earth magnets in June.", "3,188", "supported"),
    ("China exported 3,188 tons of rare-earth magnets in May.", "3,188", "refuted"),              # wrong month
    ("Magnet shipments to Germany reached 353 tons in June.", "353", "refuted"),                   # wrong country
    ("China's rare earth exports reached 3,188 tons in June.", "3,188", "refuted"),                # series swapped
    ("Rare-earth magnet exports rose 158% from May in June.", "158%", "supported"),               # published rounding
    ("Rare-earth magnet exports rose 150% from May in June.", "150%", "refuted"),
    ("Magnet exports in June were 38.1% lower than June 2024.", "38.1%", "supported"),
    ("Magnet exports to the US in June were over seven times May's volume.", "seven times", "supported"),
    ("Magnet exports to the US in June were over eight times May's volume.", "eight times", "refuted"),
    ("Magnet shipments to Italy came to 120 tons in June.", "120", "unverifiable"),               # partner not covered
    ("The EU's 38.1% provisional tariffs on Chinese EVs stay.", "38.1%", "unverifiable"),         # out of scope
])
def test_verdicts(dataset: Dataset, sentence: str, quote: str, verdict: str) -> None:
    assert only(check(dataset, sentence), quote).verdict == verdict


def test_refuted_claim_says_what_the_data_gives_and_lists_rows(dataset: Dataset) -> None:
    claim = only(check(dataset, "Rare-earth magnet exports rose 150% from May in June."), "150%")
    assert claim.expected is not None and "158" in claim.expected or "157" in (claim.expected or "")
    assert claim.error == "material"
    assert claim.rows and all(r.source_url.startswith("http") for r in claim.rows)


def test_near_miss_is_named(dataset: Dataset) -> None:
    # Germany magnets October 2025: +55.9% y/y published; "57%" is one unit of its last digit away
    claim = only(check(dataset, "Magnet exports to Germany rose 57% year on year in October.", date(2025, 11, 22)), "57%")
    assert claim.verdict == "refuted"
    assert claim.error == "near_miss"


def test_derived_row_never_supports_the_figure_it_came_from(dataset: Dataset) -> None:
    # the derived June 2024 level 5,150 t rests on 3,188 / (1 - 0.381); the published -38.1% is what supports it
    claim = only(check(dataset, "Magnet exports in June were 38.1% lower than June 2024."), "38.1%")
    assert claim.basis == "published"
    assert not any(r.derived for r in claim.rows)


def test_false_highest_since_is_refuted(dataset: Dataset) -> None:
    claims = check(dataset, "In August, magnet exports hit their highest level since December.", date(2025, 9, 20))
    assert only(claims, "highest").verdict == "refuted"  # January 2025 (6,357 t) was higher than August (6,146 t)


def test_wrong_rank_is_refuted(dataset: Dataset) -> None:
    claims = check(dataset, "Vietnam was the top destination for magnets in June.")
    assert only(claims, "top destination").verdict == "refuted"


def test_internal_arithmetic_is_checked_where_the_dataset_is_silent(dataset: Dataset) -> None:
    claims = check(dataset, "Magnet exports to Italy fell from 40 tons in June to 30 tons in July, a 30% drop.",
                   date(2025, 8, 20))
    drop = only(claims, "30%")
    assert drop.verdict == "refuted"
    assert drop.basis == "internal"
    assert "-25%" in drop.reason


def test_monthly_average_uses_the_period_total(dataset: Dataset) -> None:
    claims = check(dataset, "Magnet exports to the US averaged over 400 tons per month in 2024.", date(2025, 11, 22))
    average = only(claims, "400")
    assert average.kind == "average_quantity"
    assert average.verdict == "supported"
    assert "a month" in (average.expected or "")


@pytest.mark.parametrize("sentence, quote, period", [
    ("Rare earth magnet exports to South Korea jumped 84.5% year on year to 854 tonnes in September.", "84.5%", "2025-09"),
    ("Exports of magnets to India more than doubled from June to 418 tonnes in July.", "doubled", "2025-07"),
])
def test_change_takes_the_month_of_its_result_level(dataset: Dataset, sentence: str, quote: str, period: str) -> None:
    claim = only(check(dataset, sentence, date(2025, 11, 21)), quote)
    assert claim.period == period
    assert claim.verdict == "supported"


def test_a_sentence_opening_with_from_january_to_august_is_a_cumulative_period(dataset: Dataset) -> None:
    claim = only(check(dataset, "From January to August, magnet exports totalled 38,138 tonnes.", date(2024, 9, 20)),
                 "38,138")
    assert claim.period == "2024-01..2024-08"
    assert claim.verdict == "supported"


def test_last_year_as_the_period_of_a_total(dataset: Dataset) -> None:
    claims = check(dataset, "China exported 55,431 metric tons of rare earths last year, up 6% from 2023.", date(2025, 1, 14))
    assert only(claims, "55,431").period == "2024-01..2024-12"
    assert only(claims, "55,431").verdict == "supported"
    assert only(claims, "6%").verdict == "supported"


def test_a_destination_carries_on_through_its_paragraph_but_not_into_the_whole_flow(dataset: Dataset) -> None:
    text = ("Magnet shipments to the United States started 2025 at 877 tonnes in January. February brought only 405 "
            "tonnes, and March 584 tonnes. China's total in March was 5,324 tonnes.\n\n"
            "Exports reached 5,324 tonnes in March.")
    claims = check(dataset, text, date(2025, 4, 20))
    assert [c.partner for c in claims if c.kind == "quantity"] == ["United States"] * 3 + ["World"] * 2
    assert all(c.verdict == "supported" for c in claims)


def test_a_table_row_does_not_inherit_the_destination_of_the_row_above(dataset: Dataset) -> None:
    text = ("| Series | June 2025 |\n|---|---|\n| Magnet exports to the US | 353 tons |\n"
            "| Magnet exports, all destinations | 3,188 tons |\n| Total magnet exports | 3,188 tons |\n")
    claims = check(dataset, text)
    assert [c.partner for c in claims if c.kind == "quantity"] == ["United States", "World", "World"]


def test_a_year_carries_to_the_next_sentence(dataset: Dataset) -> None:
    text = "China shipped 55,431 tonnes of rare earths abroad in 2024. That works out to about 4,600 tonnes a month."
    average = only(check(dataset, text, date(2025, 1, 25)), "4,600")
    assert average.period == "2024-01..2024-12"
    assert average.verdict == "supported"


def test_a_change_against_a_named_month_is_about_a_month(dataset: Dataset) -> None:
    text = ("Restocking lifted May to 6,217 tonnes of rare earths, the busiest month of 2024 and 35.9% above "
            "May 2023.")
    change = only(check(dataset, text, date(2025, 1, 25)), "35.9%")
    assert (change.period, change.base_period, change.kind) == ("2024-05", "2023-05", "yoy_pct")
    assert change.verdict == "supported"


def test_the_highest_of_a_named_year_looks_at_the_whole_year(dataset: Dataset) -> None:
    text = "Rare earth exports reached 6,217 tonnes in May, the highest monthly figure of 2024."
    extreme = only(check(dataset, text, date(2025, 1, 25)), "highest")
    assert (extreme.kind, extreme.period, extreme.window) == ("extreme", "2024-05", "2024-01..2024-12")
    assert extreme.verdict == "supported"
    lowest = only(check(dataset, text.replace("highest", "smallest"), date(2025, 1, 25)), "smallest")
    assert lowest.verdict == "refuted"


@pytest.mark.parametrize("words, verdict", [("six times", "supported"), ("6 times", "supported"),
                                            ("seven times", "refuted"), ("6.5 times", "refuted")])
def test_a_multiple_in_words_is_read_to_its_last_digit(dataset: Dataset, words: str, verdict: str) -> None:
    text = f"Magnet shipments to Germany reached 1,288 tonnes in September 2025, {words} the level of May."
    assert only(check(dataset, text, date(2025, 10, 21)), "times").verdict == verdict  # 1,288 / 209 = 6.16


def test_a_destination_in_a_following_clause_is_not_the_figures(dataset: Dataset) -> None:
    claims = check(dataset, "China's rare earth magnet exports slipped 6.1% in September as shipments to South "
                            "Korea surged.", date(2025, 10, 21))
    change = only(claims, "6.1%")
    assert (change.partner, change.verdict) == ("World", "supported")
    to_korea = check(dataset, "Magnet exports rose 84.5% in September to South Korea.", date(2025, 10, 21))
    assert only(to_korea, "84.5%").partner == "South Korea"


def test_the_same_period_of_a_named_year_is_the_period_under_discussion(dataset: Dataset) -> None:
    text = ("China exported 8,511 tonnes of rare earths in January and February 2025 combined.\n\n"
            "In the same period of 2024, exports came to nearly 8,800 tons, which had been 18.7% more than in the "
            "first two months of 2023.")
    claims = check(dataset, text, date(2025, 3, 7))
    level, change = only(claims, "8,800"), only(claims, "18.7%")
    assert (level.period, level.verdict) == ("2024-01..2024-02", "supported")
    assert (change.period, change.base_period, change.verdict) == ("2024-01..2024-02", "2023-01..2023-02", "supported")


MARKDOWN_TABLE = """Magnet exports to the United States, 2025

| Month | Tonnes | Change on a year earlier |
|---|---|---|
| June | 353 | -52% |
| July | 619 | +4.8% |
"""
HTML_TABLE = """<html><body><article><table><caption>Magnet exports to the United States, 2025</caption>
<thead><tr><th>Month</th><th>Tonnes</th><th>Change on a year earlier</th></tr></thead>
<tbody><tr><td>June</td><td>353</td><td>-52%</td></tr>
<tr><td>July</td><td>619</td><td><p>+4.8%</p></td></tr></tbody></table></article></body></html>
"""


def test_an_html_table_reads_like_the_same_markdown_table_with_its_caption(dataset: Dataset, tmp_path: Path) -> None:
    def claims(name: str, text: str) -> list[tuple[str, str | None, str | None, str | None, str]]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        report = check_paths([str(tmp_path / name)], dataset, Settings(), date(2025, 12, 22))
        return [(c.kind, c.partner, c.period, c.base_period, c.verdict) for c in report.documents[0].claims]

    from_markdown = claims("table.md", MARKDOWN_TABLE)
    assert from_markdown == claims("table.html", HTML_TABLE)
    assert [c[-1] for c in from_markdown] == ["supported"] * 4
    assert ("quantity", "United States", "2025-06", None, "supported") in from_markdown


def test_the_month_a_multiple_is_measured_against_is_not_the_sentences_period(dataset: Dataset) -> None:
    text = ("Exports of magnets to the US jumped to 353 tonnes in June, nearly eight times the May level, and "
            "America was back in second place among destinations.")
    rank = only(check(dataset, text, date(2025, 7, 21)), "second")
    assert (rank.kind, rank.period, rank.verdict) == ("rank", "2025-06", "supported")


def test_a_whole_flow_clause_after_a_country_takes_the_figure(dataset: Dataset) -> None:
    text = ("The US slipped to third among destinations in November even as China's magnet exports to all markets "
            "rose to 6,150 tonnes. The EU stayed China's top customer, importing 2,060.3 tonnes of magnets in October.")
    claims = check(dataset, text, date(2025, 12, 22))
    assert (only(claims, "6,150").partner, only(claims, "6,150").verdict) == ("World", "supported")
    assert only(claims, "2,060.3").partner == "European Union"


def test_a_rank_after_a_since_clause_keeps_the_sentences_month(dataset: Dataset) -> None:
    text = ("In October magnet shipments to the US bounced to 656 tonnes, the highest since January, lifting the US "
            "back to the runner-up spot among destinations.")
    rank = only(check(dataset, text, date(2025, 12, 22)), "runner-up")
    assert (rank.kind, rank.value, rank.partner, rank.period) == ("rank", 2, "United States", "2025-10")
    assert rank.verdict == "supported"


def test_a_destination_from_an_earlier_paragraph_is_the_fallback_reading(dataset: Dataset) -> None:
    text = ("Magnet exports to the United States reached 619 tonnes in July 2025, up 75.5% on June.\n\n"
            "The recovery then stalled. August eased 4.7% to 590 tonnes.\n\n"
            "China's magnet exports to all markets rose to 6,146 tonnes in August. September brought 9,999 tonnes.")
    claims = check(dataset, text, date(2025, 10, 20))
    assert [(c.partner, c.verdict) for c in claims if c.text in ("4.7%", "590 tonnes")] == [
        ("United States", "supported"), ("United States", "supported")]
    assert "Read as exports to United States" in only(claims, "590").reason
    # after a whole-flow sentence the US is no longer a reading, so a wrong figure stays the whole flow's and refuted
    assert (only(claims, "9,999").partner, only(claims, "9,999").verdict) == ("World", "refuted")


def test_a_fall_by_more_than_half_is_hedged(dataset: Dataset) -> None:
    text = "Magnet shipments to the US fell by more than half in April 2025."
    claim = only(check(dataset, text, date(2025, 5, 20)), "half")
    assert (claim.kind, claim.value, claim.hedge, claim.verdict) == ("mom_pct", -50, "more than", "supported")


@pytest.mark.parametrize("sentence, verdict", [
    ("Rare earth exports rose by more than a quarter on the previous month in November 2025.", "supported"),  # +26.5%
    ("Rare earth exports rose by more than a third on the previous month in November 2025.", "refuted"),
    ("Rare earth exports were nearly a quarter higher than in November 2024.", "supported"),  # +24.4%
    ("Rare earth exports were nearly a fifth higher than in November 2024.", "refuted"),
])
def test_a_change_written_as_a_fraction(dataset: Dataset, sentence: str, verdict: str) -> None:
    claim = only(check(dataset, sentence, date(2025, 12, 20)), "a ")
    assert (claim.kind, claim.verdict) == ("mom_pct" if "previous" in sentence else "yoy_pct", verdict)


def test_thousand_tonnes_written_as_kt(dataset: Dataset) -> None:
    text = "Magnet exports reached 51.4kt in January-November 2025, against 51.9kt in the same months of 2024."
    claims = check(dataset, text, date(2025, 12, 22))
    level = only(claims, "51.4kt")
    assert (level.value, level.precision, level.verdict) == (51400, 50, "supported")


@pytest.mark.parametrize("published, base", [(date(2025, 12, 22), "2024-11"), (date(2026, 2, 10), "2025-11")])
def test_a_month_last_year_is_that_month_of_the_year_before_publication(dataset: Dataset, published: date,
                                                                        base: str) -> None:
    text = "Magnet exports to the US were down about 9% compared with November last year."
    assert only(check(dataset, text, published), "9%").base_period == base


def test_a_month_without_a_year_takes_the_year_named_before_it_in_the_sentence(dataset: Dataset) -> None:
    text = ("Rare earth exports were uneven from June to November 2024, and December came in at 3,326 tonnes, "
            "the highest since March 2020 in May.")
    claim = only(check(dataset, text, date(2026, 2, 16)), "3,326")
    assert (claim.period, claim.verdict) == ("2024-12", "supported")
    # a year after 'since' starts a window: it does not date the months that follow
    may = [p for p in find_periods("the highest since March 2020 in May", Month(2025, 6)) if p.start > 20]
    assert str(may[0].period) == "2025-05"


def test_the_figure_refers_back_to_the_last_figure_of_the_sentence_before(dataset: Dataset) -> None:
    text = ("Rare earth exports fell to 3,217 tonnes in February 2025, yet by June shipments had climbed to "
            "7,742 tonnes. The figure was 60% higher than a year earlier.")
    claim = only(check(dataset, text, date(2026, 2, 16)), "60%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-06", "2024-06", "supported")


def test_halves_and_the_year_as_a_whole_take_the_year_under_discussion(dataset: Dataset) -> None:
    text = ("2025 began with a seasonal dip. February's 3,217 tonnes of rare earth exports were the low point. "
            "For the year as a whole, rare earth exports reached 62,585 tonnes. "
            "Magnet exports in the second half of the year came to 35,073 tonnes.")
    claims = check(dataset, text, date(2026, 2, 16))
    assert [(c.period, c.verdict) for c in claims] == [
        ("2025-02", "supported"), ("2025-01..2025-12", "supported"), ("2025-07..2025-12", "supported")]


def test_tonnes_of_them_and_makers_in_europe(dataset: Dataset) -> None:
    text = ("Magnets followed a different path. In 2024 China shipped 58,142 tonnes of them, up 10.6% on 2023, as "
            "carmakers in Europe kept buying. May 2025 shipments sank to 1,238 tonnes.")
    claims = check(dataset, text, date(2026, 2, 16))
    assert [(c.commodity, c.partner, c.verdict) for c in claims] == [("rare_earth_magnets", "World", "supported")] * 3


def test_analyst_shorthand_dates(dataset: Dataset) -> None:
    text = "FY25 magnet exports printed 57,392t. The high is still Jan-25 (6,357t), against 58,142t in FY24."
    claims = check(dataset, text, date(2026, 1, 23))
    assert [(c.period, c.verdict) for c in claims] == [
        ("2025-01..2025-12", "supported"), ("2025-01", "supported"), ("2024-01..2024-12", "supported")]


def test_ranks_written_with_a_hash_or_as_a_numbered_list(dataset: Dataset) -> None:
    text = ("Magnet exports in July 2025: Germany remained #1, followed by the US, with India #5.\n\n"
            "1. Germany, 1,116 t\n2. United States, 619 t\n3. India, 418 t\n")
    ranks = [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 8, 20)) if c.kind == "rank"]
    assert ranks == [("Germany", 1, "supported"), ("United States", 2, "supported"), ("India", 5, "supported"),
                     ("Germany", 1, "supported"), ("United States", 2, "supported"), ("India", 3, "refuted")]


def test_a_table_cell_takes_the_change_named_by_its_own_column(dataset: Dataset) -> None:
    text = ("Magnet exports by destination, December 2025\n\n| Partner | Dec (t) | m/m | y/y |\n|---|---|---|---|\n"
            "| Japan | 280 | -8.2% | +31.4% |\n| **Total** | **5,952** | **-3.2%** | n/a |\n")
    claims = check(dataset, text, date(2026, 1, 23))
    assert [(c.text, c.kind, c.verdict) for c in claims] == [
        ("280", "quantity", "supported"), ("-8.2%", "mom_pct", "supported"), ("+31.4%", "yoy_pct", "supported"),
        ("5,952", "quantity", "supported"), ("-3.2%", "mom_pct", "supported")]


def test_behind_a_list_after_any_stated_rank_and_a_footnote_marker(dataset: Dataset) -> None:
    text = ("In September 2025 the US dropped to fourth among magnet buyers behind Germany, South Korea and "
            "Vietnam[3]. By December the US was the third-largest buyer, behind Germany and South Korea[12].")
    ranks = [(c.partner, c.value, c.period) for c in check(dataset, text, date(2026, 1, 23))
             if c.rule == "rank.behind"]
    assert ranks == [("Germany", 1, "2025-09"), ("South Korea", 2, "2025-09"), ("Vietnam", 3, "2025-09"),
                     ("Germany", 1, "2025-12"), ("South Korea", 2, "2025-12")]


def test_it_refers_to_the_previous_subject_even_with_a_country_later_in_the_sentence(dataset: Dataset) -> None:
    text = ("US-bound magnet exports fell 28.7% in September 2025 from August to 420.5 tonnes. It was the second "
            "consecutive monthly decline, after rare earth export permits were eased in talks with U.S. officials.")
    streak = only(check(dataset, text, date(2025, 10, 21)), "consecutive")
    assert (streak.partner, streak.commodity, streak.direction, streak.verdict) == (
        "United States", "rare_earth_magnets", "down", "supported")


def test_a_month_heading_dates_every_paragraph_under_it(dataset: Dataset) -> None:
    text = ("Magnet exports, third quarter\n\n## July\n\nShipments jumped 75% from the prior month to 5,577 tonnes.\n\n"
            "Germany took 1,116 tonnes.\n\n## August\n\nShipments climbed to 6,146 tonnes.\n\n"
            "Germany took 1,346 tonnes.\n\n## Outlook\n\nGermany took 1,288 tonnes.\n")
    claims = check(dataset, text, date(2025, 10, 24))
    assert [(c.text, c.period) for c in claims if c.kind == "quantity"] == [
        ("5,577 tonnes", "2025-07"), ("1,116 tonnes", "2025-07"), ("6,146 tonnes", "2025-08"),
        ("1,346 tonnes", "2025-08"), ("1,288 tonnes", "2025-09")]


@pytest.mark.parametrize("words, period", [("the third quarter", "2025-07..2025-09"), ("Q2 2025", "2025-04..2025-06"),
                                           ("3Q25", "2025-07..2025-09"), ("the first quarter of 2024", "2024-01..2024-03")])
def test_quarters(words: str, period: str) -> None:
    mentions = find_periods(f"Exports in {words} rose.", Month(2025, 9))
    assert [str(p.period) for p in mentions] == [period]


def test_respective_months_and_state_media_ranks(dataset: Dataset) -> None:
    text = ("Magnet exports in April and May 2025 came in at 2,626 tons and 1,238 tons respectively. In December 2025 "
            "Germany took 1,106 tons, ranking first, while Vietnam, ranking third, took 509 tons. "
            "Germany stayed on top.")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.text, c.period, c.verdict) for c in claims if c.text.endswith("tons")][:2] == [
        ("2,626 tons", "2025-04", "supported"), ("1,238 tons", "2025-05", "supported")]
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("Germany", 1, "supported"), ("Vietnam", 3, "refuted"), ("Germany", 1, "supported")]


def test_a_percentage_on_the_next_line_is_not_quoted_from_the_line_before(dataset: Dataset) -> None:
    claims = check(dataset, "Change on January-September 2024\n7.5% lower\n", date(2025, 10, 24))
    assert [c.text for c in claims] == ["7.5% lower"]


def test_the_other_series_lasts_to_the_paragraph_end_unless_a_topic_sentence_turns_to_it(dataset: Dataset) -> None:
    text = ("# China's magnet exports\n\n"
            "China's magnet exports to Germany reached 1,116 tonnes in July 2025. Rare earths, the raw materials rather "
            "than the finished magnets, did better: June shipments of 7,742 tonnes were the year's peak.\n\n"
            "In October 2025 exports came to 5,473 tonnes.\n\n"
            "Rare earths tell a different story. In October 2025 exports came to 4,000 tonnes.\n\n"
            "In November 2025 exports reached 5,494 tonnes.\n")
    claims = check(dataset, text, date(2025, 12, 20))
    assert [(c.text, c.commodity, c.partner, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("1,116 tonnes", "rare_earth_magnets", "Germany", "supported"),
        ("7,742 tonnes", "rare_earths", "World", "supported"),
        ("5,473 tonnes", "rare_earth_magnets", "World", "supported"),
        ("4,000 tonnes", "rare_earths", "World", "supported"),
        ("5,494 tonnes", "rare_earths", "World", "supported")]


def test_a_forecast_is_out_of_scope_but_a_past_projection_is_checked(dataset: Dataset) -> None:
    text = ("An analyst said full-year rare earth shipments could finish near 63,000 tonnes. Magnet exports to the "
            "US were projected to decrease to 46 tons by May 2025.")
    claims = check(dataset, text, date(2025, 12, 21))
    assert [(c.in_scope, c.verdict) for c in claims] == [(False, "unverifiable"), (True, "supported")]


def test_peaked_is_the_high_of_the_year_so_far_and_a_tariff_peak_is_out_of_scope(dataset: Dataset) -> None:
    text = ("Rare earth exports peaked in June 2025 at 7,742 tonnes. Magnet exports peaked in March 2025. "
            "US tariffs on Chinese goods peaked at 145% in April.")
    extremes = [c for c in check(dataset, text, date(2025, 12, 21)) if c.kind == "extreme"]
    assert [(c.window, c.in_scope, c.verdict) for c in extremes] == [
        ("2025-01..2025-11", True, "supported"), ("2025-01..2025-11", True, "refuted"), (None, False, "unverifiable")]


@pytest.mark.parametrize("words, verdict", [("more than twice", "supported"), ("nearly two-and-a-half times", "supported"),
                                            ("nearly three-and-a-half times", "refuted"), ("twice", "supported")])
def test_multiples_written_as_twice_or_with_a_half(dataset: Dataset, words: str, verdict: str) -> None:
    text = f"Rare earth exports in June 2025 were {words} February's level."  # 7,742 t against 3,217 t: 2.41 times
    claim = only(check(dataset, text, date(2025, 7, 20)), words.split()[-1])
    assert (claim.kind, claim.verdict) == ("multiple", verdict)


def test_a_change_listed_with_and_moves_like_the_one_before(dataset: Dataset) -> None:
    text = "US-bound magnet exports fell 93% from a year earlier in May 2025, to 46 tonnes, and 81% from April."
    claim = only(check(dataset, text, date(2025, 6, 20)), "81%")
    assert (claim.value, claim.verdict) == (-81, "supported")


def test_y_y_against_a_named_month_dates_the_change_a_year_after_it(dataset: Dataset) -> None:
    text = "December magnet shipments eased to 5,952t (vs 6,150t in Nov), but ran +7% y/y vs Dec-24."
    claim = only(check(dataset, text, date(2026, 1, 23)), "+7%")
    assert (claim.period, claim.base_period) == ("2025-12", "2024-12")


def test_a_wide_table_dates_each_cell_by_its_month_column(dataset: Dataset) -> None:
    text = ("Magnet exports by destination, 2025 (tonnes)\n\n| Destination | Jun | Jul | Aug |\n|---|---|---|---|\n"
            "| Germany | 605 | 1,116 | 1,346 |\n")
    claims = check(dataset, text, date(2025, 10, 24))
    assert [(c.text, c.period) for c in claims] == [("605", "2025-06"), ("1,116", "2025-07"), ("1,346", "2025-08")]
    assert [c.verdict for c in claims][1:] == ["supported", "supported"]


def test_a_digest_item_dated_by_its_slug_and_a_ranking_that_does_not_carry(dataset: Dataset) -> None:
    text = ("MAGNETS: SEPTEMBER\n\nMagnet exports eased in September 2025.\n\n----\n\n"
            "RARE EARTHS: 2023 IN REVIEW\n\nJapan, as usual, was the biggest customer. "
            "Rare earth exports came to 3,439 tonnes in December.\n")
    claim = only(check(dataset, text, date(2025, 10, 24)), "3,439")
    assert (claim.partner, claim.period, claim.verdict) == ("World", "2023-12", "supported")


def test_an_eight_month_total_and_the_busiest_month(dataset: Dataset) -> None:
    text = ("Rare earth exports eased to 5,792 tonnes in August 2025. The eight-month total of 44,355 tonnes was 14.5% "
            "above the same stretch a year earlier. June, at 7,742 tonnes, was the busiest month of the year so far.")
    claims = check(dataset, text, date(2025, 9, 20))
    assert [(c.kind, c.period, c.verdict) for c in claims][1:3] == [
        ("cumulative_quantity", "2025-01..2025-08", "supported"), ("cumulative_yoy_pct", "2025-01..2025-08", "supported")]
    assert (only(claims, "busiest").period, only(claims, "busiest").verdict) == ("2025-06", "supported")


def test_a_buyers_own_import_figure_is_out_of_scope(dataset: Dataset) -> None:
    text = ("The Korea Customs Service said the country imported 612 tons of magnets from China in October 2025, worth "
            "about 68.7 billion won. China's own data show 569 tons of magnets shipped to South Korea.")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.text, c.in_scope, c.verdict) for c in claims] == [
        ("612 tons", False, "unverifiable"), ("68.7 billion won", False, "unverifiable"),
        ("569 tons", True, "supported")]


def test_a_change_from_a_base_to_a_level_takes_the_month_after_the_level(dataset: Dataset) -> None:
    text = "Rare-earth shipments eased 3.4% from July to 5,792 tonnes in August 2025, the customs release showed."
    claim = only(check(dataset, text, date(2025, 10, 24)), "3.4%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-08", "2025-07", "supported")


@pytest.mark.parametrize("words, period", [("the previous month's", "2025-09"), ("a month earlier's", "2025-09"),
                                           ("a year earlier's", "2024-10")])
def test_a_level_after_a_relative_possessive_is_that_months(dataset: Dataset, words: str, period: str) -> None:
    text = f"Magnet exports to South Korea in October 2025 were 569 tons, down from {words} 854 tons."
    assert only(check(dataset, text, date(2025, 11, 21)), "854").period == period


def test_fewer_is_a_fall(dataset: Dataset) -> None:
    text = "US-bound magnet shipments fell to 420.5 tonnes in September 2025, nearly 30% fewer than a year before."
    claim = only(check(dataset, text, date(2025, 10, 24)), "30%")
    assert (claim.value, claim.hedge, claim.verdict) == (-30, "nearly", "supported")


def test_an_extremes_year_is_its_window_and_more_rank_idioms(dataset: Dataset) -> None:
    text = ("Magnet exports to the US rose 56.1% from September to 656 tonnes in October 2025, the largest US monthly "
            "volume of 2025. The US moved back into second place, and Germany stayed at the head of the table. "
            "The right figure is 5,473 tonnes, and Figure 3 has been redrawn.")
    claims = check(dataset, text, date(2025, 11, 21))
    level = only(claims, "656")
    assert (level.kind, level.period, level.verdict) == ("quantity", "2025-10", "supported")
    extreme = only(claims, "largest")
    assert (extreme.kind, extreme.verdict) == ("extreme", "refuted")  # January's 877 t was larger
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("United States", 2, "supported"), ("Germany", 1, "supported")]
    assert not [c for c in claims if "Figure" in c.text]


@pytest.mark.parametrize("words, verdict", [("fell 9.0% quarter-on-quarter", "supported"), ("fell 12% QoQ", "refuted"),
                                            ("were 9% lower than in the previous quarter", "supported"),
                                            ("showed a 9.0% QoQ decline", "supported")])
def test_a_quarter_on_quarter_change_is_against_the_quarter_before(dataset: Dataset, words: str, verdict: str) -> None:
    # magnets: 16,001 t in the first quarter of 2026 against 5,473 + 6,150 + 5,952 = 17,575 t in the fourth of 2025
    claim = only(check(dataset, f"In the first quarter of 2026 China's magnet exports {words}.", date(2026, 4, 20)), "%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2026-01..2026-03", "2025-10..2025-12", verdict)


def test_a_list_of_consecutive_months_is_their_span_and_each_takes_its_respective_figure(dataset: Dataset) -> None:
    together = only(check(dataset, "In October, November and December magnet exports together came to 17,575 tonnes.",
                          date(2026, 1, 20)), "17,575")
    assert (together.period, together.verdict) == ("2025-10..2025-12", "supported")
    respective = check(dataset, "In April, May and June magnet exports came to 2,626, 1,238 and 3,188 tonnes "
                                "respectively.", date(2025, 7, 20))
    assert [(c.period, c.verdict) for c in respective] == [
        ("2025-04", "supported"), ("2025-05", "supported"), ("2025-06", "supported")]
    scattered = check(dataset, "In April and June magnet exports came to 2,626 and 3,188 tonnes respectively.",
                      date(2025, 7, 20))
    assert [c.period for c in scattered] == ["2025-04", "2025-06"]


def test_the_same_two_months_of_a_year_and_a_share_of_a_named_total(dataset: Dataset) -> None:
    text = ("Magnet exports in January and February were 10,763 tonnes, 8.2% more than the same two months of 2025. "
            "Europe took 44% of the January-February total.")
    change, share = (c for c in check(dataset, text, date(2026, 3, 20)) if c.unit == "%")
    assert (change.base_period, change.verdict) == ("2025-01..2025-02", "supported")
    assert (share.kind, share.partner, share.period, share.verdict) == (
        "share_pct", "Europe", "2026-01..2026-02", "supported")


def test_a_month_with_a_figure_of_its_own_is_not_the_period_of_the_figure_before(dataset: Dataset) -> None:
    claims = check(dataset, "Magnets had a mixed start to 2026. January came in at 6,023 tonnes and February at 4,740.",
                   date(2026, 3, 20))
    assert [(c.text, c.period) for c in claims] == [("6,023 tonnes", "2026-01"), ("February at 4,740", "2026-02")]
    assert only(check(dataset, "Rare earth exports peaked in June 2025 at 7,742 tonnes.", date(2025, 12, 21)),
                "peaked").window == "2025-01..2025-11"


def test_a_title_naming_rare_earths_does_not_outweigh_an_article_about_magnets(dataset: Dataset) -> None:
    text = ("# China's rare-earth exports in August\n\n"
            "## How much was shipped?\n\nMagnet shipments totalled 6,146 tonnes in August.\n\n"
            "## Is the year catching up?\n\nThe first eight months came to roughly 34,000 tonnes.\n\n"
            "## Who bought them?\n\nGermany led with 1,346 tonnes of magnets.\n")
    claims = check(dataset, text, date(2025, 9, 29))
    assert [(c.commodity, c.verdict) for c in claims if c.kind != "rank"] == [
        ("rare_earth_magnets", "supported")] * 3


def test_a_rank_written_as_a_label_and_its_value(dataset: Dataset) -> None:
    claim = only(check(dataset, "Magnets in August:\n\n- Total: 6,146 t\n- Top buyer: Germany\n", date(2025, 9, 29)),
                 "Top buyer")
    assert (claim.text, claim.partner, claim.value, claim.verdict) == ("Top buyer: Germany", "Germany", 1, "supported")


@pytest.mark.parametrize("sentence, quote, fields", [
    ("Magnet exports fell 5.2% in October from the month before.", "5.2%", ("mom_pct", "2025-09", "supported")),
    ("Magnet shipments to the United States rebounded by more than half in October.", "more than half",
     ("pct_change", None, "supported")),  # +56.1% from September
    ("In October magnet exports ran 15.8% ahead of October 2024.", "15.8%", ("yoy_pct", "2024-10", "supported")),
    ("Magnet exports in June were 38.1% behind last year's level.", "38.1%", ("yoy_pct", "2024-06", "supported")),
])
def test_more_change_idioms(dataset: Dataset, sentence: str, quote: str, fields: tuple[str, str | None, str]) -> None:
    published = date(2025, 7, 20) if "June" in sentence else date(2025, 11, 20)
    claim = only(check(dataset, sentence, published), quote)
    assert (claim.kind, claim.base_period, claim.verdict) == fields


def test_a_demonym_before_a_word_for_buyers_names_the_destination(dataset: Dataset) -> None:
    buyers = only(check(dataset, "German buyers took 1,116 t of magnets in July.", date(2025, 8, 20)), "1,116")
    makers = only(check(dataset, "Magnet exports rose to 5,577 tonnes in July as German carmakers restocked.",
                        date(2025, 8, 20)), "5,577")
    assert [(c.partner, c.verdict) for c in (buyers, makers)] == [("Germany", "supported"), ("World", "supported")]


def test_a_share_column_an_approximate_cell_and_a_row_total(dataset: Dataset) -> None:
    text = ("Magnet exports in September by destination:\n\n"
            "| Destination | Sep-25 (t) | Share of China total | MoM |\n|---|---|---|---|\n"
            "| Germany | 1,288 | 22.3% | -4.3% |\n| EU-27 total | ~2,460 | n/a | n/a |\n")
    claims = check(dataset, text, date(2025, 10, 22))
    assert [(c.text, c.kind, c.partner, c.hedge, c.verdict) for c in claims] == [
        ("1,288", "quantity", "Germany", None, "supported"), ("22.3%", "share_pct", "Germany", None, "supported"),
        ("-4.3%", "mom_pct", "Germany", None, "supported"),
        ("~2,460", "quantity", "European Union", "about", "supported")]


def test_a_level_after_a_year_earlier_when_is_the_year_before_even_after_a_named_month(dataset: Dataset) -> None:
    text = ("Magnet exports to the US slipped to 420.5 tonnes in September. The September figure was 29.5% below a "
            "year earlier, when U.S. buyers took 596 tonnes.")
    assert only(check(dataset, text, date(2025, 10, 21)), "596").period == "2024-09"


@pytest.mark.parametrize("sentence, quote, value, verdict", [
    ("China exported nearly five and a half thousand tonnes of magnets in October.", "thousand tonnes", 5500,
     "supported"),  # 5,473 t
    ("Magnet exports to Germany were one thousand one hundred and eighteen tonnes in October.", "eighteen tonnes", 1118,
     "supported"),
    ("Magnet exports to Germany in October were up fifty-six percent on the year.", "fifty-six percent", 56,
     "supported"),  # +55.9%
    ("Magnet exports to Germany in October were up sixty-five percent on the year.", "sixty-five percent", 65,
     "refuted"),
])
def test_numbers_written_in_words(dataset: Dataset, sentence: str, quote: str, value: int, verdict: str) -> None:
    claim = only(check(dataset, sentence, date(2025, 11, 26)), quote)
    assert (claim.value, claim.verdict) == (value, verdict)


def test_a_number_in_words_is_read_at_its_last_spoken_digit() -> None:
    from claims.numbers import as_digits, half_unit

    assert [as_digits(w) for w in ("ten and a half", "fifty-two thousand seven hundred", "3,188")] == [
        "10.5", "52700", "3,188"]
    assert [half_unit(as_digits(w)) for w in ("ten and a half", "fifty-two thousand seven hundred", "fifty-six")] == [
        Decimal("0.05"), Decimal(50), Decimal("0.5")]


def test_a_change_measured_against_a_stated_level_of_a_named_period(dataset: Dataset) -> None:
    # rare earths: 4,723 t in August 2024 against 4,775 t in August 2023 (-1.09%); -4.3% was the fall from July
    claims = check(dataset, "China's rare earth exports in August 2024 were 4.3% below the 4,775 tons exported in the "
                            "same month of 2023.", date(2024, 9, 10))
    assert [(c.text, c.period, c.base_period, c.hedge, c.verdict) for c in claims] == [
        ("4.3%", "2024-08", "2023-08", None, "refuted"), ("4,775 tons", "2023-08", None, None, "supported")]


def test_a_change_right_before_share_words_is_still_a_change(dataset: Dataset) -> None:
    text = ("Magnet exports to the U.S. rose to 619 tonnes in July, 4.8% more than a year earlier, lifting the "
            "country's share of China's total to 11%.")
    claims = check(dataset, text, date(2025, 8, 20))
    assert [(c.kind, c.partner, c.verdict) for c in claims if c.unit == "%"] == [
        ("yoy_pct", "United States", "supported"), ("share_pct", "United States", "supported")]


@pytest.mark.parametrize("sentence, verdict", [
    ("Magnet exports: the sixth straight month above 5.4kt.", "supported"),   # Jul-Dec 2025, lowest 5,473 t
    ("Magnet exports: the seventh straight month above 5.4kt.", "refuted"),   # June 2025 was 3,188 t
    ("Monthly magnet shipments have stayed above 5,000 tons for six consecutive months.", "supported"),
    ("Monthly magnet shipments have stayed below 5,000 tons for six consecutive months.", "refuted"),
])
def test_a_streak_of_staying_above_or_below_a_level(dataset: Dataset, sentence: str, verdict: str) -> None:
    claims = check(dataset, sentence, date(2026, 1, 23))
    assert [(c.kind, c.verdict) for c in claims] == [("streak", verdict)]  # the level is not a claim of its own


def test_the_ranks_of_one_list_come_in_list_order(dataset: Dataset) -> None:
    text = ("Magnets in August: Germany stayed on top and the United States came next, followed by South Korea, "
            "Vietnam and Mexico.")
    listed = [c for c in check(dataset, text, date(2025, 9, 29)) if c.text.startswith("followed by")]
    assert [(c.partner, c.value, c.verdict) for c in listed] == [
        ("South Korea", 3, "refuted"), ("Vietnam", 4, "refuted"), ("Mexico", 5, "supported")]  # Vietnam was 3rd


@pytest.mark.parametrize("words, value", [("roughly three-quarters", 75), ("about two-thirds", Decimal("66.7")),
                                          ("nearly a quarter", 25)])
def test_shares_written_as_fractions_with_a_numerator(dataset: Dataset, words: str, value: Decimal) -> None:
    claim = only(check(dataset, f"Germany took {words} of China's magnet exports in July 2025.", date(2025, 8, 20)),
                 words.split()[-1])
    assert (claim.kind, claim.value) == ("share_pct", value)


def test_a_cue_before_the_change_noun_is_that_figures(dataset: Dataset) -> None:
    # rare earths, October 2023: 4,291 t, +19% on the year (published), +9% on September (published)
    text = ("China exported 4,291 tonnes of rare earths in October 2023, registering a year-on-year increase of 19 "
            "percent and a month-on-month rise of 9 percent.")
    changes = [c for c in check(dataset, text, date(2023, 11, 8)) if c.unit == "%"]
    assert [(c.kind, c.base_period, c.verdict) for c in changes] == [
        ("yoy_pct", "2022-10", "supported"), ("mom_pct", "2023-09", "supported")]


def test_a_scale_word_after_digits_and_percentage_points(dataset: Dataset) -> None:
    level = only(check(dataset, "Rare earth exports for the full year 2025 reached 62.6 thousand tonnes.",
                       date(2026, 1, 15)), "thousand")
    assert (level.text, level.value, level.verdict) == ("62.6 thousand tonnes", 62600, "supported")
    gap = only(check(dataset, "Magnet exports grew 6.9 percentage points faster than rare earths in 2025.",
                     date(2026, 1, 15)), "points")
    assert (gap.in_scope, gap.verdict) == (False, "unverifiable")


@pytest.mark.parametrize("sentence, quote, partner, verdict", [
    ("Germany held on to the top spot among destinations of magnets in September.", "top spot", "Germany",
     "supported"),
    ("South Korea held on to second place among magnet buyers in October.", "second place", "South Korea",
     "refuted"),  # the US was second; South Korea third
    ("Dutch-bound magnet shipments climbed 109% from August in September.", "109%", "Netherlands", "supported"),
    ("China exported 4,291 mt of rare earths in October 2023.", "4,291 mt", "World", "supported"),
])
def test_more_destination_and_rank_idioms(dataset: Dataset, sentence: str, quote: str, partner: str,
                                          verdict: str) -> None:
    published = date(2023, 11, 8) if "2023" in sentence else date(2025, 11, 21) if "October" in sentence else date(
        2025, 10, 21)
    claim = only(check(dataset, sentence, published), quote)
    assert (claim.partner, claim.verdict) == (partner, verdict)


def test_a_known_month_that_beats_an_extreme_refutes_it_even_with_gaps_in_the_window(dataset: Dataset) -> None:
    # magnets to Germany: some 2025 months are missing from the data, but August (1,346 t) beat September (1,288 t)
    beaten = only(check(dataset, "Magnet exports to Germany in September were the largest monthly intake of the year.",
                        date(2025, 10, 21)), "largest")
    assert (beaten.window, beaten.verdict) == ("2025-01..2025-09", "refuted")
    unbeaten = only(check(dataset, "Magnet exports to Germany in August were the largest monthly intake of the year.",
                          date(2025, 10, 21)), "largest")
    assert unbeaten.verdict == "unverifiable"  # no known month beats August, but some months are missing


def test_a_table_with_a_metric_per_row_and_a_month_per_column(dataset: Dataset) -> None:
    text = ("Rare earths, side by side:\n\n| Metric | July 2025 | August 2025 |\n|---|---|---|\n"
            "| Exports (tonnes) | 5,994.3 | 5,792 |\n| Change on a year earlier | +21% | +22.6% |\n"
            "| Cumulative since January (tonnes) | 38,563.6 | 44,355 |\n| Cumulative change y/y | +13.3% | +14.5% |\n")
    claims = check(dataset, text, date(2025, 9, 12))
    assert [(c.kind, c.period, c.verdict) for c in claims] == [
        ("quantity", "2025-07", "supported"), ("quantity", "2025-08", "supported"),
        ("yoy_pct", "2025-07", "supported"), ("yoy_pct", "2025-08", "supported"),
        ("cumulative_quantity", "2025-01..2025-07", "supported"), ("cumulative_quantity", "2025-01..2025-08", "supported"),
        ("cumulative_yoy_pct", "2025-01..2025-07", "supported"), ("cumulative_yoy_pct", "2025-01..2025-08", "supported")]


def test_a_level_names_its_own_series_and_a_cue_in_brackets_beats_a_later_base(dataset: Dataset) -> None:
    both = check(dataset, "Take July: China shipped 5,994 tonnes of rare earths and 5,577 tonnes of magnets.",
                 date(2025, 9, 12))
    assert [(c.commodity, c.verdict) for c in both] == [("rare_earths", "supported"),
                                                        ("rare_earth_magnets", "supported")]
    change = only(check(dataset, "China shipped 5,792 tonnes of rare earths in August (+22.6% y/y), a shade below "
                                 "July's level.", date(2025, 9, 12)), "22.6%")
    assert (change.period, change.base_period, change.verdict) == ("2025-08", "2024-08", "supported")


def test_a_month_after_the_reporting_month_without_a_year_is_last_years_unless_forecast(dataset: Dataset) -> None:
    stated = only(check(dataset, "The year opened strongly, with 6,357 tonnes of magnets leaving Chinese ports in "
                                 "January.", date(2026, 1, 21)), "6,357")
    assert (stated.period, stated.verdict) == ("2025-01", "supported")
    forecast = only(check(dataset, "Analysts expect magnet exports could reach 6,000 tonnes in August.",
                          date(2025, 8, 14)), "6,000")
    assert (forecast.period, forecast.in_scope) == ("2025-08", False)


def test_the_following_month_is_the_month_after_the_one_named_before(dataset: Dataset) -> None:
    text = ("Magnet deliveries to Japan amounted to only 131 tonnes in June but climbed by nearly 80% the following "
            "month, to 232 tonnes.")  # 232 / 131 = +77.1%
    claims = check(dataset, text, date(2025, 8, 21))
    assert [(c.period, c.verdict) for c in claims] == [("2025-06", "supported"), ("2025-07", "supported"),
                                                       ("2025-07", "supported")]


def test_without_a_published_ranking_enough_bigger_destinations_refute_a_rank(dataset: Dataset) -> None:
    # magnets, September 2024 (derived levels): Germany 1,007 t and the US 596 t both above South Korea's 463 t
    second = only(check(dataset, "In September 2024 South Korea ranked second among buyers of Chinese magnets.",
                        date(2024, 10, 21)), "second")
    assert (second.verdict, second.basis) == ("refuted", "derived")
    top = only(check(dataset, "In September 2024 Germany was the top buyer of Chinese magnets.", date(2024, 10, 21)),
               "top buyer")
    assert top.verdict == "unverifiable"  # no destination known to be bigger, but not every destination is known


def test_a_cue_right_before_the_change_verb_and_a_next_clause_about_demand(dataset: Dataset) -> None:
    text = ("In July, China exported 5,278 tons of rare earth permanent magnets, compared to the same period of last "
            "year increased 11%, ring ratio increased 2%. In August the magnet export was 5,325 tons, ring ratio "
            "increased 26%, the demand from wind power is strong.")
    changes = [c for c in check(dataset, text, date(2024, 9, 21)) if c.unit == "%"]
    assert [(c.text.split()[-1], c.kind, c.verdict) for c in changes] == [
        ("11%", "yoy_pct", "supported"), ("2%", "mom_pct", "supported"), ("26%", "mom_pct", "refuted")]


@pytest.mark.parametrize("sentence, quote, published, fields", [
    ("Magnet shipments more than quadrupled between May and July.", "quadrupled", date(2025, 8, 21),
     ("multiple", "2025-07", "2025-05", "supported")),  # 5,577 t against 1,238 t: 4.5 times
    ("Magnet exports fell about 80% between March and May.", "80%", date(2025, 6, 21),
     ("pct_change", "2025-05", "2025-03", "supported")),  # 1,238 t against 5,324 t: -76.7%
    ("Magnet exports between January and June totalled 22,319 tonnes.", "22,319", date(2025, 7, 21),
     ("cumulative_quantity", "2025-01..2025-06", None, "supported")),
])
def test_a_change_between_two_months_is_the_later_against_the_earlier(
        dataset: Dataset, sentence: str, quote: str, published: date, fields: tuple[str, str, str | None, str]) -> None:
    claim = only(check(dataset, sentence, published), quote)
    assert (claim.kind, claim.period, claim.base_period, claim.verdict) == fields


def test_a_place_below_the_top_of_a_window_and_a_possessive_month_before_a_level(dataset: Dataset) -> None:
    second = only(check(dataset, "Magnet shipments climbed to 6,150 tons in November, the second-highest monthly "
                                 "total this year.", date(2025, 12, 20)), "second-highest")
    third = only(check(dataset, "Magnet shipments climbed to 6,150 tons in November, the third-highest monthly "
                                "total this year.", date(2025, 12, 20)), "third-highest")
    assert (second.value, second.verdict, third.verdict) == (2, "supported", "refuted")  # only January was higher
    march = only(check(dataset, "Rare earth exports: adding March's 4,710 tonnes puts the first quarter at roughly "
                                "13,500 tonnes.", date(2024, 4, 20)), "4,710")
    assert (march.period, march.verdict) == ("2024-03", "supported")


def test_midyear_a_change_on_the_month_column_and_links_to_other_stories(dataset: Dataset) -> None:
    midyear = only(check(dataset, "Rare earth shipments: by midyear the running total stood at 29,095 tonnes.",
                         date(2025, 1, 22)), "29,095")
    assert (midyear.period, midyear.verdict) == ("2024-01..2024-06", "supported")
    table = ("Magnet exports in July:\n\n| Destination | tonnes | change on month | change on year |\n|---|---|---|---|\n"
             "| Germany | 1,116 | +46 per cent | -3 per cent |\n")
    cells = [c for c in check(dataset, table, date(2025, 8, 21)) if c.unit == "%"]
    assert [(c.kind, c.verdict) for c in cells] == [("mom_pct", "supported"), ("yoy_pct", "supported")]
    links = check(dataset, "Magnet exports rose to 5,577 tonnes in July.\n\nRead more: Copper Slides 2.4% as Chilean "
                           "Mine Restarts; Lithium Futures Climb to 18-Month High\n", date(2025, 8, 21))
    assert [c.text for c in links] == ["5,577 tonnes"]


def test_a_heading_year_dates_a_span_of_months_named_without_one(dataset: Dataset) -> None:
    text = ("Magnets, year by year\n\nWhat the numbers say: 2024\n\nMagnet exports grew faster than in 2023.\n\n"
            "About 27,500 tonnes of magnets left the country between January and June.\n")
    claim = only(check(dataset, text, date(2025, 6, 25)), "27,500")  # without the heading: January to June 2025
    assert (claim.period, claim.verdict) == ("2024-01..2024-06", "supported")


def test_tenths_and_sixths_as_changes_and_shares_and_the_bloc_is_the_eu(dataset: Dataset) -> None:
    change = only(check(dataset, "Last year magnet exports reached about 58,000 tonnes, roughly a tenth more than in "
                                 "2023.", date(2025, 6, 25)), "tenth")  # 58,142 t against 52,576 t: +10.6%
    assert (change.kind, change.value, change.verdict) == ("cumulative_yoy_pct", 10, "supported")
    share = only(check(dataset, "The US took more than a tenth of China's magnet exports in July 2025.",
                       date(2025, 8, 20)), "tenth")  # 619 t of 5,577 t: 11.1%
    assert (share.kind, share.partner, share.verdict) == ("share_pct", "United States", "supported")
    bloc = only(check(dataset, "Magnet exports to the European Union rose in July. The bloc bought 2,140 tonnes.",
                      date(2025, 8, 20)), "2,140")
    assert (bloc.partner, bloc.verdict) == ("European Union", "supported")


@pytest.mark.parametrize("words, verdict", [("nearly four times as much as Japan", "supported"),  # 854 t / 228 t
                                            ("five times as much as Japan", "refuted")])
def test_a_multiple_of_another_destination_in_the_same_month(dataset: Dataset, words: str, verdict: str) -> None:
    claim = only(check(dataset, f"In September South Korea alone took {words} in rare-earth magnets.",
                       date(2025, 10, 21)), "times")
    assert (claim.partners, claim.base_period, claim.verdict) == (["South Korea", "Japan"], "2025-09", verdict)


def test_demand_in_the_next_clause_does_not_take_a_level_out_of_scope(dataset: Dataset) -> None:
    claim = only(check(dataset, "China's rare-earth magnet exports hold at nearly 6,000 tons in December as global "
                                "demand stays firm", date(2026, 1, 21)), "6,000")
    assert (claim.in_scope, claim.verdict) == (True, "supported")  # 5,952 t


@pytest.mark.parametrize("text, quote, period", [
    ("Customs put September rare earth exports at 4,000.3 tonnes, a drop of 30.9% from August, when the country "
     "shipped 5,792 tonnes.", "5,792", "2025-08"),
    ("Rare earth volumes in September came in 4.3% lower than in September 2024, when China exported 4,181 tonnes.",
     "4,181", "2024-09"),
    ("Magnet exports reached 5,774 tonnes in September. A year earlier China shipped 4,915 tonnes of magnets in the "
     "month.", "4,915", "2024-09"),
    ("Rare-earth exports in the first nine months reached 48,355.7 tonnes, up 13% on the first nine months of last "
     "year.", "13%", "2025-01..2025-09"),
])
def test_levels_dated_by_a_when_clause_or_an_opening_year_earlier(dataset: Dataset, text: str, quote: str,
                                                                  period: str) -> None:
    claim = only(check(dataset, text, date(2025, 10, 14)), quote)
    assert (claim.period, claim.verdict) == (period, "supported")


@pytest.mark.parametrize("published, text, quote, partner, period", [
    (date(2025, 12, 20), "Through the end of November China shipped 51,440 tonnes of rare-earth magnets this year.",
     "51,440", "World", "2025-01..2025-11"),
    (date(2025, 12, 20), "From January through October the country sold 45,290 tonnes of magnets abroad, 5.2% below "
                         "the corresponding period of 2024.", "5.2%", "World", "2025-01..2025-10"),
    (date(2025, 12, 20), "Shipments of magnets to the European bloc came to 2,060 tonnes in October.", "2,060",
     "European Union", "2025-10"),
    (date(2024, 12, 11), "Rare earth exports this year have nearly matched the 52,307 tons shipped in all of last "
                         "year.", "52,307", "World", "2023-01..2023-12"),
    (date(2024, 12, 11), "Cumulative rare earth exports were 10.9% higher than a year earlier at the half-year mark.",
     "10.9%", "World", "2024-01..2024-06"),
])
def test_spans_written_as_the_end_of_a_month_all_of_last_year_or_the_half_year_mark(
        dataset: Dataset, published: date, text: str, quote: str, partner: str, period: str) -> None:
    claim = only(check(dataset, text, published), quote)
    assert (claim.partner, claim.period, claim.verdict) == (partner, period, "supported")


def test_a_shortfall_is_a_fall(dataset: Dataset) -> None:
    claim = only(check(dataset, "Year-to-date magnet volumes of 45,290t are now only 5.2% below 2024, against a 7.5% "
                                "shortfall through September.", date(2025, 11, 24)), "7.5%")
    assert (claim.kind, claim.value, claim.period, claim.verdict) == (
        "cumulative_yoy_pct", Decimal("-7.5"), "2025-01..2025-09", "supported")


@pytest.mark.parametrize("words, value, verdict", [("fell by more than 90%", -90, "supported"),  # -93% published
                                                   ("dropped more than 95%", -95, "refuted"),
                                                   ("were cut by over 90%", -90, "supported")])
def test_a_hedge_before_a_fall_does_not_turn_it_into_a_rise(dataset: Dataset, words: str, value: int,
                                                          verdict: str) -> None:
    claim = only(check(dataset, f"Magnet exports to the US {words} from a year earlier in May.", date(2025, 6, 20)),
                 "%")
    assert (claim.value, claim.verdict) == (value, verdict)


def test_a_country_in_a_relative_clause_is_not_the_destination(dataset: Dataset) -> None:
    claim = only(check(dataset, "South Korea, whose battery makers also supply plants in Poland, took 569 tonnes of "
                                "magnets in October.", date(2025, 11, 24)), "569")
    assert (claim.partner, claim.verdict) == ("South Korea", "supported")


@pytest.mark.parametrize("words, verdict", [("1.7x the US volume", "supported"),  # 1,118 t / 656 t = 1.70
                                            ("2.5x the US volume", "refuted"),
                                            ("more than two and a half times India's volume", "supported")])  # / 416 t
def test_a_multiple_of_another_destinations_volume(dataset: Dataset, words: str, verdict: str) -> None:
    claim = only(check(dataset, f"In October Germany bought {words} of rare-earth magnets.", date(2025, 11, 24)),
                 "volume")
    assert (claim.partner, claim.base_period, claim.verdict) == ("Germany", "2025-10", verdict)


@pytest.mark.parametrize("text, quote, period, base", [
    ("The seven-month total of magnet exports dropped to 27,897 tonnes in 2025, a fall of 15% on 2024.", "15%",
     "2025-01..2025-07", "2024-01..2024-07"),
    ("Magnet exports for the first seven months dropped to 27,897 tonnes in 2025.", "27,897", "2025-01..2025-07", None),
    ("In the first half of 2025 magnet exports came to 22,319 tonnes, against 58,142 tonnes for all of 2024.",
     "58,142", "2024-01..2024-12", None),
])
def test_a_bare_year_beside_a_span_of_months_is_that_span_in_that_year(dataset: Dataset, text: str, quote: str,
                                                                      period: str, base: str | None) -> None:
    claim = only(check(dataset, text, date(2025, 12, 22)), quote)
    assert (claim.period, claim.base_period, claim.verdict) == (period, base, "supported")


@pytest.mark.parametrize("text, quote, partner, position", [
    ("Magnet exports in September: Vietnam is third, with 456 tonnes.", "is third", "Vietnam", 3),
    ("Second place goes to South Korea: 854 tonnes of magnets in September.", "Second place", "South Korea", 2),
    ("In September Germany kept the No.1 slot among magnet buyers.", "No.1 slot", "Germany", 1),
    ("In May customs recorded 150 tonnes of magnets bound for India, which was enough to make it the third-largest "
     "destination that month.", "third-largest", "India", 3),
])
def test_ranks_stated_with_is_goes_to_a_slot_or_a_which_clause(dataset: Dataset, text: str, quote: str,
                                                                partner: str, position: int) -> None:
    claim = only(check(dataset, text, date(2025, 10, 20)), quote)
    assert (claim.kind, claim.partner, claim.value, claim.verdict) == ("rank", partner, position, "supported")


@pytest.mark.parametrize("published, text, quote, window", [
    (date(2024, 12, 11), "Rare earth shipments have drifted lower since the year's high of 6,217 tons in May.",
     "year's high", "2024-01..2024-11"),
    (date(2025, 11, 24), "October was the slackest month for Chinese magnet exports since June.", "slackest",
     "2025-07..2025-10"),
])
def test_the_years_high_and_other_superlatives_are_extremes(dataset: Dataset, published: date, text: str, quote: str,
                                                            window: str) -> None:
    claim = only(check(dataset, text, published), quote)
    assert (claim.kind, claim.window, claim.verdict) == ("extreme", window, "supported")


def test_most_of_this_year_is_not_an_extreme(dataset: Dataset) -> None:
    assert not check(dataset, "For most of this year, carmakers have watched magnet shipments.", date(2025, 11, 24))


def test_after_a_weak_month_is_not_the_period_of_what_follows(dataset: Dataset) -> None:
    claims = check(dataset, "Magnet exports slipped in October. After a weak September, shipments to the US bounced "
                            "back and the country regained second place among destinations.", date(2025, 11, 24))
    rank = only(claims, "second place")
    assert (rank.partner, rank.period, rank.verdict) == ("United States", "2025-10", "supported")


def test_an_extreme_after_a_when_clause_level_is_that_months(dataset: Dataset) -> None:
    claim = only(check(dataset, "Rare-earth magnet exports eased 6.1% in September from August, when they came to "
                                "6,146 tonnes, their highest monthly total since January.", date(2025, 10, 20)),
                 "highest")
    assert (claim.period, claim.window, claim.verdict) == ("2025-08", "2025-02..2025-08", "supported")


@pytest.mark.parametrize("words, kind", [("12% of China's worldwide magnet exports", "share_pct"),
                                         ("12% of the worldwide magnet market", "other")])
def test_a_share_of_chinas_worldwide_exports_is_a_destination_share(dataset: Dataset, words: str, kind: str) -> None:
    claim = only(check(dataset, f"The United States took {words} in October.", date(2025, 11, 25)), "12%")
    assert claim.kind == kind


def test_numbers_chained_after_a_level_take_its_unit(dataset: Dataset) -> None:
    claims = check(dataset, "Magnet exports climbed from 4,724 tonnes in July 2023 to 5,278 in July 2024 and 5,577 in "
                            "July 2025.", date(2025, 12, 22))
    assert [(c.text, c.period, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("4,724 tonnes", "2023-07", "supported"), ("5,278", "2024-07", "supported"), ("5,577", "2025-07", "supported")]
    assert not check(dataset, "Prices rose from 2023 to 5,278 in July.", date(2025, 12, 22))


def test_a_level_a_change_is_measured_from_takes_the_changes_base(dataset: Dataset) -> None:
    claims = check(dataset, "Compared with the same month last year, November's rare earth volume was up about 5% "
                            "from 4,206 tons.", date(2024, 12, 11))
    change, level = only(claims, "5%"), only(claims, "4,206")
    assert (change.kind, change.base_period, change.verdict) == ("yoy_pct", "2023-11", "supported")
    assert (level.period, level.verdict) == ("2023-11", "supported")


def test_the_cumulative_figure_refers_back_past_a_source_line(dataset: Dataset) -> None:
    claim = only(check(dataset, "In the first seven months magnet exports fell to 27,897 tonnes. Source: customs.\n\n"
                                "The cumulative figure is also some 12% below the same seven months of 2023, before "
                                "the boom of 2024.", date(2025, 12, 22)), "12%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-01..2025-07", "2023-01..2023-07", "supported")


def test_a_share_of_chinas_total_after_a_comparison_list_is_the_subjects(dataset: Dataset) -> None:
    claims = check(dataset, "The United States dropped to fourth place among destinations, behind Germany, South "
                            "Korea and Vietnam, and accounted for just 7.3% of China's 5,774 tonnes of magnet exports "
                            "in September.", date(2025, 10, 20))
    share, total = only(claims, "7.3%"), only(claims, "5,774")
    assert (share.kind, share.partner, share.verdict) == ("share_pct", "United States", "supported")
    assert (total.partner, total.verdict) == ("World", "supported")


def test_a_rank_after_a_relative_clause_naming_a_demonym_is_the_subjects(dataset: Dataset) -> None:
    claim = only(check(dataset, "Mexico, whose auto-parts plants supply much of the North American market, ranked "
                                "fifth in September among magnet buyers.", date(2025, 10, 20)), "fifth")
    assert (claim.partner, claim.verdict) == ("Mexico", "supported")


@pytest.mark.parametrize("text, quote, period", [
    ("Rare earth exports: July came to 5,278 tonnes and August to 4,732 tonnes, before September dropped to 4,181 "
     "tonnes, the weakest month since February.", "5,278", "2024-07"),
    ("Rare earth exports: July came to 5,278 tonnes and August to 4,732 tonnes, before September dropped to 4,181 "
     "tonnes, the weakest month since February.", "4,181", "2024-09"),
    ("Rare earth exports in November slipped 7.1% to 4,416 tonnes and December's 3,326 tonnes were 24.7% below "
     "October.", "4,416", "2024-11"),
])
def test_months_that_open_their_own_clause_keep_their_own_figures(dataset: Dataset, text: str, quote: str,
                                                                  period: str) -> None:
    assert only(check(dataset, text, date(2025, 1, 20)), quote).period == period


def test_bullets_under_a_heading_that_names_a_destination_are_about_it(dataset: Dataset) -> None:
    text = ("SINGAPORE - Magnet shipments from China picked up again in July, customs data showed.\n\n"
            "UNITED STATES\n\n* May: 46 tons, as licences for American buyers stalled\n* July: 619 tons\n\n"
            "INDIA\n\n* July: 418 tons, the most for Indian customers in months\n\n"
            "OUTLOOK\n\n* July: 5,577 tons in all\n")
    claims = check(dataset, text, date(2025, 8, 21))
    assert [(c.text, c.partner, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("46 tons", "United States", "supported"), ("619 tons", "United States", "supported"),
        ("418 tons", "India", "supported"), ("5,577 tons", "World", "supported")]


def test_a_thread_with_abbreviated_months_arrows_and_tildes(dataset: Dataset) -> None:
    claims = check(dataset, "Magnets headline: ~5.5k t shipped last month, ↓~5% m/m.\n\nJan came in at 6,357 t and that is "
                            "still the 2025 high. Jun ↑157% m/m → Jul 5,577 t → Aug 6,146 t.", date(2025, 11, 21))
    fall = only(claims, "5%")
    assert (fall.value, fall.hedge, fall.verdict) == (-5, "about", "supported")  # -5.2% published
    assert only(claims, "6,357").period == "2025-01"
    assert (only(claims, "2025 high").window, only(claims, "2025 high").verdict) == ("2025-01..2025-10", "supported")
    assert [(c.period, c.verdict) for c in claims if c.text in ("↑157% m/m", "5,577 t", "6,146 t")] == [
        ("2025-06", "supported"), ("2025-07", "supported"), ("2025-08", "supported")]


def test_on_year_with_a_hyphen_and_a_multiple_of_a_level_sent_elsewhere(dataset: Dataset) -> None:
    change = only(check(dataset, "From January through November, China's magnet exports totaled 51,440 tons, down 2 "
                                 "percent on-year.", date(2025, 12, 23)), "2 percent")
    assert (change.kind, change.base_period, change.verdict) == ("cumulative_yoy_pct", "2024-01..2024-11", "supported")
    multiple = only(check(dataset, "In October Korea's magnet volume was more than two and a half times the 226 tons "
                                   "China sent to Japan.", date(2025, 12, 23)), "times")  # 569 t / 226 t
    assert (multiple.partners, multiple.verdict) == (["South Korea", "Japan"], "supported")


@pytest.mark.parametrize("text, quote, kind, partner, value", [
    ("Shipments of magnets for January through July came to 27,897 tons, still 15% short of the same stretch of "
     "2024.", "15%", "cumulative_yoy_pct", "World", -15),
    ("The US took 353 tons of magnets in June, second only to Germany.", "second only", "rank", "United States", 2),
    ("Magnet exports to the EU came to 2,140 tons in July, or 38% of everything China shipped abroad.", "38%",
     "share_pct", "European Union", 38),
    ("VIETNAM\n\n* May: 235 tons of magnets, making the country the biggest single destination that month.",
     "biggest single destination", "rank", "Vietnam", 1),
])
def test_short_of_second_only_to_everything_china_shipped_and_a_rank_under_a_heading(
        dataset: Dataset, text: str, quote: str, kind: str, partner: str, value: int) -> None:
    claim = only(check(dataset, text, date(2025, 8, 21)), quote)
    assert (claim.kind, claim.partner, claim.value, claim.verdict) == (kind, partner, value, "supported")


def test_cells_of_a_table_aligned_with_spaces_are_checked(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Magnet exports by destination (tonnes)\n\nDestination      Aug-25    Sep-25    Oct-25\n"
                    "South Korea        n.a.       854       569\nVietnam            n.a.       456       454\n",
                    encoding="utf-8")
    claims = check_paths([str(path)], dataset, Settings(), date(2025, 11, 24)).documents[0].claims
    assert [(c.text, c.partner, c.period, c.verdict) for c in claims] == [
        ("854", "South Korea", "2025-09", "supported"), ("569", "South Korea", "2025-10", "supported"),
        ("456", "Vietnam", "2025-09", "supported"), ("454", "Vietnam", "2025-10", "refuted")]  # 444 t


@pytest.mark.parametrize("text, quote, partner, position, verdict", [
    ("The top buyer of magnets in June was Germany.", "top buyer", "Germany", 1, "supported"),
    ("The largest buyer of magnets in June was the US.", "largest buyer", "United States", 1, "refuted"),  # No. 2
    ("Germany led magnet purchases in June; the second-largest buyer was the US.", "second-largest", "United States",
     2, "supported"),
    ("The US took 353 tonnes of magnets in June, and the country in third place was Vietnam.", "third place",
     "Vietnam", 3, "supported"),
])
def test_a_rank_whose_destination_follows_it(dataset: Dataset, text: str, quote: str, partner: str, position: int,
                                              verdict: str) -> None:
    claim = only([c for c in check(dataset, text) if c.kind == "rank"], quote)
    assert (claim.partner, claim.value, claim.verdict) == (partner, position, verdict)


def test_a_figureless_lede_naming_the_other_series_does_not_set_the_topic(dataset: Dataset) -> None:
    text = ("Talk of China's hold on rare earths usually conjures up mines. The pinch carmakers felt came from "
            "magnets, though, and the customs ledger of magnets tells the story.\n\n"
            "In 2023 China exported 52,576 tonnes of rare-earth permanent magnets.\n\n"
            "Take July. Exporters shipped 4,724 tonnes in July 2023 and 5,577 tonnes in July 2025.\n")
    claims = check(dataset, text, date(2026, 2, 9))
    assert [(c.text, c.commodity, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("4,724 tonnes", "rare_earth_magnets", "supported"), ("5,577 tonnes", "rare_earth_magnets", "supported")]


@pytest.mark.parametrize("text", ["Magnets, November. Top destinations by volume: Germany, South Korea, US.",
                                  "Magnet exports in November: the ranking read Germany, South Korea and the US."])
def test_rank_lists_after_a_colon_or_the_ranking_read(dataset: Dataset, text: str) -> None:
    ranks = [c for c in check(dataset, text, date(2025, 12, 22)) if c.kind == "rank"]
    assert [(c.partner, c.value, c.verdict) for c in ranks] == [
        ("Germany", 1, "supported"), ("South Korea", 2, "supported"), ("United States", 3, "supported")]


def test_short_of_a_named_month_is_its_base_and_german_volumes_are_germanys(dataset: Dataset) -> None:
    short = only(check(dataset, "Shipments of magnets to Germany in July still fell 3 percent short of July 2024.",
                       date(2026, 1, 21)), "3 percent")
    assert (short.kind, short.base_period, short.value, short.verdict) == ("yoy_pct", "2024-07", -3, "supported")
    volumes = only(check(dataset, "In October German volumes of magnets were 55.9% up on a year earlier.",
                         date(2025, 11, 24)), "55.9%")
    assert (volumes.partner, volumes.verdict) == ("Germany", "supported")


def test_key_data_lines_labelled_change_on_a_period(dataset: Dataset) -> None:
    text = ("## Key data\n\n- Magnet exports, November: 6,150 t\n- Change on October: +12.4%\n"
            "- Change on November 2024: +28.3%\n")
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.text, c.kind, c.period, c.base_period, c.verdict) for c in claims if c.unit == "%"] == [
        ("+12.4%", "mom_pct", "2025-11", "2025-10", "supported"),
        ("+28.3%", "yoy_pct", "2025-11", "2024-11", "supported")]


@pytest.mark.parametrize("order, verdicts", [
    ("Japan, the United States and the Netherlands", ["supported", "supported", "supported"]),
    ("Japan, the Netherlands and the United States", ["supported", "refuted", "refuted"]),
])
def test_a_rank_list_that_comes_before_its_verb(dataset: Dataset, order: str, verdicts: list[str]) -> None:
    ranks = check(dataset, f"{order} were the largest buyers of Chinese rare earths last year.", date(2025, 12, 8))
    assert [(c.kind, c.period, c.verdict) for c in ranks] == [("rank", "2024-01..2024-12", v) for v in verdicts]


def test_over_the_year_is_the_whole_year_not_a_base(dataset: Dataset) -> None:
    text = ("Rare earth exports fell to 3,326 tonnes in December. Japan was the largest buyer over the year, followed by the "
            "United States.")
    ranks = [c for c in check(dataset, text, date(2025, 1, 20)) if c.kind == "rank"]
    assert [(c.partner, c.period, c.verdict) for c in ranks] == [
        ("Japan", "2024-01..2024-12", "supported"), ("United States", "2024-01..2024-12", "supported")]


@pytest.mark.parametrize("text, quote, period", [
    ("Rare earth exports rose in November. They have averaged roughly 5,300 tons a month this year.",
     "roughly 5,300 tons", "2025-01..2025-11"),
    ("Rare earth exports in June this year were 7,742 tons.", "7,742 tons", "2025-06"),
    ("Rare earth exports rose 24.4% in November after curbs earlier this year.", "24.4%", "2025-11"),
])
def test_this_year_is_the_year_to_date_unless_it_dates_a_month(dataset: Dataset, text: str, quote: str,
                                                                 period: str) -> None:
    claim = only(check(dataset, text, date(2025, 12, 20)), quote)
    assert (claim.period, claim.verdict) == (period, "supported")


def test_peaked_for_the_year_is_the_month_it_names(dataset: Dataset) -> None:
    claim = only(check(dataset, "Rare earth exports peaked for the year at 7,742 tons in June.", date(2025, 12, 20)),
                 "peaked for the year")
    assert (claim.kind, claim.period, claim.verdict) == ("extreme", "2025-06", "supported")


@pytest.mark.parametrize("text", [
    "Exports of rare earths — the oxides and metals that customs counts separately from finished magnets — rose to "
    "4,343.5 tonnes in October.",
    "Rare earth exports, a category excluding finished magnets, came to 4,343.5 tonnes in October.",
])
def test_a_series_named_in_an_aside_or_set_apart_is_not_the_subject(dataset: Dataset, text: str) -> None:
    claim = only(check(dataset, text, date(2025, 11, 20)), "4,343.5 tonnes")
    assert (claim.commodity, claim.verdict) == ("rare_earths", "supported")


def test_a_span_named_in_passing_does_not_date_the_next_paragraph(dataset: Dataset) -> None:
    text = ("1. Monthly volume. Magnet exports were 5,473 tonnes in October.\n\n2. The US. Exports to the U.S. were 656 "
            "tonnes. In cumulative terms, shipments to the United States during January-October fell 20% year-on-year."
            "\n\n3. Other markets. Vietnam took 444 tonnes.")
    claim = only(check(dataset, text, date(2025, 11, 20)), "444 tonnes")
    assert (claim.period, claim.verdict) == ("2025-10", "supported")


def test_numbered_sections_that_open_with_a_destination_are_not_ranks(dataset: Dataset) -> None:
    sections = ("3. Principal markets. Germany took 1,118 tonnes of magnets in October.\n\n4. The United States ranked "
                "second.\n\n5. Other markets. Vietnam took 444 tonnes.")
    ranking = "Magnets, October:\n1. Germany, 1,118 t\n2. United States, 656 t\n3. South Korea, 569 t"
    assert [c.value for c in check(dataset, sections, date(2025, 11, 20)) if c.kind == "rank"] == [2]
    assert [c.value for c in check(dataset, ranking, date(2025, 11, 20)) if c.kind == "rank"] == [1, 2, 3]


def test_a_rank_list_in_order_with_semicolons_after_last_years(dataset: Dataset) -> None:
    text = ("For reference, last year's biggest buyers of Chinese rare earths were, in order: Japan; the Netherlands; "
            "the United States.")
    ranks = check(dataset, text, date(2025, 11, 21))
    assert [(c.partner, c.period, c.verdict) for c in ranks] == [
        ("Japan", "2024-01..2024-12", "supported"), ("Netherlands", "2024-01..2024-12", "refuted"),
        ("United States", "2024-01..2024-12", "refuted")]


@pytest.mark.parametrize("text, quote, period", [
    ("Last year's exports of rare earths were 55,431 tonnes.", "55,431 tonnes", "2024-01..2024-12"),
    ("Rare earth exports were 4,343.5 tonnes in October, 8.6% below last year's level.", "8.6%", "2025-10"),
])
def test_last_years_is_the_year_unless_it_is_a_level_compared_with(dataset: Dataset, text: str, quote: str,
                                                                     period: str) -> None:
    claim = only(check(dataset, text, date(2025, 11, 21)), quote)
    assert (claim.period, claim.verdict) == (period, "supported")


def test_bare_figures_in_a_list_whose_unit_is_given_once(dataset: Dataset) -> None:
    text = "Magnets by destination, October (t): Germany 1,118 (+55.9%); United States 656; South Korea 596."
    levels = [c for c in check(dataset, text, date(2025, 11, 21)) if c.kind == "quantity"]
    assert [(c.partner, c.verdict) for c in levels] == [
        ("Germany", "supported"), ("United States", "supported"), ("South Korea", "refuted")]
    assert check(dataset, "Magnets by destination, October: Germany 1,118; United States 656.", date(2025, 11, 21)) == []


def test_a_span_in_one_bullet_does_not_date_the_next(dataset: Dataset) -> None:
    text = ("China shipped 6,150 t of magnets last month, up 12.4% on October. Back in May, the flow was far smaller."
            "\n\n- 51,440 t of magnets went out January through November, about 2% less than a year before.\n"
            "- 582 t went to the US.\n- 305 t went to Japan.")
    levels = [c for c in check(dataset, text, date(2025, 12, 21)) if c.kind in ("quantity", "cumulative_quantity")]
    assert [(c.text, c.period, c.verdict) for c in levels] == [
        ("6,150 t", "2025-11", "supported"), ("51,440 t", "2025-01..2025-11", "supported"),
        ("582 t", "2025-11", "supported"), ("305 t", "2025-11", "supported")]


def test_a_rank_column_in_a_table_and_a_top_five_in_order(dataset: Dataset) -> None:
    table = ("Magnet exports by destination, September 2025\n\n| Rank | Destination | Tonnes |\n|---|---|---|\n"
             "| 1 | Germany | 1,288 |\n| 3 | United States | 420.5 |")
    claims = check(dataset, table, date(2025, 10, 21))
    assert [(c.kind, c.text, c.verdict) for c in claims] == [
        ("rank", "1", "supported"), ("quantity", "1,288", "supported"),
        ("rank", "3", "refuted"), ("quantity", "420.5", "supported")]
    listed = check(dataset, "Top three magnet destinations last month, in order: Germany, South Korea and the US.",
                   date(2025, 12, 21))
    assert [(c.partner, c.value, c.verdict) for c in listed] == [
        ("Germany", 1, "supported"), ("South Korea", 2, "supported"), ("United States", 3, "supported")]


def test_its_opening_a_sentence_is_the_previous_subjects(dataset: Dataset) -> None:
    text = ("Germany has been the leading destination for Chinese magnets since June. Its August intake of 1,346 "
            "tonnes was the largest of any country.")
    claim = only(check(dataset, text, date(2025, 12, 29)), "1,346 tonnes")
    assert (claim.partner, claim.period, claim.verdict) == ("Germany", "2025-08", "supported")


@pytest.mark.parametrize("opening", ["Against November of last year", "ANCHOR: Against November of last year"])
def test_against_a_period_opening_a_sentence_is_the_base(dataset: Dataset, opening: str) -> None:
    text = f"China's magnet exports were 6,150 tons in November.\n{opening}, shipments were up by more than a quarter."
    claim = only(check(dataset, text, date(2025, 12, 22)), "up by more than a quarter")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-11", "2024-11", "supported")


@pytest.mark.parametrize("text, quote, partner, position", [
    ("In November the US was the No. 3 destination for Chinese magnets.", "the No. 3 destination", "United States", 3),
    ("In November South Korea was the number-two buyer of Chinese magnets.", "the number-two buyer", "South Korea", 2),
    ("In November Germany led Chinese magnet buyers and India rounded out the top five.",
     "India rounded out the top five", "India", 5),
])
def test_numbered_places_and_rounding_out_a_top_n(dataset: Dataset, text: str, quote: str, partner: str,
                                                   position: int) -> None:
    claim = only(check(dataset, text, date(2025, 12, 22)), quote)
    assert (claim.partner, claim.value, claim.verdict) == (partner, position, "supported")


@pytest.mark.parametrize("text, verdict", [
    ("China sent more rare-earth magnets abroad last month than in any month since January.", "supported"),
    ("China sent fewer rare-earth magnets abroad last month than in any month since January.", "refuted"),
])
def test_more_than_in_any_month_since_is_an_extreme(dataset: Dataset, text: str, verdict: str) -> None:
    claim = only(check(dataset, text, date(2025, 12, 22)), "than in any month since January")
    assert (claim.kind, claim.period, claim.verdict) == ("extreme", "2025-11", verdict)


@pytest.mark.parametrize("text, quote, period", [
    ("Magnet exports were 6,150 tonnes in November. The increase on October was 12 per cent.", "12 per cent",
     "2025-11"),
    ("Magnet exports were 6,150 tonnes in November. Set against May, the tally was almost five times as large.",
     "almost five times", "2025-11"),
    ("Magnet exports rose in November. At the end of July the year-to-date shortfall in magnets was 15 per cent.",
     "15 per cent", "2025-01..2025-07"),
    ("By the end of September, China had shipped 39,817 tonnes of magnets.", "39,817 tonnes", "2025-01..2025-09"),
])
def test_bases_after_a_change_noun_or_set_against_and_totals_to_a_months_end(
        dataset: Dataset, text: str, quote: str, period: str) -> None:
    claim = only(check(dataset, text, date(2025, 12, 22)), quote)
    assert (claim.period, claim.verdict) == (period, "supported")


def test_the_german_volume_is_germanys(dataset: Dataset) -> None:
    claim = only(check(dataset, "In November the German volume of Chinese magnets climbed about 18% from October.",
                       date(2025, 12, 21)), "18%")
    assert (claim.partner, claim.verdict) == ("Germany", "unverifiable")  # no German November level is published


def test_a_level_fronted_with_at_takes_the_period_of_its_clause(dataset: Dataset) -> None:
    text = "Germany took 1,346 tonnes of magnets in August. At 1,118 tonnes, the October figure was a record."
    claim = only(check(dataset, text, date(2025, 12, 29)), "1,118 tonnes")
    assert (claim.partner, claim.period, claim.verdict) == ("Germany", "2025-10", "supported")


@pytest.mark.parametrize("gap, partner, verdict", [(" ", "United States", "supported"), ("\n\n", "World", "refuted")])
def test_the_september_total_continues_the_flow_of_the_sentence_before(dataset: Dataset, gap: str, partner: str,
                                                                         verdict: str) -> None:
    text = (f"China shipped 420.5 tons of rare-earth magnets to the U.S. last month, down 28.7% from August.{gap}"
            "The September total was nearly 30% lower than a year earlier.")
    claim = only(check(dataset, text, date(2025, 10, 21)), "30% lower than a year earlier")
    assert (claim.partner, claim.verdict) == (partner, verdict)


def test_one_line_items_labelled_with_a_country_in_capitals(dataset: Dataset) -> None:
    text = ("MAGNETS: Oct 5,473t, -5.2% m/m\nGERMANY: 1,118t, No.1 again\nS.KOREA: 569t, No.2\n"
            "INDIA: 416t, rounds out the top five")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.text, c.partner, c.verdict) for c in claims if c.partner != "World"] == [
        ("1,118t", "Germany", "supported"), ("No.1", "Germany", "supported"), ("569t", "South Korea", "supported"),
        ("No.2", "South Korea", "refuted"), ("INDIA: 416t, rounds out the top five", "India", "supported"),
        ("416t", "India", "supported")]


def test_a_span_on_a_line_of_its_own_does_not_date_the_next_line(dataset: Dataset) -> None:
    text = ("MAGNETS: Oct 5,473t, -5.2% m/m\nMAGNETS YTD: Jan-Oct 45,290t, down 5.2% on 2024\nGERMANY: 1,118t\n\n"
            "Rare earths, January-October\n52,699.2 t")
    levels = check(dataset, text, date(2025, 11, 21))
    assert [(c.text, c.period, c.verdict) for c in levels if c.kind.endswith("quantity")] == [
        ("5,473t", "2025-10", "supported"), ("45,290t", "2025-01..2025-10", "supported"),
        ("1,118t", "2025-10", "supported"), ("52,699.2 t", "2025-01..2025-10", "supported")]


def test_a_month_of_last_year_keeps_its_year_under_a_dated_heading(dataset: Dataset) -> None:
    text = ("Updated: Nov 21, 2025 18:05\n\nChina exported 5,473 tonnes of magnets last month.\n\n"
            "Shipments were also up 15.8 per cent compared with October last year.")
    claim = only(check(dataset, text, date(2025, 11, 21)), "15.8 per cent compared with October last year")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-10", "2024-10", "supported")


def test_making_the_country_a_place_is_a_rank(dataset: Dataset) -> None:
    text = "China exported 416 tonnes of magnets to India last month, making the country the fifth-largest destination."
    claim = only(check(dataset, text, date(2025, 11, 21)), "making the country the fifth-largest destination")
    assert (claim.partner, claim.value, claim.verdict) == ("India", 5, "supported")


def test_a_share_of_chinas_overall_exports_does_not_end_the_destinations_paragraph(dataset: Dataset) -> None:
    text = ("In May India received a mere 150 tonnes of magnets, a 12.1 per cent share of China's overall outbound "
            "shipments.\n\nLast month's 416 tonnes were thus nearly three times the May level.")
    claim = only(check(dataset, text, date(2025, 11, 21)), "nearly three times the May level")
    assert (claim.partner, claim.verdict) == ("India", "supported")


def test_a_fraction_above_those_of_a_month_names_the_base(dataset: Dataset) -> None:
    text = ("China exported 6,150 tonnes of magnets in November. November volumes were more than a quarter above "
            "those of November 2024 and nearly five times the low of 1,238 tonnes recorded in May.")
    claims = check(dataset, text, date(2025, 12, 22))[1:]
    assert [(c.kind, c.period, c.base_period, c.verdict) for c in claims] == [
        ("yoy_pct", "2025-11", "2024-11", "supported"), ("multiple", "2025-11", "2025-05", "supported"),
        ("quantity", "2025-05", None, "supported")]


def test_key_figures_in_an_html_list_are_checked_one_item_at_a_time(dataset: Dataset, tmp_path: Path) -> None:
    page = tmp_path / "release.html"
    page.write_text("<html><body><article><p>Brussels, 22 December 2025. China's magnet exports rose to 6,150 tonnes in November."
                    "</p><ul><li>Cumulative exports, January–November 2025: 51,440 t</li>"
                    "<li>Shipments to the EU: +59.5% year on year</li></ul></article></body></html>", encoding="utf-8")
    claims = check_paths([str(page)], dataset, Settings(), date(2025, 12, 22)).documents[0].claims
    assert [(c.partner, c.period, c.verdict) for c in claims] == [
        ("World", "2025-11", "supported"), ("World", "2025-01..2025-11", "supported"),
        ("European Union", "2025-11", "supported")]


@pytest.mark.parametrize("text, quote, partner, position", [
    ("Vietnam took more. Its 340 tonnes of magnets in June were good for third place.", "good for third place",
     "Vietnam", 3),
    ("Germany was again the largest magnet market in December.", "was again the largest magnet market", "Germany", 1),
    ("Germany led magnet buyers in December, with South Korea second at 815 t.", "South Korea second", "South Korea", 2),
])
def test_ranks_good_for_a_place_again_the_largest_and_second_at(dataset: Dataset, text: str, quote: str, partner: str,
                                                                position: int) -> None:
    claim = only(check(dataset, text, date(2026, 1, 26)), quote)
    assert (claim.partner, claim.value, claim.verdict) == (partner, position, "supported")


def test_a_people_named_for_its_country(dataset: Dataset) -> None:
    claims = check(dataset, "The Germans took 1,288 tonnes of magnets in September, and the South Koreans were the "
                            "number-two buyer.", date(2025, 10, 21))
    assert [(c.partner, c.verdict) for c in claims] == [("Germany", "supported"), ("South Korea", "supported")]


@pytest.mark.parametrize("word, verdict", [("fattest", "supported"), ("best", "supported"), ("leanest", "refuted")])
def test_more_superlatives_of_an_extreme(dataset: Dataset, word: str, verdict: str) -> None:
    text = f"China shipped 6,150 t of magnets last month, the {word} monthly number since January."
    claim = only(check(dataset, text, date(2025, 12, 21)), f"the {word} monthly number since January")
    assert (claim.kind, claim.verdict) == ("extreme", verdict)


def test_a_line_opening_with_a_label_in_capitals_is_an_item_of_its_own(dataset: Dataset) -> None:
    text = ("MAGNETS: Oct 5,473t, -5.2% m/m, +15.8% y/y\nMAGNETS YTD: Jan-Oct 45,290t, down 5.2% on the same stretch "
            "of 2024\nGERMANY: 1,118t, No.1 again")
    claim = only(check(dataset, text, date(2025, 11, 21)), "1,118t")
    assert (claim.partner, claim.period, claim.verdict) == ("Germany", "2025-10", "supported")


def test_a_heading_that_names_no_series_goes_back_to_the_articles_series(dataset: Dataset) -> None:
    text = ("# Magnets in October\n\nChina exported 5,473 tonnes of magnets in October; magnet demand held up.\n\n"
            "## Rare earths\n\nRare earth exports were 4,343.5 tonnes in October.\n\n## Destinations\n\n"
            "German buyers took 1,118 tonnes.")
    claim = only(check(dataset, text, date(2025, 11, 21)), "1,118 tonnes")
    assert (claim.commodity, claim.verdict) == ("rare_earth_magnets", "supported")


def test_a_heading_on_the_line_after_another_series_still_ends_that_series(dataset: Dataset) -> None:
    text = ("MAGNET LINES\nMAGNETS: Oct 5,473t, magnet demand steady\nRARE EARTHS: Oct 4,343.5t\n\n"
            "== OUR VIEW ==\nThe mix matters more than the total. German buyers took 1,118t last month.")
    claim = only(check(dataset, text, date(2025, 11, 21)), "1,118t")
    assert (claim.commodity, claim.verdict) == ("rare_earth_magnets", "supported")


def test_month_names_in_capitals_date_a_headline_but_may_only_as_a_date(dataset: Dataset) -> None:
    text = ("** CHINA OCT MAGNET EXPORTS 5,473T, UP 15.8% FROM OCT 2024\n"
            "** US TAKES 656T IN OCTOBER, UP 660% FROM MAY\n"
            "** CHINA MAY EASE LICENCES FURTHER, EXPORTS ROSE 15.8% ON THE YEAR\n")
    claims = check(dataset, text, date(2025, 11, 21))
    level = only(claims, "5,473T")
    assert (level.period, level.verdict) == ("2025-10", "supported")
    assert only(claims, "15.8% FROM OCT 2024").base_period == "2024-10"
    assert only(claims, "660% FROM MAY").base_period == "2025-05"
    assert only(claims, "15.8% ON THE YEAR").period == "2025-10"  # 'MAY' here is a verb, not the month


def test_a_three_letter_country_code_before_a_figure_names_the_destination(dataset: Dataset) -> None:
    text = "China magnet exports, June 2025, by destination:\n* VNM 340t\n* IND 172t, +15% MoM\n* Total 3,188t\n"
    claims = check(dataset, text, date(2025, 7, 20))
    assert [(c.partner, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("Vietnam", "supported"), ("India", "supported"), ("World", "supported")]
    assert only(claims, "+15% MoM").partner == "India"


def test_by_the_numbers_bullets_a_bold_figure_then_what_it_counts(dataset: Dataset) -> None:
    text = ("# Magnet exports in 2025\n\n## By the numbers\n\n"
            "- **5,952** — tonnes of magnets shipped abroad in December\n"
            "- **1,106** — tonnes bought by German customers in December\n"
            "- **4.8x** — how much bigger December's volume was than May's\n")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.partner, c.period, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("World", "2025-12", "supported"), ("Germany", "2025-12", "supported")]
    multiple = only(claims, "4.8x")
    assert (multiple.period, multiple.base_period, multiple.verdict) == ("2025-12", "2025-05", "supported")


def test_the_union_in_a_european_paper_is_the_eu_but_a_trade_union_is_not(dataset: Dataset) -> None:
    text = ("Position paper on magnet supply, December 2025.\n\nIn October, shipments of magnets to the Union came to "
            "2,060 tonnes.\n\nThe dockers' union said 5,473 tonnes of magnets left China in October.")
    claims = check(dataset, text, date(2025, 12, 22))
    assert (only(claims, "2,060 tonnes").partner, only(claims, "2,060 tonnes").verdict) == ("European Union", "supported")
    assert only(claims, "5,473 tonnes").partner == "World"


def test_tonnes_worldwide_are_all_exports_but_a_share_worldwide_is_out_of_scope(dataset: Dataset) -> None:
    text = ("So far this year China has shipped 27,897 tonnes of magnets worldwide. "
            "China makes about 90% of the magnets sold worldwide.")
    claims = check(dataset, text, date(2025, 8, 20))
    assert (only(claims, "27,897 tonnes").partner, only(claims, "27,897 tonnes").verdict) == ("World", "supported")
    assert only(claims, "90%").in_scope is False


def test_a_question_on_its_own_line_dates_the_answer_below_it_until_the_next_question(dataset: Dataset) -> None:
    text = ("Magnet exports: your questions answered\n\nWhat did China ship in 2025 as a whole?\n\n"
            "Shipments came to 57,392 tonnes of magnets.\n\nAnd what about December?\n\n"
            "Exports were 5,952 tonnes of magnets.\n\nWho bought the most?\n\nGermany bought 1,106 tonnes.")
    claims = check(dataset, text, date(2026, 1, 22))
    year = only(claims, "57,392 tonnes")
    assert (year.period, year.verdict) == ("2025-01..2025-12", "supported")
    assert only(claims, "5,952 tonnes").period == "2025-12"


def test_a_place_named_in_an_appositive_does_not_take_the_subjects_figure(dataset: Dataset) -> None:
    text = "In June, Germany, our largest trading partner in Europe, received 764 tonnes of Chinese magnets."
    claim = only(check(dataset, text, date(2025, 7, 21)), "764 tonnes")
    assert (claim.partner, claim.verdict) == ("Germany", "supported")


def test_a_change_in_words_makes_the_period_after_on_its_base(dataset: Dataset) -> None:
    text = "HOST: And the US?\n\nGUEST: In October the US took 656 tonnes of magnets. That's up fifty-six percent on September."
    claim = only(check(dataset, text, date(2025, 11, 21)), "fifty-six percent")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-10", "2025-09", "supported")


def test_a_tariff_code_in_brackets_does_not_cut_a_figure_from_its_destination_and_period(dataset: Dataset) -> None:
    text = ("Customs data show China shipped 8,360 tonnes of rare-earth permanent magnets (HS 8505.11) to the EU-27 in "
            "the first half of 2025.")
    claim = only(check(dataset, text, date(2025, 7, 25)), "8,360 tonnes")
    assert (claim.partner, claim.period, claim.verdict) == ("European Union", "2025-01..2025-06", "supported")


def test_an_abbreviation_does_not_end_a_sentence_and_excl_sets_a_series_aside(dataset: Dataset) -> None:
    text = ("MAGNETS\n* Jun 3,188t\n\nRARE EARTHS (ores, oxides and metals; excl. magnets)\n"
            "* Jun 7,742t, +32% MoM\n")
    claims = check(dataset, text, date(2025, 7, 20))
    assert [(c.commodity, c.verdict) for c in claims] == [
        ("rare_earth_magnets", "supported"), ("rare_earths", "supported"), ("rare_earths", "supported")]


def test_since_a_month_without_a_year_is_the_last_such_month_before_the_claim(dataset: Dataset) -> None:
    text = "Looking back at 2025: in August China shipped 6,146 tonnes of magnets, the highest since January."
    claim = only(check(dataset, text, date(2026, 1, 22)), "the highest since January")
    assert (claim.window, claim.verdict) == ("2025-02..2025-08", "supported")


def test_a_demonym_before_figure_or_total_names_the_destination(dataset: Dataset) -> None:
    text = ("China's magnet exports reached 5,473 tonnes in October. The German figure for the month was 1,118 tonnes, "
            "while the Japanese total came to 226 tonnes.")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.partner, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("World", "supported"), ("Germany", "supported"), ("Japan", "supported")]


def test_what_a_buyer_had_bought_in_a_month_is_a_base_not_the_period(dataset: Dataset) -> None:
    text = ("Who bought the most in December?\n\n- South Korea took 815 tonnes of magnets, nearly as much as what it had "
            "bought in September.\n- The United States was third.")
    claims = check(dataset, text, date(2026, 1, 22))
    rank = only(claims, "was third")
    assert (rank.period, rank.verdict) == ("2025-12", "supported")


def test_a_destination_that_slid_or_jumped_to_a_place_has_that_rank(dataset: Dataset) -> None:
    text = "Magnet exports, September 2025: the US slid to fourth place, while Vietnam jumped to third."
    claims = check(dataset, text, date(2025, 10, 21))
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("United States", 4, "supported"), ("Vietnam", 3, "supported")]


def test_a_month_that_topped_every_month_since_another_is_an_extreme(dataset: Dataset) -> None:
    text = "China's magnet exports reached 6,150 tonnes in November 2025 and topped every month since January."
    claim = only(check(dataset, text, date(2025, 12, 20)), "topped every month since January")
    assert (claim.kind, claim.window, claim.verdict) == ("extreme", "2025-02..2025-11", "supported")


def test_a_multiple_of_the_volume_sent_to_another_destination_is_about_the_subject(dataset: Dataset) -> None:
    text = ("In November the EU received 2,568.8 tonnes of magnets, more than four times the volume sent to the "
            "United States.")
    claim = only(check(dataset, text, date(2025, 12, 22)), "four times")
    assert (claim.partner, claim.partners, claim.verdict) == (
        "European Union", ["European Union", "United States"], "supported")


def test_thousands_written_k_t_and_a_footnoted_table_cell_are_levels(dataset: Dataset) -> None:
    text = ("Magnets, first half of 2025: 22.3k t shipped.\n\n| Destination | June 2025 (t) |\n|---|---|\n"
            "| Germany | 764[^1] |\n\n[^1]: Customs country table.")
    claims = check(dataset, text, date(2025, 7, 25))
    assert (only(claims, "22.3k t").value, only(claims, "22.3k t").verdict) == (22300, "supported")
    assert [(c.partner, c.value, c.verdict) for c in claims if c.rule == "table.number"] == [
        ("Germany", 764, "supported")]


def test_a_month_that_was_the_bottom_is_the_low_of_its_year(dataset: Dataset) -> None:
    text = "China's magnet exports fell hard in the spring of 2025. May was the bottom."
    claim = only(check(dataset, text, date(2025, 11, 24)), "the bottom")
    assert (claim.kind, claim.direction, claim.period, claim.verdict) == ("extreme", "low", "2025-05", "supported")


def test_a_level_after_prev_in_shorthand_is_the_month_before(dataset: Dataset) -> None:
    text = "CHINA JUN MAGNET EXPORTS TO U.S. 353T\n* US: vs prev 46t; Germany 764t\n"
    claims = check(dataset, text, date(2025, 7, 20))
    assert [(c.text, c.period, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("353T", "2025-06", "supported"), ("46t", "2025-05", "supported"), ("764t", "2025-06", "supported")]


def test_a_running_total_covers_january_to_its_month_and_its_change_the_same_months(dataset: Dataset) -> None:
    text = ("Magnet shipments from China came to 5,577 tonnes in July. The running total for the year stands at "
            "27,897 tonnes, 15% less than in the first seven months of 2024.")
    claims = check(dataset, text, date(2025, 8, 20))
    assert [(c.text, c.period, c.base_period, c.verdict) for c in claims if c.period != "2025-07"] == [
        ("27,897 tonnes", "2025-01..2025-07", None, "supported"),
        ("15% less than in the first seven months of 2024", "2025-01..2025-07", "2024-01..2024-07", "supported")]


def test_an_extreme_in_a_which_clause_belongs_to_the_level_before_it(dataset: Dataset) -> None:
    text = ("Rare earths: December exports came to 4,392 tons, a fifth below November's 5,493.9 tons, which had been "
            "the most since August.")
    claim = only(check(dataset, text, date(2026, 1, 20)), "the most since August")
    assert (claim.period, claim.verdict) == ("2025-11", "supported")


def test_the_final_month_of_a_year_is_its_december(dataset: Dataset) -> None:
    text = "Rare earths: December's total was 32% above the 3,326 tons shipped in the final month of 2024."
    claim = only(check(dataset, text, date(2026, 1, 20)), "3,326 tons")
    assert (claim.kind, claim.period, claim.verdict) == ("quantity", "2024-12", "supported")


def test_the_following_month_after_a_sentence_about_a_month_is_the_next_month(dataset: Dataset) -> None:
    text = "Magnet shipments to the US shrank to 46 tonnes in May. The following month they jumped to 353 tonnes."
    claim = only(check(dataset, text, date(2025, 12, 22)), "353 tonnes")
    assert (claim.period, claim.verdict) == ("2025-06", "supported")


def test_a_lead_in_naming_one_destination_gives_its_list_items_that_destination(dataset: Dataset) -> None:
    text = ("Magnet exports, 2025.\n\n> **Shipments bound for the U.S. (metric tons)**\n>\n> - April: 246 t\n"
            "> - May: 46 t\n\nAll destinations together took 5,774 tons in September.")
    claims = check(dataset, text, date(2025, 10, 24))
    assert [(c.text, c.partner, c.verdict) for c in claims] == [
        ("246 t", "United States", "supported"), ("46 t", "United States", "supported"),
        ("5,774 tons", "World", "supported")]


def test_a_series_named_as_the_object_of_a_policy_is_not_the_series_counted(dataset: Dataset) -> None:
    text = ("China's magnet exports slid in September. Shipments to the US fell by more than half in April, the "
            "first month of the licensing rules for seven medium and heavy rare earths.")
    claim = only(check(dataset, text, date(2025, 10, 24)), "fell by more than half")
    assert (claim.commodity, claim.base_period, claim.verdict) == ("rare_earth_magnets", "2025-03", "supported")


def test_a_multiple_said_as_a_rise_in_a_month_is_against_the_month_before(dataset: Dataset) -> None:
    text = ("Magnet shipments to the US collapsed in May before a sevenfold-plus jump in June. Exports to India "
            "rose more than tenfold in June.")
    claims = check(dataset, text, date(2025, 10, 24))
    claim = only(claims, "sevenfold")
    assert (claim.period, claim.base_period, claim.hedge, claim.verdict) == ("2025-06", "2025-05", "more than", "supported")
    assert only(claims, "tenfold").base_period == "2025-05"


def test_a_which_clause_after_chinas_total_is_about_the_whole_flow(dataset: Dataset) -> None:
    text = ("Magnets: Korea took about 14% of China's total magnet exports for the month, which fell 3.2% from "
            "November to 5,952 tons.")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.partner, c.verdict) for c in claims if c.kind != "share_pct"] == [
        ("World", "supported"), ("World", "supported")]


def test_the_largest_month_for_a_destination_last_year_is_an_extreme_over_that_year(dataset: Dataset) -> None:
    text = ("Magnets: in September, Korean importers took 854 tons, the largest monthly volume for Korea last year "
            "and 84.5% more than a year earlier.")
    claims = check(dataset, text, date(2026, 1, 21))
    extreme = only(claims, "the largest monthly volume for Korea last year")
    assert (extreme.kind, extreme.window) == ("extreme", "2025-01..2025-12")
    assert only(claims, "84.5%").base_period == "2024-09"


def test_the_states_is_the_us_and_something_like_is_a_hedge(dataset: Dataset) -> None:
    text = "Magnets, December: Korea came second on something like 800 tonnes, and the States were third."
    claims = check(dataset, text, date(2026, 1, 27))
    assert (only(claims, "800 tonnes").hedge, only(claims, "800 tonnes").verdict) == ("about", "supported")
    assert (only(claims, "were third").partner, only(claims, "were third").verdict) == ("United States", "supported")


def test_a_month_of_the_year_before_is_a_year_before_the_month_under_discussion(dataset: Dataset) -> None:
    text = "Magnets: June alone was close to 40% below June of the year before."
    claim = only(check(dataset, text, date(2026, 1, 27)), "40%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-06", "2024-06", "supported")


def test_a_rank_in_a_clause_of_its_own_takes_that_clauses_subject(dataset: Dataset) -> None:
    text = ("Magnets: in May India took 150 tonnes, or 12.1 per cent of China's total, a month in which Vietnam "
            "briefly topped the table.")
    claim = only(check(dataset, text, date(2025, 8, 22)), "topped the table")
    assert (claim.partner, claim.verdict) == ("Vietnam", "supported")


def test_a_verb_that_places_a_country_ranks_its_object(dataset: Dataset) -> None:
    text = ("Magnets: the July volume was well above the 172 tonnes India received in June and placed the country "
            "fifth among destinations. In September the slump left the US fourth, which put Korea ahead of the US.")
    claims = check(dataset, text, date(2025, 10, 24))
    assert (only(claims, "172 tonnes").partner, only(claims, "172 tonnes").verdict) == ("India", "supported")
    assert [(c.text, c.partner, c.period, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("placed the country fifth", "India", "2025-07", 5, "supported"),
        ("left the US fourth", "United States", "2025-09", 4, "supported")]


def test_a_rank_with_its_destination_in_apposition_is_that_destinations(dataset: Dataset) -> None:
    text = ("Magnets, October 2025. The second-largest buyer, the United States, more than made up lost ground. "
            "South Korea, third in the table, took less than in September.")
    claims = check(dataset, text, date(2025, 11, 24))
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("United States", 2, "supported"), ("South Korea", 3, "supported")]


def test_a_full_year_sentence_keeps_its_years_whole_and_a_weight_is_never_a_tariff(dataset: Dataset) -> None:
    text = ("Magnets: for the full year they came to 57,392 tons, 1.3 percent less than in 2024, as the licensing "
            "regime cut deeply into second-quarter shipments. The decline was steeper for the United States, where "
            "shipments dropped 20.3 percent to 5,933 tons over the year amid the tariff dispute.")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.text, c.partner, c.period, c.base_period, c.verdict) for c in claims if c.text != "57,392 tons"] == [
        ("1.3 percent less than in 2024", "World", "2025-01..2025-12", "2024-01..2024-12", "supported"),
        ("20.3 percent", "United States", "2025-01..2025-12", "2024-01..2024-12", "supported"),
        ("5,933 tons", "United States", "2025-01..2025-12", None, "supported")]


def test_doubling_verbs_and_that_level_give_a_multiple_its_base(dataset: Dataset) -> None:
    text = ("Magnets: from March to May, volumes shrank by three-quarters.\n\nThe following month, exports more than "
            "doubled to 3,188 tonnes, and by July they reached 5,577 tonnes. Put differently, between April and July "
            "shipments rose more than twofold. Only one row showed a double-digit fall.\n\nJapan received 131 tonnes "
            "in June, so November's intake was more than double that level.")
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.text, c.period, c.base_period, c.verdict) for c in claims if c.kind == "multiple"] == [
        ("more than doubled", "2025-06", "2025-05", "supported"),
        ("more than twofold", "2025-07", "2025-04", "supported"),
        ("more than double that level", "2025-11", "2025-06", "supported")]


def test_an_extreme_that_names_its_month_after_was_is_that_months(dataset: Dataset) -> None:
    text = "China's magnet exports this year: the busiest month was January and the low point was May."
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.period, c.direction, c.verdict) for c in claims if c.kind == "extreme"] == [
        ("2025-01", "high", "supported"), ("2025-05", "low", "supported")]


def test_a_list_that_gives_the_unit_once_checks_every_destination(dataset: Dataset) -> None:
    text = ("Magnet exports, September 2025: Germany took 1,288 tonnes, South Korea 854 and Vietnam third at about "
            "460. In 2024, India 300 was the figure one broker quoted.")
    claims = check(dataset, text, date(2025, 10, 21))
    assert [(c.text, c.partner, c.kind, c.verdict) for c in claims if c.kind != "rank"] == [
        ("1,288 tonnes", "Germany", "quantity", "supported"),
        ("854", "South Korea", "quantity", "supported"),
        ("about 460", "Vietnam", "quantity", "supported")]
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [("Vietnam", 3, "supported")]


def test_a_demonym_industry_that_receives_is_its_destination(dataset: Dataset) -> None:
    text = ("Vietnamese manufacturers received 509 tonnes of Chinese rare-earth magnets in December 2025. "
            "German carmakers warned that China's magnet exports of 5,952 tonnes in December 2025 were not enough.")
    claims = check(dataset, text, date(2026, 1, 22))
    assert [(c.text, c.partner, c.verdict) for c in claims] == [
        ("509 tonnes", "Vietnam", "supported"), ("5,952 tonnes", "World", "supported")]


def test_rank_phrasings_back_to_led_the_table_single_largest_and_third_with(dataset: Dataset) -> None:
    text = ("Rare-earth magnets: Vietnam slid to fifth in October 2025, before edging back to fourth in November. "
            "In May 2025 Vietnam briefly became China's single largest magnet customer. In December 2025 Germany "
            "again led the December table with 1,106 tonnes and the United States came in third with 582 tonnes, "
            "with India fifth with about 300 tonnes.")
    claims = check(dataset, text, date(2026, 1, 22))
    assert [(c.partner, c.period, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("Vietnam", "2025-10", 5, "refuted"), ("Vietnam", "2025-11", 4, "supported"),
        ("Vietnam", "2025-05", 1, "supported"), ("Germany", "2025-12", 1, "supported"),
        ("United States", "2025-12", 3, "supported"), ("India", "2025-12", 5, "unverifiable")]


def test_a_series_set_aside_does_not_count_towards_what_an_article_is_about(dataset: Dataset) -> None:
    text = ("Rare earths (the ores and oxides, not magnets) had a mixed 2025.\n\nJune: 7,742t, the most this year. "
            "The dip in April was shallow next to what magnets did.\n\nJuly: 5,994t.")
    claims = check(dataset, text, date(2025, 11, 8))
    assert [(c.text, c.commodity, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("7,742t", "rare_earths", "supported"), ("5,994t", "rare_earths", "supported")]


def test_spoken_hundreds_and_a_level_the_month_before(dataset: Dataset) -> None:
    text = ("China's rare-earth magnet exports, June: American buyers took three hundred and fifty-three tonnes, up "
            "from just forty-six tonnes the month before, and India a hundred and seventy-two tonnes.")
    claims = check(dataset, text, date(2025, 7, 21))
    assert [(c.value, c.partner, c.period, c.verdict) for c in claims if c.kind == "quantity"] == [
        (353, "United States", "2025-06", "supported"), (46, "United States", "2025-05", "supported"),
        (172, "India", "2025-06", "supported")]


def test_a_level_in_a_when_clause_does_not_date_the_list_below(dataset: Dataset) -> None:
    text = ("China shipped 6,150 t of rare-earth magnets last month. Back in May, when the flow had shrunk to barely "
            "over a thousand tonnes, nobody expected this.\n\n- 51,440 t shipped January through November.\n"
            "- 582 t for the US.")
    claims = check(dataset, text, date(2025, 12, 21))
    assert [(c.text, c.period, c.verdict) for c in claims] == [
        ("6,150 t", "2025-11", "supported"), ("over a thousand tonnes", "2025-05", "supported"),
        ("51,440 t", "2025-01..2025-11", "supported"), ("582 t", "2025-11", "supported")]


def test_a_month_in_parentheses_that_gives_its_level_is_the_base(dataset: Dataset) -> None:
    text = ("October magnet numbers from China customs are out.\n\nTotal exports: 5,473 t\n"
            "↓ 5.2% MoM (September was 5,774 t)\n↑ 15.8% YoY")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.text, c.period, c.base_period, c.verdict) for c in claims] == [
        ("5,473 t", "2025-10", None, "supported"), ("↓ 5.2% MoM", "2025-10", "2025-09", "supported"),
        ("5,774 t", "2025-09", None, "supported"), ("↑ 15.8% YoY", "2025-10", "2024-10", "supported")]


def test_n_month_shipments_and_a_range_last_year_and_which_after_a_level(dataset: Dataset) -> None:
    text = ("China's magnet exports in October: ten-month shipments reached 45,290 t, still 5.2% behind the pace set "
            "in January–October last year. India took 416 t, which ranked fifth.")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.kind, c.partner, c.period, c.base_period, c.verdict) for c in claims] == [
        ("cumulative_quantity", "World", "2025-01..2025-10", None, "supported"),
        ("cumulative_yoy_pct", "World", "2025-01..2025-10", "2024-01..2024-10", "supported"),
        ("quantity", "India", "2025-10", None, "supported"),
        ("rank", "India", "2025-10", None, "supported")]


def test_a_full_year_without_its_year_is_the_last_whole_year_and_the_year_so_far_is_to_date(dataset: Dataset) -> None:
    march = check(dataset, "China's full-year rare-earth exports were 55,431 tonnes, up 6% on 2023.", date(2025, 3, 21))
    assert [(c.period, c.verdict) for c in march] == [("2024-01..2024-12", "supported"), ("2024-01..2024-12", "supported")]
    december = check(dataset, "For the year so far, China's magnet exports reached 51,440 tonnes.", date(2025, 12, 21))
    assert [(c.period, c.verdict) for c in december] == [("2025-01..2025-11", "supported")]


def test_a_list_item_with_its_place_before_the_bare_number(dataset: Dataset) -> None:
    text = "Magnet exports in December 2025: Korea came second on 815 tonnes, and the States were third at about 560."
    claims = check(dataset, text, date(2026, 1, 27))
    assert [(c.text, c.partner, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("815 tonnes", "South Korea", "supported"), ("about 560", "United States", "supported")]


def test_an_apostrophe_year_is_written_and_a_dateline_year_is_no_count_of_elements(dataset: Dataset) -> None:
    text = ("Analyst thread, 8 November 2025\n\nRare earths in October: 4,343.5t. The bounce is modest: still ~9% below "
            "Oct '24's 4,753t.")
    claims = check(dataset, text, date(2025, 11, 8))
    assert [(c.text, c.period, c.base_period, c.verdict) for c in claims] == [
        ("4,343.5t", "2025-10", None, "supported"), ("~9% below Oct '24", "2025-10", "2024-10", "supported"),
        ("4,753t", "2024-10", None, "supported")]


def test_a_rank_in_the_present_tense(dataset: Dataset) -> None:
    claims = check(dataset, "Magnets, September 2025: Germany leads and Vietnam comes third.", date(2025, 10, 20))
    assert [(c.partner, c.value, c.verdict) for c in claims if c.partner == "Vietnam"] == [("Vietnam", 3, "supported")]


def test_a_question_heading_dates_what_follows_and_a_series_under_licensing_is_not_the_flow(dataset: Dataset) -> None:
    text = ("Magnet exports, two years on\n\nThe numbers: 2024\n\nIn May, China shipped 689 tonnes of magnets to the US."
            "\n\nWhat about 2025?\n\nIn April, Beijing placed seven heavy rare earths under licensing. By May, magnet "
            "exports were down to 1,238 tonnes; the US got 46 tonnes. November's total was nearly five times that.")
    claims = check(dataset, text, date(2025, 12, 20))
    assert [(c.text, c.commodity, c.period, c.base_period, c.verdict) for c in claims if c.in_scope] == [
        ("689 tonnes", "rare_earth_magnets", "2024-05", None, "supported"),
        ("1,238 tonnes", "rare_earth_magnets", "2025-05", None, "supported"),
        ("46 tonnes", "rare_earth_magnets", "2025-05", None, "supported"),
        ("nearly five times", "rare_earth_magnets", "2025-11", "2025-05", "supported")]


def test_a_lede_about_one_destination_of_chinas_exports_carries_it_to_the_next_paragraph(dataset: Dataset) -> None:
    text = ("China's exports of rare-earth magnets to the United States slid to 420.5 tonnes in September.\n\n"
            "The September figure was 28.7% lower than in August.")
    claims = check(dataset, text, date(2025, 10, 21))
    assert [(c.text, c.partner, c.verdict) for c in claims] == [
        ("420.5 tonnes", "United States", "supported"), ("28.7% lower than in August", "United States", "supported")]


def test_last_july_a_month_a_year_ago_its_last_total_and_a_comparable_period(dataset: Dataset) -> None:
    text = ("China's magnet exports reached 5,774 tonnes in September, 17.5% above September a year ago. From January "
            "to September they came to 39,817 tonnes, 7.5% short of the comparable period of 2024.")
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2025, 10, 21))] == [
        ("2025-09", None, "supported"), ("2025-09", "2024-09", "supported"),
        ("2025-01..2025-09", None, "supported"), ("2025-01..2025-09", "2024-01..2024-09", "supported")]
    text = "Magnet exports were 3,326 tonnes in February, roughly 30% below last July."
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2024, 3, 20))][1:] == [
        ("2024-02", "2023-07", "supported")]
    text = "In 2025 the US took 5,933 tonnes of magnets, 20.3% below its 2024 total."
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2026, 1, 21))][1:] == [
        ("2025-01..2025-12", "2024-01..2024-12", "supported")]


def test_a_table_with_a_column_per_series(dataset: Dataset) -> None:
    text = ("China's exports in 2024, tonnes\n\n| Month | Rare earths (t) | Magnets (t) |\n|---|---|---|\n"
            "| July | 4,937 | 5,278 |\n| August | 4,723 | 5,325 |\n")
    claims = check(dataset, text, date(2024, 9, 20))
    assert [(c.text, c.commodity, c.period, c.verdict) for c in claims] == [
        ("4,937", "rare_earths", "2024-07", "supported"), ("5,278", "rare_earth_magnets", "2024-07", "supported"),
        ("4,723", "rare_earths", "2024-08", "supported"), ("5,325", "rare_earth_magnets", "2024-08", "supported")]


def test_a_change_against_the_level_of_a_named_month_and_a_bulleted_against(dataset: Dataset) -> None:
    text = ("China's magnet exports reached 5,577 tonnes in July, 75% more than the 3,188 tonnes shipped in June. US "
            "buyers took 619 tonnes, 4.8% above their level in July 2024.\n\n- Against July 2024, shipments were up 5.7%.")
    claims = check(dataset, text, date(2025, 8, 20))
    assert [(c.kind, c.partner, c.base_period, c.verdict) for c in claims if c.unit == "%"] == [
        ("mom_pct", "World", "2025-06", "supported"), ("yoy_pct", "United States", "2024-07", "supported"),
        ("yoy_pct", "World", "2024-07", "supported")]
    text = "Rare-earth exports were 4,392 tons in December, 32% more than the 3,326 tons shipped a year earlier."
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2026, 1, 20))] == [
        ("2025-12", None, "supported"), ("2025-12", "2024-12", "supported"), ("2024-12", None, "supported")]


def test_a_plain_text_table_without_outer_pipes_and_a_year_per_column(dataset: Dataset) -> None:
    text = ("China's rare-earth exports by month (tonnes)\nMonth | 2024  | 2023  | YoY\nMar   | 4,710 | 4,446 | +5.9%\n"
            "May   | 6,217 | 4,576 | +35.9%\nSource: customs.\n")
    claims = check(dataset, text, date(2024, 7, 15))
    assert [(c.text, c.period, c.base_period, c.verdict) for c in claims] == [
        ("4,710", "2024-03", None, "supported"), ("4,446", "2023-03", None, "supported"),
        ("+5.9%", "2024-03", "2023-03", "supported"), ("6,217", "2024-05", None, "supported"),
        ("4,576", "2023-05", None, "supported"), ("+35.9%", "2024-05", "2023-05", "supported")]


def test_a_sentence_that_opens_with_the_month_before_and_an_extreme_in_apposition_to_its_level(
        dataset: Dataset) -> None:
    text = ("China's magnet exports were 5,774 tonnes in September. The month before, they had reached 6,146 tonnes, "
            "the strongest month since January.")
    assert [(c.kind, c.period, c.verdict) for c in check(dataset, text, date(2025, 10, 21))] == [
        ("quantity", "2025-09", "supported"), ("quantity", "2025-08", "supported"), ("extreme", "2025-08", "supported")]


def test_a_demonym_share_and_a_change_compared_with_a_named_months_level(dataset: Dataset) -> None:
    text = ("China's magnet exports, August 2025: the American share was 9.6% of the total. Germany took 1,346 tons. "
            "Compared with the 1,116 tons of July, the German shipments grew 20.6%.")
    claims = check(dataset, text, date(2025, 9, 22))
    assert [(c.text, c.partner, c.period, c.verdict) for c in claims if c.unit == "%"] == [
        ("9.6%", "United States", "2025-08", "supported"), ("20.6%", "Germany", "2025-08", "supported")]


def test_a_heading_that_is_only_a_figure_is_explained_by_the_sentence_below(dataset: Dataset) -> None:
    text = ("# China's magnet exports in 2025, in numbers\n\n## 1. 6,357 tonnes\n\nJanuary's total, which no later "
            "month matched.\n\n## 2. 815 tonnes\n\nWhat South Korea received in December.\n")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.text, c.partner, c.period, c.verdict) for c in claims if c.kind == "quantity"] == [
        ("6,357 tonnes", "World", "2025-01", "supported"), ("815 tonnes", "South Korea", "2025-12", "supported")]


def test_only_one_destination_took_more_and_a_pronoun_after_a_fronted_period(dataset: Dataset) -> None:
    text = ("The US took 619 tonnes of magnets in July. Only Germany, at 1,116 tonnes, took more.\n\n"
            "South Korea has long been a big buyer. In 2023, it was the third-largest destination.")
    claims = check(dataset, text, date(2025, 8, 20))
    assert [(c.partner, c.period, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("Germany", "2025-07", 1, "supported"), ("United States", "2025-07", 2, "supported"),
        ("South Korea", "2023-01..2023-12", 3, "supported")]


def test_two_places_for_the_two_destinations_before_them(dataset: Dataset) -> None:
    text = "Magnets in October: India took 416 tonnes and Vietnam 444, placing them fourth and fifth."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 11, 20)) if c.kind == "rank"] == [
        ("India", 4, "refuted"), ("Vietnam", 5, "refuted")]


def test_last_july_is_not_dated_by_a_year_named_before_it(dataset: Dataset) -> None:
    text = "China shipped 5,278 tonnes of magnets in July 2024 and 5,577 tonnes last July."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2026, 2, 9))] == [
        ("2024-07", "supported"), ("2025-07", "supported")]


def test_all_destinations_other_than_one_are_the_rest_of_the_world(dataset: Dataset) -> None:
    text = "In July, China's magnet shipments to all destinations other than the US came to 4,958 tonnes."
    assert [(c.partner, c.verdict) for c in check(dataset, text, date(2025, 8, 21))] == [
        ("World excluding United States", "supported")]


def test_a_capacity_a_few_words_after_a_tonnage_is_not_export_data(dataset: Dataset) -> None:
    text = ("China's magnet exports were 5,473 tonnes in October. Indian makers want a subsidy for around 6,000 "
            "tonnes a year of domestic magnet capacity.")
    claims = check(dataset, text, date(2025, 11, 20))
    assert [(c.text, c.in_scope, c.verdict) for c in claims] == [
        ("5,473 tonnes", True, "supported"), ("around 6,000 tonnes", False, "unverifiable")]


def test_a_rank_among_chinas_customers_does_not_turn_a_sentence_to_the_whole_flow(dataset: Dataset) -> None:
    text = ("U.S. buyers took 619 tons of Chinese magnets in July.\n\nThe summer then cooled. August deliveries of 590 "
            "tons were 11.8% lower than a year earlier, leaving the U.S. third among China's customers.")
    claims = check(dataset, text, date(2025, 9, 20))
    assert [(c.text, c.partner, c.verdict) for c in claims if c.kind != "rank"] == [
        ("619 tons", "United States", "supported"), ("590 tons", "United States", "supported"),
        ("11.8% lower than a year earlier", "United States", "supported")]


def test_a_table_with_a_whole_flow_column_beside_a_destinations_column(dataset: Dataset) -> None:
    text = ("Magnet exports, 2025\n\n| Month | All destinations (t) | Germany (t) |\n|---|---|---|\n"
            "| June | 3,188 | 764 |\n| July | 5,577 | 1,116 |\n")
    claims = check(dataset, text, date(2025, 8, 20))
    assert [(c.text, c.partner, c.verdict) for c in claims] == [
        ("3,188", "World", "supported"), ("764", "Germany", "supported"),
        ("5,577", "World", "supported"), ("1,116", "Germany", "supported")]


def test_double_a_months_volume_makes_it_a_base_and_a_base_in_the_next_clause_is_its_own(dataset: Dataset) -> None:
    text = ("China's magnet exports came to 6,150 tonnes in November. That is the most since January and roughly "
            "double June's volume. Compared with October, shipments were 12% higher, and against November 2024 they "
            "were up 28%.")
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.kind, c.period, c.base_period, c.verdict) for c in claims if c.kind in ("extreme", "mom_pct", "yoy_pct")] == [
        ("extreme", "2025-11", None, "supported"), ("mom_pct", "2025-11", "2025-10", "supported"),
        ("yoy_pct", "2025-11", "2024-11", "supported")]


def test_a_signed_change_after_a_share_word_is_still_a_change(dataset: Dataset) -> None:
    text = "China's magnet exports in September: Asian buyers took a larger share, with Vietnam at 456t, +57.5% m/m."
    claims = check(dataset, text, date(2025, 10, 21))
    assert [(c.kind, c.partner, c.base_period, c.verdict) for c in claims if c.unit == "%"] == [
        ("mom_pct", "Vietnam", "2025-08", "supported")]


def test_a_year_later_is_the_same_month_of_the_next_year(dataset: Dataset) -> None:
    text = ("In July 2023, China shipped 4,724 tonnes of magnets. A year later the figure was 5,278 tonnes. That was 11% "
            "more than in the same month a year earlier.")
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2026, 2, 3))] == [
        ("2023-07", None, "supported"), ("2024-07", None, "supported"), ("2024-07", "2023-07", "supported")]


def test_a_month_that_produced_a_figure_is_export_data_but_a_country_that_produced_it_is_not(dataset: Dataset) -> None:
    text = ("Magnets: at the other end of the scale, January 2025, before the controls, produced 6,357 tonnes. China "
            "produced 300,000 tonnes of magnets in 2024.")
    assert [(c.text, c.in_scope) for c in check(dataset, text, date(2025, 10, 21))] == [
        ("6,357 tonnes", True), ("300,000 tonnes", False)]


def test_a_country_in_an_aside_after_the_subject_is_not_the_destination(dataset: Dataset) -> None:
    text = ("China's magnet exports in November: Japan, in a diplomatic quarrel with Beijing over remarks about "
            "Taiwan, still bought 305 tonnes.")
    assert [(c.partner, c.verdict) for c in check(dataset, text, date(2025, 12, 22))] == [("Japan", "supported")]


def test_first_in_the_queue_is_no_place_in_the_ranking(dataset: Dataset) -> None:
    text = "Magnet exports in November: Europe is first in the queue, and Germany is first among buyers."
    assert [(c.partner, c.value) for c in check(dataset, text, date(2025, 12, 22)) if c.kind == "rank"] == [
        ("Germany", 1)]


def test_a_span_last_year_keeps_its_year_and_dates_the_level_in_its_when_clause(dataset: Dataset) -> None:
    text = ("In the first ten months of 2024 China sold 47,689 tons of rare earths abroad, 6.8% more than in "
            "January-October last year, when the figure stood at 44,662 tons.")
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2024, 11, 7))] == [
        ("2024-01..2024-10", None, "supported"), ("2024-01..2024-10", "2023-01..2023-10", "supported"),
        ("2023-01..2023-10", None, "supported")]
    text = ("German customers received 1,118 tonnes of magnets, 13% less than the 1,288 tonnes delivered in September "
            "but 55.9% up on October last year.")
    assert [(c.kind, c.period, c.verdict) for c in check(dataset, text, date(2025, 11, 21)) if c.unit == "%"] == [
        ("mom_pct", "2025-10", "supported"), ("yoy_pct", "2025-10", "supported")]


def test_an_extreme_in_a_which_clause_takes_its_levels_month_as_dated_by_its_claim(dataset: Dataset) -> None:
    text = ("U.S. buyers took 5,933 tons of magnets last year.\n\nIn January, U.S. customers took 877 tons, which "
            "turned out to be the largest monthly volume of 2025.")
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.kind, c.period, c.verdict) for c in claims][1:] == [
        ("quantity", "2025-01", "supported"), ("extreme", "2025-01", "supported")]


def test_led_with_a_figure_only_second_slips_to_and_the_country_ranked(dataset: Dataset) -> None:
    text = ("Magnets in October 2025: Germany led with 1,118 tonnes. South Korea took 569 tonnes. The country ranked "
            "third among destinations, and the US slips to second.")
    claims = check(dataset, text, date(2025, 11, 20))
    assert [(c.partner, c.value, c.verdict) for c in claims if c.kind == "rank"] == [
        ("Germany", 1, "supported"), ("South Korea", 3, "supported"), ("United States", 2, "supported")]
    text = "In May 2025, Vietnam was briefly the top buyer of magnets and Germany only second."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 6, 20)) if c.kind == "rank"] == [
        ("Vietnam", 1, "supported"), ("Germany", 2, "supported")]


def test_before_a_months_own_figure_is_no_window(dataset: Dataset) -> None:
    text = ("In September German buyers took 1,288 tonnes of magnets, before October's 1,118 tonnes, which was 55.9% "
            "above the level of a year earlier.")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.text, c.period, c.verdict) for c in claims][1:] == [
        ("1,118 tonnes", "2025-10", "supported"), ("55.9% above the level of a year earlier", "2025-10", "supported")]


def test_after_the_month_of_an_event_is_no_period_of_the_figure(dataset: Dataset) -> None:
    text = "Magnets, December 2025:\n- Japan 280t, still +31.4% y/y after the Nov restocking burst."
    claims = check(dataset, text, date(2026, 1, 20))
    assert [(c.period, c.base_period, c.verdict) for c in claims if c.unit == "%"] == [
        ("2025-12", "2024-12", "supported")]


def test_c_dot_before_a_figure_is_circa(dataset: Dataset) -> None:
    text = "Magnets, October 2025: Germany took 1,118 tonnes, c.20% of the total; Japan c.230t."
    claims = check(dataset, text, date(2025, 11, 20))
    assert [(c.text, c.hedge, c.partner) for c in claims][1:] == [("20%", "about", "Germany"), ("230t", "about", "Japan")]


def test_a_close_second_and_slotted_in(dataset: Dataset) -> None:
    text = "In May 2025, Vietnam took 235 tonnes of magnets, with Germany a close second. India slotted in third."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 6, 20)) if c.kind == "rank"] == [
        ("Germany", 2, "supported"), ("India", 3, "supported")]


def test_streaks_in_a_row_and_running_after_a_peak(dataset: Dataset) -> None:
    text = ("China's rare-earth exports peaked at 7,742 tons in June, then fell for three months running. In October "
            "magnet exports slipped again, the second monthly drop in a row.")
    claims = check(dataset, text, date(2025, 11, 20))
    assert [(c.commodity, c.period, c.value, c.direction, c.verdict) for c in claims if c.kind == "streak"] == [
        ("rare_earths", "2025-09", 3, "down", "supported"), ("rare_earth_magnets", "2025-10", 2, "down", "supported")]


def test_a_series_named_as_a_comparison_or_a_policys_object_is_not_the_subject(dataset: Dataset) -> None:
    text = ("# Magnets and the raw materials\n\nMagnet exports were 6,150 tonnes in November 2025.\n\n## Upstream: "
            "rare earths\n\nThe category had a rougher year than magnets, but it reached 58,193.1 tonnes in the first "
            "eleven months.\n\nMagnet exports hit bottom in May, when 1,238 tonnes left, weeks after licences were "
            "required for seven of the medium and heavy rare earths.")
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.commodity, c.verdict) for c in claims][1:] == [
        ("rare_earths", "supported"), ("rare_earth_magnets", "supported")]


def test_a_heading_after_a_lede_without_figures_names_the_series_of_its_section(dataset: Dataset) -> None:
    text = ("# Magnets steady, raw materials slump\n\nThe two export series of China went separate ways this "
            "autumn, and magnets held up better.\n\n### Chart 1: Rare earths, monthly exports\n\nSeptember: 4,000.3 t, "
            "down 30.9% from August.")
    assert [(c.commodity, c.verdict) for c in check(dataset, text, date(2025, 10, 22))] == [
        ("rare_earths", "supported"), ("rare_earths", "supported")]


def test_a_when_clause_after_the_month_that_opens_a_window_dates_its_level(dataset: Dataset) -> None:
    text = ("Rare-earth exports fell to 4,829 tons in June 2024, the lowest since April, when 4,566 tons left the "
            "country.")
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2024, 7, 12))] == [
        ("2024-06", "supported"), ("2024-06", "supported"), ("2024-04", "supported")]


def test_a_streak_in_the_present_perfect_runs_to_date_and_after_a_month_is_no_period(dataset: Dataset) -> None:
    text = ("June's magnet shipments were more than double May's, and July brought 5,577 tonnes. Exports have now risen "
            "for two consecutive months.")
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 8, 25)) if c.kind == "streak"] == [
        ("2025-07", "supported")]
    text = ("China shipped 564 tonnes of magnets to the United States in December 2025, the second straight monthly "
            "decline after a rebound in October.")
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2026, 1, 22)) if c.kind == "streak"] == [
        ("2025-12", "supported")]


def test_streaks_of_year_on_year_growth(dataset: Dataset) -> None:
    text = "## Magnets: five months of year-on-year growth\n\nShipments reached 6,150 tonnes in November 2025."
    assert [(c.value, c.verdict) for c in check(dataset, text, date(2025, 12, 22)) if c.kind == "streak"] == [
        (5, "supported")]
    text = "Magnets, September 2025: 5,774 t. Third straight month above the year-earlier level."
    assert [(c.value, c.verdict) for c in check(dataset, text, date(2025, 10, 22)) if c.kind == "streak"] == [
        (3, "supported")]


def test_a_rank_held_in_every_month_of_a_span_is_checked_month_by_month(dataset: Dataset) -> None:
    text = "Germany was the biggest buyer of Chinese magnets in each of the seven months from June to December 2025."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2026, 1, 26)) if c.kind == "rank"] == [
        ("2025-06..2025-12", "supported")]
    text = "Germany was the biggest buyer of Chinese magnets in each of the five months from May to September 2025."
    [claim] = [c for c in check(dataset, text, date(2025, 10, 26)) if c.kind == "rank"]
    assert claim.verdict == "refuted" and "2025-05" in claim.reason


def test_a_tenth_of_everything_and_a_share_of_a_tenth_are_shares(dataset: Dataset) -> None:
    text = ("American buyers took 5,933 tons of Chinese magnets in 2025, roughly a tenth of everything China exported "
            "in the category. The US share may stay close to its 2025 average of about a tenth.")
    assert [(c.kind, c.value, c.verdict) for c in check(dataset, text, date(2026, 1, 22))][1:] == [
        ("share_pct", 10, "supported"), ("share_pct", 10, "supported")]


def test_the_biggest_buyer_and_another_was_second_is_two_ranks_not_a_list(dataset: Dataset) -> None:
    text = "In November 2025, Germany remained the biggest buyer of magnets and South Korea was second."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 12, 22))] == [
        ("Germany", 1, "supported"), ("South Korea", 2, "supported")]


def test_high_water_marks_and_the_years_strongest_month(dataset: Dataset) -> None:
    text = ("US-bound magnet shipments, 2025: the 877 tons of January proved to be the American high-water mark.\n\n"
            "China's magnet exports: January's 6,357 tonnes is still the high-water mark for 2025.\n\nOverall, "
            "January was the year's strongest month.")
    claims = [c for c in check(dataset, text, date(2026, 1, 22)) if c.kind == "extreme"]
    assert [(c.partner, c.period, c.direction, c.verdict) for c in claims] == [
        ("United States", "2025-01", "high", "supported"), ("World", "2025-01", "high", "supported"),
        ("World", "2025-01", "high", "supported")]


def test_record_as_a_verb_is_no_extreme(dataset: Dataset) -> None:
    text = "New rules require processors to record where every batch of rare earths comes from."
    assert [c.kind for c in check(dataset, text, date(2024, 10, 14))] == []


def test_a_monthly_decline_after_the_number_is_a_fall(dataset: Dataset) -> None:
    text = "US magnet exports eased to 582 t in November 2025 and 564 t in December, a 3% monthly decline."
    assert [(c.kind, c.value, c.verdict) for c in check(dataset, text, date(2026, 1, 26)) if c.unit == "%"] == [
        ("mom_pct", -3, "supported")]


def test_a_label_right_before_a_change_beats_the_next_ones_label(dataset: Dataset) -> None:
    text = "Magnets in September 2025: 5,774 t; month on month −6.1%, year on year +17.5%."
    assert [(c.kind, c.verdict) for c in check(dataset, text, date(2025, 10, 22)) if c.unit == "%"] == [
        ("mom_pct", "supported"), ("yoy_pct", "supported")]


def test_as_low_as_fourth_is_a_rank(dataset: Dataset) -> None:
    text = "US buyers of Chinese magnets ranked third in December 2025, having dropped as low as fourth in September."
    assert [(c.period, c.value, c.verdict) for c in check(dataset, text, date(2026, 1, 26))] == [
        ("2025-12", 3, "supported"), ("2025-09", 4, "supported")]


def test_in_total_after_a_destinations_level_keeps_its_destination(dataset: Dataset) -> None:
    text = ("In July 2025 buyers across the European Union took 2,140 tons of magnets in total, about 38% of China's "
            "total and up 57% on the month.")
    assert [(c.partner, c.verdict) for c in check(dataset, text, date(2025, 8, 20))] == [
        ("European Union", "supported")] * 3


def test_the_destination_referred_back_to_ends_at_a_heading_or_a_turn_to_the_other_series(dataset: Dataset) -> None:
    text = ("<p>Japan received 232 tons of magnets in July 2025.</p>\n<h2>Raw materials</h2>\n<p>Rare earths "
            "themselves went another way. Those exports fell to 5,994 tons in July.</p>")
    assert [(c.partner, c.verdict) for c in check(dataset, text, date(2025, 8, 20))][1:] == [("World", "supported")]


def test_the_blank_lines_under_a_heading_are_no_heading_of_their_own(dataset: Dataset) -> None:
    text = ("# Magnets in May\n\nChina shipped 1,238 t of magnets in May 2025.\n\n### And the wider rare-earth "
            "category?\n\nIt held up. May's 5,864.6 t was the highest monthly figure since May 2024.")
    assert [(c.commodity, c.verdict) for c in check(dataset, text, date(2025, 6, 21))][1:] == [
        ("rare_earths", "supported"), ("rare_earths", "supported")]


def test_a_tonnes_abbreviation_ends_a_sentence_of_prose(dataset: Dataset) -> None:
    text = ("Rare earths behaved differently: May's 5,864.6 t was the highest since May 2024, and lower than that "
            "month's 6,217 t. Over January to May, China exported 24,827 t of rare earths.")
    assert [(c.kind, c.period, c.verdict) for c in check(dataset, text, date(2025, 6, 21))][-1] == (
        "cumulative_quantity", "2025-01..2025-05", "supported")


def test_that_months_level_is_the_level_of_the_month_named_last(dataset: Dataset) -> None:
    text = ("Rare earths, May 2025: 5,864.6 t, the highest monthly figure since May 2024 and about 6% lower than that "
            "month's 6,217 t.")
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 6, 21)) if c.kind == "quantity"] == [
        ("2025-05", "supported"), ("2024-05", "supported")]


def test_the_year_after_a_spans_total_is_the_spans_year(dataset: Dataset) -> None:
    text = "Magnet exports for January to May added up to 19,132 t, 14.5% below the January–May total of 2024."
    assert [(c.kind, c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2025, 6, 21))][1:] == [
        ("cumulative_yoy_pct", "2025-01..2025-05", "2024-01..2024-05", "supported")]
    assert [str(p.period) for p in find_periods("a 2% rise on the first-half total of 2024", Month(2025, 6))] == [
        "2024-01..2024-06"]


def test_the_equivalent_period_of_a_year_is_a_base(dataset: Dataset) -> None:
    text = ("Between January and November 2025, magnet exports added up to 51,440 tonnes, 2% short of the equivalent "
            "2024 period.")
    assert [(c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2026, 1, 21))][1:] == [
        ("2025-01..2025-11", "2024-01..2024-11", "supported")]


def test_a_headline_from_a_months_peak_makes_that_month_the_peak(dataset: Dataset) -> None:
    claims = check(dataset, "China's rare earth exports slide from May peak", date(2024, 7, 12))
    assert [(c.kind, c.period, c.verdict) for c in claims] == [("extreme", "2024-05", "supported")]
    assert check(dataset, "Rare earth exports were six times the May trough.", date(2024, 7, 12))[0].kind != "extreme"


def test_its_at_the_start_of_a_sentence_refers_to_the_subject_before(dataset: Dataset) -> None:
    text = ("Germany was the biggest buyer of magnets in September 2025, ahead of South Korea. Its intake had peaked at "
            "1,346 t in August.")
    assert [(c.partner, c.verdict) for c in check(dataset, text, date(2025, 10, 26)) if c.kind == "quantity"] == [
        ("Germany", "supported")]


def test_a_change_columns_heading_gives_the_base_and_the_column_to_its_left_the_month(dataset: Dataset) -> None:
    text = ("China's magnet exports by destination\n\n| Destination | Oct 2025 (t) | Change on Sep 2025 | Change on Oct 2024 |"
            "\n|---|---|---|---|\n| Germany | 1,118 | −13.2% | +55.9% |\n")
    claims = check(dataset, text, date(2025, 11, 21))
    assert [(c.kind, c.period, c.base_period, c.verdict) for c in claims if c.unit == "%"] == [
        ("mom_pct", "2025-10", "2025-09", "supported"), ("yoy_pct", "2025-10", "2024-10", "supported")]


def test_about_half_a_months_figure_is_a_multiple_against_that_month(dataset: Dataset) -> None:
    text = "Rare earths: September 2025's total was about half the June figure and 4.3% below September 2024."
    assert [(c.kind, c.period, c.base_period, c.verdict) for c in check(dataset, text, date(2025, 10, 22))] == [
        ("multiple", "2025-09", "2025-06", "supported"), ("yoy_pct", "2025-09", "2024-09", "supported")]
    text = "Rare-earth prices fell in the second half of September, and magnet exports fell by more than half in April."
    assert [(c.kind, c.period) for c in check(dataset, text, date(2025, 10, 22))] == [("mom_pct", "2025-04")]


def test_a_change_in_a_mining_allocation_is_out_of_scope(dataset: Dataset) -> None:
    text = ("In August 2024 the ministry lifted the mining quota to 270,000 tonnes, about 5.9% above last year's "
            "allocation.")
    assert [(c.in_scope, c.verdict) for c in check(dataset, text, date(2024, 9, 23)) if c.unit == "%"] == [
        (False, "unverifiable")]


def test_a_numbered_heading_in_capitals_gives_its_month_to_the_section(dataset: Dataset) -> None:
    text = ("2. RARE EARTHS\n\n2.1 Shipments totalled 4,343.5 tonnes in October 2025.\n\n3. MAGNETS: SEPTEMBER DETAIL "
            "BY DESTINATION\n\n3.1 The largest destinations were:\n\n  (a) Germany: 1,288 tonnes of magnets.\n"
            "  (b) South Korea: 854 tonnes of magnets.\n")
    claims = check(dataset, text, date(2025, 11, 12))
    assert [(c.partner, c.period, c.verdict) for c in claims][1:] == [
        ("Germany", "2025-09", "supported"), ("South Korea", "2025-09", "supported")]


def test_a_year_to_date_column_holds_running_totals(dataset: Dataset) -> None:
    text = ("China's magnet exports\n\n| Month | Exports (t) | YoY | YTD t | YTD YoY |\n|---|---|---|---|---|\n"
            "| Sep-25 | 5,774 | +17.5% | 39,817 | -7.5% |\n")
    claims = check(dataset, text, date(2025, 10, 22))
    assert [(c.kind, c.period, c.verdict) for c in claims] == [
        ("quantity", "2025-09", "supported"), ("yoy_pct", "2025-09", "supported"),
        ("cumulative_quantity", "2025-01..2025-09", "supported"), ("cumulative_yoy_pct", "2025-01..2025-09", "supported")]


def test_a_list_of_buyers_under_a_heading_is_not_read_from_the_heading(dataset: Dataset) -> None:
    text = ("Magnet exports, June 2025\n\nLeading destinations\n\nThe top five buyers were Germany, the United States, "
            "Vietnam, South Korea and Thailand.")
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 7, 21))] == [
        ("Germany", 1, "supported"), ("United States", 2, "supported"), ("Vietnam", 3, "supported"),
        ("South Korea", 4, "supported"), ("Thailand", 5, "supported")]


def test_a_month_in_a_relative_clause_without_figures_does_not_date_the_sentence(dataset: Dataset) -> None:
    text = ("China shipped 3,188 tonnes of magnets in June 2025. Vietnam, which had been the largest buyer in May, "
            "slipped to third with 340 tonnes. India received 172 tonnes.")
    assert [(c.partner, c.period, c.verdict) for c in check(dataset, text, date(2025, 7, 21))][2:] == [
        ("Vietnam", "2025-06", "supported"), ("Vietnam", "2025-06", "supported"), ("India", "2025-06", "supported")]
    text = "In July 2025, Mexico edged out India, which had bought 418 tons of magnets in July, 60% more than a year before."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 8, 20)) if c.unit == "%"] == [
        ("2025-07", "supported")]


def test_a_multiple_of_what_another_destination_took(dataset: Dataset) -> None:
    text = "In September 2025 South Korea took 854 tonnes of magnets, nearly four times what Japan took."
    assert [(c.partner, c.partners, c.verdict) for c in check(dataset, text, date(2025, 10, 21)) if c.kind == "multiple"] == [
        ("South Korea", ["South Korea", "Japan"], "supported")]


def test_a_streak_that_the_month_ended_or_broke_runs_to_the_month_before(dataset: Dataset) -> None:
    text = "China's magnet exports rebounded to 3,188 tonnes in June 2025, which ended two straight months of declines."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 7, 21)) if c.kind == "streak"] == [
        ("2025-06", "supported")]
    text = "Magnet exports rose to 6,150 tonnes in November 2025, which breaks a run of two consecutive monthly declines."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 12, 22)) if c.kind == "streak"] == [
        ("2025-11", "supported")]


def test_an_abbreviated_month_with_a_day_is_a_date_not_a_period(dataset: Dataset) -> None:
    assert find_periods("just before Beijing widened its regime on Oct. 9.", Month(2025, 9)) == []
    assert [str(p.period) for p in find_periods("exports in Oct. 2025 rose", Month(2025, 11))] == ["2025-10"]


def test_a_deficit_that_has_shrunk_is_a_fall(dataset: Dataset) -> None:
    text = ("Magnets: January-November 2025 volume stands at 51,440 t; the year-to-date YoY deficit has shrunk to "
            "2.0% from 7.5% at the end of September.")
    assert [(c.value, c.verdict) for c in check(dataset, text, date(2025, 12, 22)) if c.unit == "%"] == [
        (-2, "supported"), (-7.5, "supported")]


def test_the_seventeen_elements_without_magnets_are_the_rare_earth_series(dataset: Dataset) -> None:
    text = ("Magnet exports were 5,952 tonnes in December 2025.\n\nThe other series covers the seventeen elements, "
            "without magnets. China shipped 62,585 tonnes of them in 2025.")
    assert [(c.commodity, c.verdict) for c in check(dataset, text, date(2026, 1, 22)) if c.kind != "other"] == [
        ("rare_earth_magnets", "supported"), ("rare_earths", "supported")]


def test_monthly_shipments_averaged_over_a_span_is_an_average(dataset: Dataset) -> None:
    text = ("Rare-earth exports reached 52,699.2 tonnes from January to October 2025. Monthly shipments therefore "
            "averaged about 5,270 tonnes so far this year.")
    assert [(c.kind, c.period, c.verdict) for c in check(dataset, text, date(2025, 11, 12))][1:] == [
        ("average_quantity", "2025-01..2025-10", "supported")]


def test_and_those_to_another_destination_starts_another_clause(dataset: Dataset) -> None:
    text = ("In September 2024, magnet shipments to the United States came to about 600 tons and those to Vietnam to "
            "nearly 390 tons.")
    assert [c.partner for c in check(dataset, text, date(2024, 10, 21))] == ["United States", "Vietnam"]


def test_ranked_second_with_a_bare_percentage_after_a_share_is_a_share(dataset: Dataset) -> None:
    text = ("In 2023 Germany was the top destination for Chinese magnets with a 16.7 percent share, and South Korea "
            "ranked second with 11.3 percent.")
    assert [(c.kind, c.value, c.verdict) for c in check(dataset, text, date(2024, 10, 21)) if c.unit == "%"] == [
        ("share_pct", Decimal("16.7"), "supported"), ("share_pct", Decimal("11.3"), "supported")]


def test_the_number_one_spot_climbs_back_to_and_a_fall_of_a_fifth(dataset: Dataset) -> None:
    text = "Magnets in October 2025: the U.S. climbs back to second."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 11, 21))] == [
        ("United States", 2, "supported")]
    text = "Magnets: Germany has held the number-one spot among destinations in every month from July to December 2025."
    assert [(c.value, c.verdict) for c in check(dataset, text, date(2026, 1, 22))] == [(1, "supported")]
    text = "American buyers received 5,933 tonnes of magnets in 2025, a fall of just over a fifth on 2024."
    assert [(c.value, c.verdict) for c in check(dataset, text, date(2026, 1, 22)) if c.unit == "%"] == [
        (-20, "supported")]


def test_lettered_items_carry_the_period_and_bare_places_are_ranks(dataset: Dataset) -> None:
    text = ("Magnets, September 2025. The largest destinations, in order, were:\n\n  (a) Germany: 1,288 tonnes, first "
            "place, up 27.9% year on year.\n  (b) South Korea: 854 tonnes, second place.\n  (e) Mexico: fifth place.")
    claims = check(dataset, text, date(2025, 11, 12))
    assert [(c.partner, c.period, c.verdict) for c in claims if c.kind in ("rank", "quantity")] == [
        ("Germany", "2025-09", "supported"), ("Germany", "2025-09", "supported"),
        ("South Korea", "2025-09", "supported"), ("South Korea", "2025-09", "supported"), ("Mexico", "2025-09", "supported")]


def test_a_months_peak_of_a_level_and_the_high_point_of_the_year_to_date(dataset: Dataset) -> None:
    text = ("Rare earths: the October 2025 figure was still roughly 44% below the June peak of 7,742 tonnes, which "
            "remains the high point of the year to date.")
    claims = check(dataset, text, date(2025, 11, 12))
    assert [(c.text, c.period, c.verdict) for c in claims][1:] == [
        ("7,742 tonnes", "2025-06", "supported"), ("the high point of the year to date", "2025-06", "supported")]


def test_over_the_past_twelve_months_is_the_year_to_the_latest_month(dataset: Dataset) -> None:
    text = "Rare earths: Japan was the largest buyer over the past 12 months, and Taiwan ranked third."
    assert [(c.period, c.verdict) for c in check(dataset, text, date(2025, 1, 21))] == [
        ("2024-01..2024-12", "supported"), ("2024-01..2024-12", "refuted")]


def test_a_buyer_list_lead_in_does_not_cross_a_comma_clause(dataset: Dataset) -> None:
    text = "In May 2025, Germany remained the largest buyer of magnets, but that was cold comfort."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 8, 25))] == [
        ("Germany", 1, "refuted")]
    text = "In October 2025 the five biggest buyers of magnets, in descending order, were Germany and the United States."
    assert [(c.partner, c.value) for c in check(dataset, text, date(2025, 11, 20))] == [
        ("Germany", 1), ("United States", 2)]


def test_a_month_later_it_was_back_as_the_second_largest(dataset: Dataset) -> None:
    text = ("US buyers of Chinese magnets took 420.5 tons in September 2025. A month later it was back as the "
            "second-largest destination with 656 tons.")
    assert [(c.kind, c.partner, c.period, c.verdict) for c in check(dataset, text, date(2025, 11, 21))][1:] == [
        ("rank", "United States", "2025-10", "supported"), ("quantity", "United States", "2025-10", "supported")]


def test_a_second_monthly_gain_is_a_streak(dataset: Dataset) -> None:
    text = "Rare earths in November 2025: a second monthly gain, to 5,493.9 tonnes."
    assert [(c.kind, c.value, c.verdict) for c in check(dataset, text, date(2025, 12, 22))][0] == (
        "streak", 2, "supported")
    text = "Magnets in November 2025: the second monthly gain this year."
    assert [c.kind for c in check(dataset, text, date(2025, 12, 22))] == []


def test_magnets_made_from_rare_earths_are_magnets(dataset: Dataset) -> None:
    text = "Overseas sales of Chinese permanent magnets made from rare earths came to 5,774 tonnes in September 2025."
    assert [(c.commodity, c.verdict) for c in check(dataset, text, date(2025, 10, 21))] == [
        ("rare_earth_magnets", "supported")]


def test_anything_above_a_level_in_a_month_not_yet_reported_is_a_condition(dataset: Dataset) -> None:
    text = "Rare earths: anything above 3,000 tonnes in December would lift 2024 past 55,000 tonnes."
    assert [(c.in_scope, c.verdict) for c in check(dataset, text, date(2024, 12, 10))][0] == (False, "unverifiable")


def test_pushed_a_destination_down_to_a_place_is_a_rank(dataset: Dataset) -> None:
    text = "US-bound magnets fell to 420.5 tonnes in September 2025, which pushed the U.S. down to fourth place."
    assert [(c.partner, c.value, c.verdict) for c in check(dataset, text, date(2025, 10, 20)) if c.kind == "rank"] == [
        ("United States", 4, "supported")]


def test_no_1_at_the_end_of_a_line_after_a_semicolon_is_a_rank(dataset: Dataset) -> None:
    text = ("India climbs in China magnet league\n\nSupplies are improving but licences remain slow; Germany stays "
            "No. 1\n\nChina shipped 5,473 tonnes of magnets in October 2025.\n")
    assert [(c.kind, c.partner, c.verdict) for c in check(dataset, text, date(2025, 11, 21))] == [
        ("rank", "Germany", "supported"), ("quantity", "World", "supported")]


def test_the_series_of_the_lede_is_what_the_article_is_about_even_when_the_other_is_named_more(dataset: Dataset) -> None:
    text = ("China shipped 4,416 tonnes of rare earths in November 2024.\n\nThe January-November total reached "
            "52,105 tonnes.\n\n## For contrast\n\nMagnet exports were 5,325 tonnes in August 2024. Magnet shipments "
            "eased to 4,915 tonnes in September. The magnet total for October was 4,725 tonnes.")
    claims = check(dataset, text, date(2024, 12, 10))
    assert [(c.commodity, c.verdict) for c in claims] == [("rare_earths", "supported")] * 2 + [
        ("rare_earth_magnets", "supported")] * 3


def test_a_series_said_to_be_counted_elsewhere_is_not_the_subject(dataset: Dataset) -> None:
    text = ("Rare earths fell 7.1% from October to 4,416 tonnes in November 2024; magnets are counted separately. "
            "The January-November total was 52,105 tonnes.")
    claims = check(dataset, text, date(2024, 12, 10))
    assert [(c.commodity, c.verdict) for c in claims][-1] == ("rare_earths", "supported")


def test_a_change_whose_clause_is_about_money_is_not_an_export_change(dataset: Dataset) -> None:
    text = ("Revenue came to EUR 61.4 million in the quarter; sales of magnets were EUR 20 million in July, up 75% on "
            "June. China's magnet exports, worth $300 million, reached 5,577 tonnes in July, up 75% from June.")
    claims = [c for c in check(dataset, text, date(2025, 8, 20)) if c.value == Decimal(75)]
    assert [(c.in_scope, c.verdict) for c in claims] == [(False, "unverifiable"), (True, "supported")]


def test_rare_earth_content_and_magnets_containing_several_rare_earths_are_about_magnets(dataset: Dataset) -> None:
    text = ("Magnet exports in 2025.\n\n- October: the rules now reach goods with 0.1% rare-earth content. Exports "
            "eased 5.2% to 5,473 tonnes.\n- May: 1,238 tons, after licensing began in April for magnets containing "
            "seven medium and heavy rare earths")
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.commodity, c.verdict) for c in claims][1:] == [("rare_earth_magnets", "supported")] * 3


def test_the_raw_material_series_is_the_rare_earth_series(dataset: Dataset) -> None:
    text = ("China shipped 5,325 tonnes of magnets in August 2024.\n\nRaw material flows went the other way. They fell "
            "to 4,723 tonnes in August 2024.\n\nJuly shipments had reached 4,937 tonnes.")
    claims = check(dataset, text, date(2024, 9, 23))
    assert [(c.commodity, c.verdict) for c in claims] == [("rare_earth_magnets", "supported")] + [
        ("rare_earths", "supported")] * 2


def test_a_rank_column_may_name_its_month(dataset: Dataset) -> None:
    table = ("Magnet exports, tonnes\n\n| Destination | Dec 2025 | Dec rank |\n|---|---|---|\n| Germany | 1,106 | 1 |\n"
             "| United States | 564 | 2 |")
    claims = check(dataset, table, date(2026, 1, 21))
    assert [(c.kind, c.partner, c.period, c.verdict) for c in claims if c.kind == "rank"] == [
        ("rank", "Germany", "2025-12", "supported"), ("rank", "United States", "2025-12", "refuted")]


def test_a_level_to_all_destinations_is_the_whole_flows_even_after_a_destination(dataset: Dataset) -> None:
    text = "Japan took 305 tonnes of magnets in November, when China shipped 6,150 tonnes to all destinations."
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.partner, c.verdict) for c in claims] == [("Japan", "supported"), ("World", "supported")]


def test_a_leader_without_a_figure_and_the_destinations_that_followed_in_order(dataset: Dataset) -> None:
    text = "Magnet exports: Germany led in November, followed in order by South Korea, the US, Vietnam and India."
    claims = check(dataset, text, date(2025, 12, 22))
    assert [(c.partner, c.value, c.verdict) for c in claims] == [
        ("Germany", 1, "supported"), ("South Korea", 2, "supported"), ("United States", 3, "supported"),
        ("Vietnam", 4, "supported"), ("India", 5, "supported")]


def test_it_and_its_after_an_opening_phrase_refer_back_but_chinas_total_stays_the_worlds(dataset: Dataset) -> None:
    text = ("Germany is the largest customer for Chinese magnets. In October it received 1,118 t, or 20% of China's "
            "total magnet exports of 5,473 t.\n\nSouth Korea, which buys more than Japan does, did well. In September "
            "its purchases reached 854 tonnes.")
    claims = check(dataset, text, date(2025, 11, 24))
    assert [(c.partner, c.verdict) for c in claims if c.kind != "rank"] == [
        ("Germany", "supported"), ("Germany", "supported"), ("World", "supported"), ("South Korea", "supported")]


def test_a_change_that_sums_up_a_comparison_of_two_levels_is_the_first_against_the_second(dataset: Dataset) -> None:
    text = ("China shipped 5,774 t of magnets in September against 6,146 t in August, a decline of 6.1%. Rare-earth "
            "shipments came to about 15,786 tonnes in the third quarter, against 18,392 tonnes in the second quarter, "
            "a fall of about 14%.")
    changes = [c for c in check(dataset, text, date(2025, 10, 21)) if c.unit == "%"]
    assert [(c.period, c.base_period, c.verdict) for c in changes] == [
        ("2025-09", "2025-08", "supported"), ("2025-07..2025-09", "2025-04..2025-06", "supported")]


def test_an_extreme_in_a_which_clause_after_a_dated_base_level_is_that_levels(dataset: Dataset) -> None:
    text = ("Rare-earth exports were 4,829 tonnes in June 2024, compared with 5,009 tonnes in June 2023, which at the "
            "time had been the highest since December 2022.")
    extreme = only(check(dataset, text, date(2024, 7, 12)), "highest")
    assert extreme.period == "2023-06"


def test_a_change_between_two_months_named_right_after_it_ignores_a_later_base(dataset: Dataset) -> None:
    text = ("Magnet exports collapsed by 77% between March and May 2025 and did not climb back above their March "
            "level until July.")
    change = only(check(dataset, text, date(2026, 1, 20)), "77%")
    assert (change.period, change.base_period, change.verdict) == ("2025-05", "2025-03", "supported")


def test_a_change_column_takes_the_series_of_the_nearest_column_to_its_left_that_names_one(dataset: Dataset) -> None:
    table = ("China's exports by year\n\n| Year | Magnets (t) | Change | Rare earths (t) | Change |\n|---|---|---|---|---|\n"
             "| 2024 | 58,142 | +10.6% | 55,431 | +6.0% |")
    claims = check(dataset, table, date(2025, 2, 20))
    assert [(c.commodity, c.verdict) for c in claims] == [
        ("rare_earth_magnets", "supported"), ("rare_earth_magnets", "supported"), ("rare_earths", "supported"),
        ("rare_earths", "supported")]


def test_a_year_that_opens_a_sentence_dates_its_months_and_a_footnote_mark_ends_the_sentence_before(
        dataset: Dataset) -> None:
    text = ("Rare-earth exports reached 48,728 t in 2022.[9] In 2024 the highest monthly figure came in May, when "
            "6,217 t left the country.")
    claims = check(dataset, text, date(2026, 2, 15))
    assert [(c.period, c.verdict) for c in claims] == [("2022-01..2022-12", "supported"), ("2024-05", "supported")]


def test_an_expected_figure_and_a_writers_own_ranking_are_not_checked(dataset: Dataset) -> None:
    text = ("Going in, traders expected magnet exports of around 6,000 t for December. As expected, magnet exports "
            "came in at 5,952 t. Germany is our largest market.")
    claims = check(dataset, text, date(2026, 1, 20))
    assert [(c.text, c.in_scope, c.verdict) for c in claims] == [
        ("around 6,000 t", False, "unverifiable"), ("5,952 t", True, "supported"),
        ("largest market", False, "unverifiable")]


def test_a_level_never_crossed_since_a_month_is_checked_for_every_month_after_it(dataset: Dataset) -> None:
    text = ("Magnet exports have not dipped below 5,000 t since June. Magnet exports never dropped below 6,000 tonnes "
            "at any point after March.")
    claims = check(dataset, text, date(2026, 1, 20))
    assert [(c.kind, c.window, c.value, c.verdict) for c in claims] == [
        ("streak", "2025-07..2025-12", 6, "supported"), ("streak", "2025-04..2025-12", 9, "refuted")]


def test_a_place_held_that_month_is_a_rank(dataset: Dataset) -> None:
    text = "Magnet exports to the US were 420.5 t in September. The US was fourth that month."
    ranks = [c for c in check(dataset, text, date(2025, 11, 24)) if c.kind == "rank"]
    assert [(c.partner, c.value, c.period, c.verdict) for c in ranks] == [("United States", 4, "2025-09", "supported")]


def test_doubled_last_month_is_against_the_month_before_and_the_first_half_of_last_year_is_a_base(
        dataset: Dataset) -> None:
    text = ("China's exports of rare-earth magnets more than doubled last month. For January through June, magnet "
            "exports came to about 22,300 tonnes, down nearly a fifth from the first half of last year.")
    claims = check(dataset, text, date(2025, 7, 21))
    assert [(c.period, c.base_period, c.verdict) for c in claims] == [
        ("2025-06", "2025-05", "supported"), ("2025-01..2025-06", None, "supported"),
        ("2025-01..2025-06", "2024-01..2024-06", "supported")]


def test_a_top_destination_given_as_a_label_with_its_month(dataset: Dataset) -> None:
    text = ("Magnet exports, key figures\n\nTop destination in December: Germany, 1,106 t\n"
            "Top destination in November: South Korea")
    ranks = [c for c in check(dataset, text, date(2026, 1, 21)) if c.kind == "rank"]
    assert [(c.partner, c.period, c.verdict) for c in ranks] == [
        ("Germany", "2025-12", "supported"), ("South Korea", "2025-11", "refuted")]


def test_a_month_inside_a_when_clause_aside_does_not_date_the_main_clause(dataset: Dataset) -> None:
    text = ("Magnet exports to Japan fell. In June, when the licensing requirement introduced in April weighed most "
            "heavily on Japanese users, only 131 tonnes were shipped.")
    claim = only(check(dataset, text, date(2026, 1, 23)), "131 tonnes")
    assert (claim.period, claim.verdict) == ("2025-06", "supported")


def test_an_extreme_after_a_when_clauses_level_and_verb_is_the_base_months(dataset: Dataset) -> None:
    text = ("China exported 5.8 kt of magnets in September, 6.1 per cent less than in August, when shipments of 6.1 kt "
            "had reached their highest level since January.")
    extreme = only(check(dataset, text, date(2025, 10, 21)), "highest")
    assert (extreme.period, extreme.verdict) == ("2025-08", "supported")


def test_a_destinations_labelled_total_is_its_own(dataset: Dataset) -> None:
    text = "Magnet exports\n\n- United States, 2025 total: 5,933 tons, down 20.3% from 2024"
    claims = check(dataset, text, date(2026, 1, 21))
    assert [(c.partner, c.verdict) for c in claims] == [("United States", "supported")] * 2


def test_a_ranked_list_of_names_and_places_starts_with_first(dataset: Dataset) -> None:
    text = "Rare earths\n\n- Biggest buyers in 2024, ranked: Japan first, the U.S. second, Taiwan third"
    ranks = check(dataset, text, date(2025, 1, 21))
    assert [(c.text, c.value, c.verdict) for c in ranks] == [
        ("Japan first", 1, "supported"), ("the U.S. second", 2, "supported"), ("Taiwan third", 3, "refuted")]


def test_a_share_stated_with_a_hedge_after_was(dataset: Dataset) -> None:
    text = "Japan's share of China's total magnet exports was around 5% in November 2025."
    claim = only(check(dataset, text, date(2026, 1, 23)), "5%")
    assert (claim.kind, claim.verdict) == ("share_pct", "supported")


def test_a_change_on_a_whole_year_in_a_line_that_names_no_period_compares_the_years(dataset: Dataset) -> None:
    text = "Magnet exports\n\nDecember 2025: 5,952 t\nFull year 2025: 57,392 t\nChange on 2024: −1.3%"
    claim = only(check(dataset, text, date(2026, 1, 21)), "1.3%")
    assert (claim.period, claim.base_period, claim.verdict) == ("2025-01..2025-12", "2024-01..2024-12", "supported")
