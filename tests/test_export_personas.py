"""Partial exports and the persona cards: without the persona (or the title block) no persona card is drawn."""

from journeymap.ui.export.subset import Subset, subset_scene


def test_partial_export_without_persona_or_title_block_draws_no_persona_card(scored_scene):
    scene = scored_scene
    personas = scene.doc.map_personas(scene.map_id)
    assert personas and scene.rich.personas.personas == personas
    assert scene.title_item.reserved_right > 0  # the cards keep their room at the right of the title
    with subset_scene(scene, Subset(persona=False)) as trimmed:
        assert trimmed is not scene
        assert trimmed.rich.personas.personas == [] and trimmed.title_item.reserved_right == 0
    with subset_scene(scene, Subset(title_block=False)) as trimmed:
        assert not trimmed.rich.personas.isVisible() and not trimmed.title_item.isVisible()
    assert scene.doc.map_personas(scene.map_id) == personas  # the user's document is untouched
