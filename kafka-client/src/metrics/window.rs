//! The sliding window behind every rate, average, minimum and maximum, with the Java client's
//! semantics (`org.apache.kafka.common.metrics.stats.SampledStat`): `metrics.num.samples`
//! samples of `metrics.sample.window.ms` each (Java's defaults, [`SAMPLES`] of [`SAMPLE_SPAN`]:
//! 2 of 30 s). A value goes into the current sample; a sample older than its span starts the
//! next one; samples older than the whole window are ignored when read. So with the defaults
//! an average or maximum covers the last 30 to 60 seconds, never the whole life of a client.

use std::time::{Duration, Instant};

/// How many samples a window keeps by default (`metrics.num.samples`, Java's default).
pub const SAMPLES: usize = 2;
/// How long one sample lasts by default (`metrics.sample.window.ms`, Java's default).
pub const SAMPLE_SPAN: Duration = Duration::from_secs(30);

/// How the window of every windowed metric is cut: `samples` samples of `span` each
/// (`metrics.num.samples` and `metrics.sample.window.ms`; default 2 of 30 s, as Java).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleWindow {
    samples: usize,
    span: Duration,
}

impl SampleWindow {
    /// `samples` samples (at least 1) of `span` each (at least 1 ms).
    pub fn new(samples: usize, span: Duration) -> SampleWindow {
        SampleWindow { samples: samples.max(1), span: span.max(Duration::from_millis(1)) }
    }

    /// `metrics.num.samples`.
    pub fn samples(&self) -> usize {
        self.samples
    }

    /// `metrics.sample.window.ms`.
    pub fn span(&self) -> Duration {
        self.span
    }
}

impl Default for SampleWindow {
    fn default() -> Self {
        SampleWindow::new(SAMPLES, SAMPLE_SPAN)
    }
}

#[derive(Debug, Clone, Copy)]
struct Sample {
    start: Instant,
    count: u64,
    sum: f64,
    min: f64,
    max: f64,
}

impl Sample {
    fn empty(start: Instant) -> Sample {
        Sample { start, count: 0, sum: 0.0, min: f64::INFINITY, max: f64::NEG_INFINITY }
    }
}

/// One sensor's samples and its cumulative totals. Held under the sensor's mutex for one
/// record or one read: a few arithmetic operations; the samples are allocated once, when the
/// sensor is made.
#[derive(Debug, Clone)]
pub(crate) struct Window {
    samples: Box<[Sample]>,
    span: Duration,
    current: usize,
    /// Sum of every value ever recorded (Java's `CumulativeSum`).
    pub(crate) total: f64,
    /// Number of values ever recorded (Java's `CumulativeCount`).
    pub(crate) count: u64,
}

impl Window {
    pub(crate) fn new(now: Instant, shape: SampleWindow) -> Window {
        Window {
            samples: vec![Sample::empty(now); shape.samples].into_boxed_slice(),
            span: shape.span,
            current: 0,
            total: 0.0,
            count: 0,
        }
    }

    pub(crate) fn record(&mut self, value: f64, now: Instant) {
        if now.saturating_duration_since(self.samples[self.current].start) >= self.span {
            self.current = (self.current + 1) % self.samples.len();
            self.samples[self.current] = Sample::empty(now);
        }
        let sample = &mut self.samples[self.current];
        sample.count += 1;
        sample.sum += value;
        sample.min = sample.min.min(value);
        sample.max = sample.max.max(value);
        self.total += value;
        self.count += 1;
    }

    /// The samples still inside the window at `now`.
    fn live(&self, now: Instant) -> impl Iterator<Item = &Sample> {
        let window = self.span * self.samples.len() as u32;
        self.samples.iter().filter(move |s| now.saturating_duration_since(s.start) < window)
    }

    /// Average of the values in the window; NaN when there are none (as Java's `Avg`).
    pub(crate) fn avg(&self, now: Instant) -> f64 {
        let (count, sum) = self.live(now).fold((0, 0.0), |(c, s), x| (c + x.count, s + x.sum));
        if count == 0 {
            f64::NAN
        } else {
            sum / count as f64
        }
    }

    /// Largest value in the window; NaN when there is none (as Java's `Max`).
    pub(crate) fn max(&self, now: Instant) -> f64 {
        self.extreme(now, |s| s.max, f64::max, f64::NEG_INFINITY)
    }

    /// Smallest value in the window; NaN when there is none (as Java's `Min`).
    pub(crate) fn min(&self, now: Instant) -> f64 {
        self.extreme(now, |s| s.min, f64::min, f64::INFINITY)
    }

    /// The samples' `of` folded with `pick` from `none` (which no value can be); NaN when no
    /// live sample holds a value.
    fn extreme(&self, now: Instant, of: fn(&Sample) -> f64, pick: fn(f64, f64) -> f64, none: f64) -> f64 {
        let found = self.live(now).filter(|s| s.count > 0).map(of).fold(none, pick);
        if found == none {
            f64::NAN
        } else {
            found
        }
    }

