//! Exact splits: a total shared by proportions so that the shares add up to the total to the last
//! minor unit.

/// Splits `total` (minor units, may be negative) in proportion to `weights`.
///
/// Each share is the exact value `total × wᵢ / Σw` rounded toward zero; the units left over go one
/// each to the largest remainders, ties to the earlier position, so the same input always gives
/// the same output. A negative total (a refund) is split as its absolute value and negated, so a
/// refund mirrors the expense it undoes. Returns `None` when no weight is positive.
pub fn allocate(total: i64, weights: &[u64]) -> Option<Vec<i64>> {
    let sum: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    if sum == 0 {
        return None;
    }
    let magnitude = u128::from(total.unsigned_abs());
    let mut shares: Vec<u128> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = magnitude * u128::from(*w);
        shares.push(exact / sum);
        remainders.push((exact % sum, i));
    }
    let given: u128 = shares.iter().sum();
    let mut left = magnitude - given;
    // Largest remainder first; equal remainders keep their order (stable sort).
    remainders.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        // Only positions with a weight can take a unit: a zero weight has a zero remainder, and
        // `left` is below the number of positive weights, so they are reached first.
        shares[i] += 1;
        left -= 1;
    }
    let sign = if total < 0 { -1 } else { 1 };
    Some(shares.into_iter().map(|s| sign * s as i64).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn examples() {
        assert_eq!(allocate(100, &[1, 1, 1]), Some(vec![34, 33, 33]));
        assert_eq!(allocate(-100, &[1, 1, 1]), Some(vec![-34, -33, -33]));
        assert_eq!(allocate(8420, &[70, 30]), Some(vec![5894, 2526]));
        assert_eq!(allocate(1, &[1, 1]), Some(vec![1, 0]));
        assert_eq!(allocate(10, &[0, 3, 0, 1]), Some(vec![0, 8, 0, 2]));
        assert_eq!(allocate(0, &[1, 2]), Some(vec![0, 0]));
        assert_eq!(allocate(5, &[0, 0]), None);
        assert_eq!(allocate(5, &[]), None);
        assert_eq!(
            allocate(i64::MIN, &[1, 1]),
            Some(vec![i64::MIN / 2, i64::MIN / 2])
        );
    }

    proptest! {
        #[test]
        fn shares_sum_to_the_total_and_are_within_one_unit(
            total in -1_000_000_000_000i64..1_000_000_000_000,
            weights in proptest::collection::vec(0u64..10_000, 1..12),
        ) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            let shares = allocate(total, &weights).unwrap();
            prop_assert_eq!(shares.iter().sum::<i64>(), total);
            let sum: i128 = weights.iter().map(|w| *w as i128).sum();
            for (share, w) in shares.iter().zip(&weights) {
                // |share − total·w/sum| < 1  ⇔  |share·sum − total·w| < sum
                let diff = (*share as i128) * sum - (total as i128) * (*w as i128);
                prop_assert!(diff.abs() < sum, "share {} weight {} of {}", share, w, total);
                if *w == 0 { prop_assert_eq!(*share, 0); }
            }
        }

        #[test]
        fn refunds_mirror_expenses(total in 0i64..1_000_000_000, weights in proptest::collection::vec(1u64..100, 1..8)) {
            let up = allocate(total, &weights).unwrap();
            let down = allocate(-total, &weights).unwrap();
            prop_assert_eq!(up.iter().map(|s| -s).collect::<Vec<_>>(), down);
        }
    }
}
