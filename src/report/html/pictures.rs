//! Pictures where a picture serves, drawn inline (SVG and plain HTML, no
//! script, nothing fetched): a number fact's figures against publication
//! time, and a date fact's candidate days.

use std::fmt::Write as _;

use super::{escape, short_name};
use crate::compare::summary::{DayStrip, Timeline, TimelinePoint};
use crate::source::Source;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 210.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 40.0;

/// Whole numbers without a decimal point; others to one place.
fn figure(v: f64) -> String {
    if v.fract() == 0.0 && (0.0..1e15).contains(&v) {
        crate::compare::grouped(v as usize)
    } else {
        format!("{v:.1}")
    }
}

/// The figures as points against publication time, numbered in update
/// order and joined by a line; a hedged figure is a bar over the values
/// it allows ("at least 93": a bar from 93 up, open-ended).
pub fn timeline(sources: &[Source], t: &Timeline) -> String {
    let points = &t.points;
    let values: Vec<f64> = points
        .iter()
        .flat_map(|p| [p.lo, p.hi])
        .filter(|v| v.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo) * 0.15).max(1.0);
    let (y_min, y_max) = (lo - pad, hi + pad);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + (1.0 - (v - y_min) / (y_max - y_min)) * plot_h;
    let last_day = points.iter().map(|p| p.day).max().unwrap_or(0);
    // Figures published the same day stand side by side, a step apart.
    let mut same_day = std::collections::BTreeMap::<i32, usize>::new();
    let mut nths = Vec::with_capacity(points.len());
    let xs: Vec<f64> = points
        .iter()
        .map(|p| {
            let nth = same_day.entry(p.day).or_default();
            let step = *nth as f64 * 14.0;
            nths.push(*nth);
            *nth += 1;
            let base = if last_day == 0 {
                LEFT + 12.0
            } else {
                LEFT + 12.0 + f64::from(p.day) / f64::from(last_day) * (plot_w - 40.0)
            };
            base + step
        })
        .collect();
    let described: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}. {} on {}: {}",
                i + 1,
                short_name(&sources[p.source.0 as usize]),
                p.published,
                p.value
            )
        })
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<figure class=\"picture\"><svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" aria-label=\"{all}\">\
         <title>The figures by publication date: {all}</title>",
        all = escape(&described.join("; "))
    );
    axes(points, &xs, &y, &mut svg);
    // The update order: a line from each figure to the next.
    let path: Vec<String> = points
        .iter()
        .zip(&xs)
        .map(|(p, x)| format!("{x:.1},{:.1}", y(anchor(p))))
        .collect();
    let _ = write!(
        svg,
        "<polyline class=\"order\" points=\"{}\"/>",
        path.join(" ")
    );
    for (i, (p, x)) in points.iter().zip(&xs).enumerate() {
        let at = y(anchor(p));
        hedge_bar(p, *x, &y, &mut svg);
        let _ = write!(
            svg,
            "<circle class=\"point side-{}\" cx=\"{x:.1}\" cy=\"{at:.1}\" r=\"5\"><title>{}</title></circle>\
             <text class=\"label\" x=\"{:.1}\" y=\"{:.1}\">{} {}</text>",
            p.side.min(4),
            escape(&described[i]),
            x + 9.0,
            at - 8.0 - nths[i] as f64 * 13.0,
            i + 1,
            escape(short_name(&sources[p.source.0 as usize]))
        );
    }
    svg.push_str("</svg><figcaption>Each point is a figure at its source's publication date, numbered in the order of publication; a bar is a hedged figure's range.</figcaption></figure>\n");
    svg
}

/// Where a figure's point stands: its lower bound, or its upper one for
/// "at most".
fn anchor(p: &TimelinePoint) -> f64 {
    if p.lo.is_finite() {
        p.lo
    } else {
        p.hi
    }
}

/// The axes: the figures on the left, the publication days below.
fn axes(points: &[TimelinePoint], xs: &[f64], y: &dyn Fn(f64) -> f64, svg: &mut String) {
    let bottom = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\"/>\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\"/>",
        WIDTH - RIGHT
    );
    let mut ticks: Vec<f64> = points
        .iter()
        .map(anchor)
        .filter(|v| v.is_finite())
        .collect();
    ticks.sort_by(f64::total_cmp);
    ticks.dedup();
    if ticks.len() > 5 {
        ticks = vec![ticks[0], ticks[ticks.len() - 1]];
    }
    for v in &ticks {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y(*v) + 4.0,
            figure(*v)
        );
    }
    let mut dated: Vec<(f64, &str)> = Vec::new();
    for (p, x) in points.iter().zip(xs) {
        if dated.last().is_none_or(|(_, d)| *d != p.published) {
            dated.push((*x, &p.published));
        }
    }
    for (x, day) in &dated {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            bottom + 16.0,
            escape(day)
        );
    }
}

/// A hedged figure's bar over the values it allows: open upwards for "at
/// least", downwards for "at most", closed for a range.
fn hedge_bar(p: &TimelinePoint, x: f64, y: &dyn Fn(f64) -> f64, svg: &mut String) {
    let (at, bottom) = (y(anchor(p)), HEIGHT - BOTTOM);
    if p.hi.is_infinite() && p.lo.is_finite() {
        // At least: open upwards.
        let _ = write!(
            svg,
            "<line class=\"range\" x1=\"{x:.1}\" y1=\"{at:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>\
             <path class=\"range-end\" d=\"M{:.1},{:.1} l5,8 h-10 z\"/>",
            TOP + 6.0,
            x,
            TOP
        );
    } else if p.lo.is_infinite() && p.hi.is_finite() {
        // At most: open downwards.
        let _ = write!(
            svg,
            "<line class=\"range\" x1=\"{x:.1}\" y1=\"{at:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>\
             <path class=\"range-end\" d=\"M{:.1},{:.1} l5,-8 h-10 z\"/>",
            bottom - 6.0,
            x,
            bottom
        );
    } else if p.hi > p.lo {
        let _ = write!(
            svg,
            "<line class=\"range\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
            y(p.lo),
            y(p.hi)
        );
    }
}

/// The candidate days as a strip of the calendar, each with the sources
/// naming it.
pub fn day_strip(sources: &[Source], strip: &DayStrip) -> String {
    let mut html =
        String::from("<ol class=\"day-strip\" aria-label=\"The days the sources name\">");
    for day in &strip.days {
        let names: Vec<String> = day
            .holders
            .iter()
            .map(|id| escape(short_name(&sources[id.0 as usize])))
            .collect();
        let (class, holders) = match (names.is_empty(), day.exact) {
            (true, _) => (
                "between",
                "<span class=\"none\">no source</span>".to_string(),
            ),
            (false, true) => ("held", names.join(", ")),
            (false, false) => ("held partial", names.join(", ")),
        };
        let _ = write!(
            html,
            "<li class=\"{class}\"><span class=\"day\">{}</span><span class=\"holders\">{holders}</span></li>",
            escape(&day.label)
        );
    }
    html.push_str("</ol>\n");
    html
}