    /// Per second: the values (`count == false`) or the number of values (`count == true`) in
    /// the window, divided by the window's elapsed time. As Java's `Rate`, the elapsed time is
    /// at least all samples but one, so a client's first seconds do not show a burst as a huge
    /// rate: with the defaults the rate settles over the first 30 s.
    pub(crate) fn rate(&self, now: Instant, count: bool) -> f64 {
        let (n, sum, oldest) =
            self.live(now).fold((0u64, 0.0, now), |(n, s, o), x| (n + x.count, s + x.sum, o.min(x.start)));
        let floor = self.span * (self.samples.len() as u32 - 1);
        let elapsed = now.saturating_duration_since(oldest).max(floor).max(Duration::from_millis(1));
        let amount = if count { n as f64 } else { sum };
        amount / elapsed.as_secs_f64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avg_and_max_cover_the_window_only() {
        let t0 = Instant::now();
        let mut w = Window::new(t0, SampleWindow::default());
        assert!(w.avg(t0).is_nan() && w.max(t0).is_nan());
        w.record(10.0, t0);
        w.record(20.0, t0 + Duration::from_secs(1));
        assert_eq!(w.avg(t0 + Duration::from_secs(2)), 15.0);
        assert_eq!(w.max(t0 + Duration::from_secs(2)), 20.0);
        // Next sample.
        w.record(1.0, t0 + Duration::from_secs(31));
        assert_eq!(w.avg(t0 + Duration::from_secs(32)), 31.0 / 3.0);
        // The first sample ages out after 60 s; the second stays.
        assert_eq!(w.max(t0 + Duration::from_secs(61)), 1.0);
        assert_eq!(w.avg(t0 + Duration::from_secs(61)), 1.0);
        // Both aged out: nothing in the window, the totals stay.
        assert!(w.avg(t0 + Duration::from_secs(200)).is_nan());
        assert_eq!((w.total, w.count), (31.0, 3));
    }

    #[test]
    fn rate_divides_by_at_least_one_sample_span() {
        let t0 = Instant::now();
        let mut w = Window::new(t0, SampleWindow::default());
        for _ in 0..30 {
            w.record(100.0, t0);
        }
        // 30 values in the first second: over the 30 s minimum, 1 per second.
        assert_eq!(w.rate(t0 + Duration::from_secs(1), true), 1.0);
        assert_eq!(w.rate(t0 + Duration::from_secs(1), false), 100.0);
        // 45 s later the window has run 45 s.
        assert!((w.rate(t0 + Duration::from_secs(45), true) - 30.0 / 45.0).abs() < 1e-9);
        // Past the window: 0.
        assert_eq!(w.rate(t0 + Duration::from_secs(120), true), 0.0);
    }

    #[test]
    fn a_long_pause_starts_a_fresh_sample() {
        let t0 = Instant::now();
        let mut w = Window::new(t0, SampleWindow::default());
        w.record(5.0, t0);
        w.record(7.0, t0 + Duration::from_secs(300));
        assert_eq!(w.max(t0 + Duration::from_secs(301)), 7.0);
        assert_eq!(w.avg(t0 + Duration::from_secs(301)), 7.0);
    }

    #[test]
    fn the_shape_follows_the_configuration() {
        let t0 = Instant::now();
        let mut w = Window::new(t0, SampleWindow::new(3, Duration::from_secs(1)));
        w.record(4.0, t0);
        w.record(2.0, t0 + Duration::from_millis(1500));
        w.record(9.0, t0 + Duration::from_millis(2500));
        // Three 1 s samples: all three values are in the window at 2.6 s.
        assert_eq!(w.min(t0 + Duration::from_millis(2600)), 2.0);
        assert_eq!(w.max(t0 + Duration::from_millis(2600)), 9.0);
        // At 3.2 s the first sample (started at 0) is out; at 4.6 s the second too.
        assert_eq!(w.min(t0 + Duration::from_millis(3200)), 2.0);
        assert_eq!(w.max(t0 + Duration::from_millis(3200)), 9.0);
        assert_eq!(w.min(t0 + Duration::from_millis(4600)), 9.0);
        // A rate's floor is two samples (2 s) here, not Java's default 30 s.
        let mut r = Window::new(t0, SampleWindow::new(3, Duration::from_secs(1)));
        r.record(1.0, t0);
        r.record(1.0, t0);
        assert_eq!(r.rate(t0 + Duration::from_millis(100), true), 1.0);
        assert_eq!(SampleWindow::new(0, Duration::ZERO), SampleWindow::new(1, Duration::from_millis(1)));
    }
}
