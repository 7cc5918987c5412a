//! A linked map's headline (issue 16's linked journeys): what a stage shows
//! of the map that details it, so that the journey above reads the one
//! below at a glance: its NPS over the journey with its margin (pooled as
//! the portfolio's row is), its weakest touchpoint with that touchpoint's
//! weakest figure, and its lowest feeling today (everyone's or a
//! persona's, not a target) with the stage where it is felt and by whom.

use super::journey_figure;
use crate::core::analysis::metrics::journey::weakest;
use crate::core::analysis::metrics::Figure;
use crate::core::document::model::{JourneyMap, Metric};

/// The weakest touchpoint of a map, by name, with its weakest figure.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakestTouchpoint {
    pub name: String,
    pub figure: Figure,
}

/// The lowest feeling of a map, the (first) stage where it is felt, and
/// the persona who feels it (none: everyone's curve).
#[derive(Clone, Debug, PartialEq)]
pub struct LowestFeeling {
    pub value: i8,
    pub stage: String,
    pub persona: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub title: String,
    /// NPS over the journey (every touchpoint's latest answers, pooled).
    pub nps: Option<Figure>,
    pub weakest: Option<WeakestTouchpoint>,
    pub lowest_feeling: Option<LowestFeeling>,
}

pub fn headline(map: &JourneyMap) -> Headline {
    let nps = journey_figure(map, Metric::Nps).map(|f| f.now);
    let weakest = weakest(map).into_iter().next().and_then(|w| {
        // The figure whose goodness is the touchpoint's worst.
        let figure = w
            .figures
            .into_iter()
            .flatten()
            .find(|f| f.goodness() == Some(w.worst))?;
        Some(WeakestTouchpoint {
            name: map.touchpoints[w.touchpoint].name.clone(),
            figure,
        })
    });
    // Today's feelings in journey order (everyone's before the personas'
    // at a stage, those in the map's order): the first lowest wins.
    let lowest_feeling = map
        .stages
        .iter()
        .flat_map(|s| {
            let at_stage = |everyone: bool| {
                map.emotions.iter().filter(move |e| {
                    e.stage == s.id && !e.future && e.persona.is_none() == everyone
                })
            };
            at_stage(true)
                .chain(at_stage(false))
                .map(move |e| (e, &s.name))
        })
        .reduce(|low, next| {
            if next.0.value < low.0.value {
                next
            } else {
                low
            }
        })
        .map(|(e, stage)| LowestFeeling {
            value: e.value,
            stage: stage.clone(),
            persona: e
                .persona
                .as_deref()
                .map(|p| map.persona(p).map_or(p, |p| p.name.as_str()).to_owned()),
        });
    Headline {
        title: map.title.clone(),
        nps,
        weakest,
        lowest_feeling,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Emotion, SequentialIds};
    use crate::core::text::i18n::Lang;

    #[test]
    fn the_demo_headline_is_its_journey_nps_weakest_touchpoint_and_lowest_feeling() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("h"), 1);
        let h = headline(&map);
        assert_eq!(h.title, map.title);
        let all: Vec<_> = map.touchpoints.iter().collect();
        let (pooled, _) =
            crate::core::analysis::metrics::journey::group_figure(&map, &all, Metric::Nps, None)
                .unwrap();
        assert_eq!(h.nps, Some(pooled));
        assert!(h.nps.unwrap().interval.is_some(), "with its margin");
        let w = weakest(&map);
        let weak = h.weakest.unwrap();
        assert_eq!(weak.name, map.touchpoints[w[0].touchpoint].name);
        assert_eq!(weak.figure.goodness(), Some(w[0].worst));
        // The demo's feelings are its personas': the lowest, -2, is felt
        // first at the fifth stage, by the first persona.
        let feeling = h.lowest_feeling.unwrap();
        assert_eq!(feeling.value, -2);
        assert_eq!(feeling.stage, map.stages[4].name);
        assert_eq!(
            feeling.persona.as_deref(),
            Some(map.personas[0].name.as_str())
        );
    }

    #[test]
    fn a_blank_map_has_no_figure_and_a_target_is_not_a_feeling() {
        let mut ids = SequentialIds::new("b");
        let mut map = JourneyMap::blank(&mut ids, "Livraison", ["A", "B", "C"], 1);
        let h = headline(&map);
        assert_eq!((h.nps, h.weakest, h.lowest_feeling), (None, None, None));
        let (a, b) = (map.stages[0].id.clone(), map.stages[1].id.clone());
        map.emotions = vec![
            Emotion {
                stage: a.clone(),
                persona: Some("p".into()),
                value: -2,
                future: false,
            },
            Emotion {
                stage: a,
                persona: None,
                value: -2,
                future: true,
            },
            Emotion {
                stage: b,
                persona: None,
                value: 1,
                future: false,
            },
        ];
        // The target (-2 at A) is not a feeling of today.
        let feeling = headline(&map).lowest_feeling.unwrap();
        assert_eq!((feeling.value, feeling.stage.as_str()), (-2, "A"));
        assert_eq!(
            feeling.persona.as_deref(),
            Some("p"),
            "an unknown persona by its id"
        );
        map.emotions.remove(0);
        let feeling = headline(&map).lowest_feeling.unwrap();
        assert_eq!(
            (feeling.value, feeling.stage.as_str(), feeling.persona),
            (1, "B", None)
        );
    }
}
