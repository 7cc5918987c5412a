//! How the journey is cut to fit a printed page: a table of every stage is
//! too wide for A4 or Letter, so the report prints the stages in groups, one
//! table each, with the lane names repeated.

use std::ops::Range;

/// Most stage columns a portrait A4 or Letter page holds readably.
pub const STAGES_PER_TABLE: usize = 4;

/// The stages `0..count` in groups of at most `most`, as even as possible
/// (7 stages by 4: 4 and 3, not 4, 3… nor 5 and 2).
pub fn stage_groups(count: usize, most: usize) -> Vec<Range<usize>> {
    let most = most.max(1);
    let groups = count.div_ceil(most);
    if groups == 0 {
        return Vec::new();
    }
    let (base, extra) = (count / groups, count % groups);
    let mut start = 0;
    (0..groups)
        .map(|g| {
            let len = base + usize::from(g < extra);
            let range = start..start + len;
            start += len;
            range
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn stages_are_cut_into_even_groups() {
        assert_eq!(stage_groups(0, 4), Vec::<Range<usize>>::new());
        let whole = |n: usize| vec![Range { start: 0, end: n }];
        assert_eq!(stage_groups(3, 4), whole(3));
        assert_eq!(stage_groups(4, 4), whole(4));
        assert_eq!(stage_groups(6, 4), [0..3, 3..6]);
        assert_eq!(stage_groups(7, 4), [0..4, 4..7]);
        assert_eq!(stage_groups(9, 4), [0..3, 3..6, 6..9]);
        assert_eq!(stage_groups(2, 0), [0..1, 1..2]);
    }

    proptest! {
        #[test]
        fn groups_cover_every_stage_once_in_order(count in 0usize..60, most in 1usize..8) {
            let groups = stage_groups(count, most);
            let flat: Vec<usize> = groups.iter().cloned().flatten().collect();
            prop_assert_eq!(flat, (0..count).collect::<Vec<_>>());
            prop_assert!(groups.iter().all(|g| !g.is_empty() && g.len() <= most));
            prop_assert_eq!(groups.len(), count.div_ceil(most));
            let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            if let (Some(lo), Some(hi)) = (lens.iter().min(), lens.iter().max()) {
                prop_assert!(hi - lo <= 1);
            }
        }
    }
}
