"""Which actor ids the NLP made up, read by feedback (what can be merged) and reports (what ranks first)."""

from __future__ import annotations

from ocwatch.reference.actor_ids import extracted_name, is_extracted
from ocwatch.report.links import RankedLink


def test_unknown_and_named_actors_are_extracted_and_listed_ones_are_not() -> None:
    assert is_extracted("unknown:lions du kivu") and is_extracted("named:criminal_networks:kokorat-san-ras")
    assert not is_extracted("m23") and not is_extracted("codeco")


def test_an_extracted_actor_gives_back_the_name_it_was_read_as() -> None:
    assert extracted_name("unknown:lions du kivu") == "lions du kivu"
    assert extracted_name("named:criminal_networks:kokorat-san-ras") == "kokorat san ras"


def test_a_report_ranks_a_listed_actor_before_one_named_by_its_noun_when_the_warehouse_did_not_say() -> None:
    def link(actor_id: str) -> RankedLink:
        return RankedLink(row={"actor_id": actor_id, "place_id": "geonames:1", "commodity_id": "gold"},
                          grades="B", sources=1, is_new=True, new_pair=True)
    listed, named = link("m23"), link("named:mafia_style_groups:the-x-gang")
    assert sorted([named, listed], key=lambda r: r.key) == [listed, named]
