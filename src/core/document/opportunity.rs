//! Opportunities that answer a pain point (issue 5): an Opportunities card
//! names the Pain points card it answers in [`Card::answers`].

use crate::core::document::model::{Card, JourneyMap};

/// Characters of a pain point's text shown in a list of choices.
pub const CHOICE_CHARS: usize = 48;

/// The pain points an opportunity may answer, in the order of the map
/// (stage by stage, then as the cards are listed): `(id, label)`, the label
/// being the card's text cut to [`CHOICE_CHARS`] characters, then its
/// stage's name, as in "Long queue at the desk — Arrival".
pub fn pain_point_choices(map: &JourneyMap) -> Vec<(String, String)> {
    let mut choices = Vec::new();
    for stage in &map.stages {
        for card in map.cards.iter().filter(|c| c.stage == stage.id) {
            if map.is_pain_point(card) {
                choices.push((card.id.clone(), choice_label(card, &stage.name)));
            }
        }
    }
    choices
}

/// A pain point as a choice: its text, cut, then its stage's name.
pub fn choice_label(card: &Card, stage_name: &str) -> String {
    format!("{} — {stage_name}", shorten(&card.text, CHOICE_CHARS))
}

/// The label of the pain point `id` as a choice, if the map has it.
pub fn pain_point_label(map: &JourneyMap, id: &str) -> Option<String> {
    let card = map.card(id)?;
    let stage = map.stages.iter().find(|s| s.id == card.stage)?;
    Some(choice_label(card, &stage.name))
}

/// The opportunities that answer the pain point `id`, in the map's order.
pub fn opportunities_of<'a>(map: &'a JourneyMap, id: &'a str) -> impl Iterator<Item = &'a Card> {
    map.cards
        .iter()
        .filter(move |c| c.answers.as_deref() == Some(id))
}

/// `text` on one line, cut with an ellipsis to at most `max` characters.
pub fn shorten(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        line
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::LaneKind;
    use crate::core::document::model::SequentialIds;

    #[test]
    fn choices_are_the_pain_points_in_stage_order_with_their_stage() {
        let mut m = JourneyMap::blank(&mut SequentialIds::new("o"), "Map", ["A", "B", "C"], 0);
        let lane = |kind| m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone();
        let (pains, opps) = (lane(LaneKind::PainPoints), lane(LaneKind::Opportunities));
        let stages: Vec<String> = m.stages.iter().map(|s| s.id.clone()).collect();
        let long = "Attente\n très   longue ".repeat(10);
        for (id, lane, stage, text) in [
            ("p2", &pains, 2, "Late"),
            ("o1", &opps, 0, "Book"),
            ("p1", &pains, 0, long.as_str()),
        ] {
            m.cards.push(Card {
                id: id.into(),
                lane: lane.clone(),
                stage: stages[stage].clone(),
                text: text.into(),
                ..Card::default()
            });
        }
        let choices = pain_point_choices(&m);
        let ids: Vec<&str> = choices.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2"]);
        assert_eq!(choices[1].1, "Late — C");
        assert_eq!(pain_point_label(&m, "p2").as_deref(), Some("Late — C"));
        assert_eq!(pain_point_label(&m, "ghost"), None);
        assert!(choices[0].1.starts_with("Attente très longue Attente"));
        assert!(choices[0].1.ends_with("… — A"), "{}", choices[0].1);
        assert_eq!(shorten(&long, CHOICE_CHARS).chars().count(), CHOICE_CHARS);
        assert_eq!(opportunities_of(&m, "p1").count(), 0);
        m.cards[1].answers = Some("p1".into());
        let ids: Vec<&str> = opportunities_of(&m, "p1").map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["o1"]);
    }
}
