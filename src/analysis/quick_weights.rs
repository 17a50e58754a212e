//! Quick weights: from a ranking of criteria, or from swing ratings.

/// Rank order centroid weights for n criteria ranked 1..n (most important first):
/// w_j = (1/n)·Σ_{k=j..n} 1/k. They sum to 1.
pub fn rank_order_centroid(n: usize) -> Vec<f64> {
    (1..=n)
        .map(|j| (j..=n).map(|k| 1.0 / k as f64).sum::<f64>() / n as f64)
        .collect()
}

/// Swing weights from ratings (the most important swing rated 100): w_k = r_k / Σ r.
/// Negative or non-finite ratings count as 0; all zero gives all zero.
pub fn swing_weights(ratings: &[f64]) -> Vec<f64> {
    crate::scoring::normalise_weights(ratings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roc_by_hand() {
        // n = 3: w1 = (1 + 1/2 + 1/3)/3 = 11/18, w2 = (1/2 + 1/3)/3 = 5/18, w3 = (1/3)/3 = 2/18.
        let w = rank_order_centroid(3);
        for (a, b) in w.iter().zip([11.0 / 18.0, 5.0 / 18.0, 2.0 / 18.0]) {
            assert!((a - b).abs() < 1e-12);
        }
        assert!((rank_order_centroid(7).iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn swing_by_hand() {
        assert_eq!(swing_weights(&[100.0, 50.0, 50.0]), vec![0.5, 0.25, 0.25]);
    }
}
