//! Why each claim went to the fact it did, or to none: a trace the rule
//! engine keeps only when asked (`--explain`), for rule authors debugging
//! their rules on a story nobody has seen before.

use std::ops::Range;

use serde::Serialize;

/// A trigger match: which pattern of the rule, and where it matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TriggerHit {
    pub rule: String,
    pub pattern: String,
    pub range: Range<usize>,
}

/// One decision the engine made about a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// The trigger took the claim: the nearest claim of the rule's kind in
    /// the trigger's scope (or every one, with `select = "all"`).
    Taken {
        trigger: TriggerHit,
        scope: Range<usize>,
        /// `clause` or `sentence`.
        scope_kind: &'static str,
        /// Bytes between trigger and claim.
        distance: usize,
        nearest: bool,
    },
    /// In the trigger's scope, but another claim was nearer the trigger.
    NearerClaim {
        trigger: TriggerHit,
        distance: usize,
        /// The span of the claim taken instead, and its distance.
        taken: Range<usize>,
        taken_distance: usize,
    },
    /// In the trigger's scope and free, but the trigger took nothing here
    /// (a condition of the rule beyond scope, place and distance).
    NotTaken { trigger: TriggerHit },
    /// In the trigger's scope, but a trigger of another rule is nearer.
    NearerTrigger {
        trigger: TriggerHit,
        distance: usize,
        winner: TriggerHit,
        winner_distance: usize,
    },
    /// The claim overlaps one of the rule's `exclude` patterns.
    ExcludedClaim {
        trigger: TriggerHit,
        exclude: String,
    },
    /// A trigger matched in the claim's sentence but overlaps an `exclude`
    /// match, so it was ignored.
    ExcludedTrigger {
        trigger: TriggerHit,
        exclude: String,
    },
    /// A trigger matched in the claim's sentence, but the claim is outside
    /// its scope (another clause).
    OutOfScope {
        trigger: TriggerHit,
        scope: Range<usize>,
        scope_kind: &'static str,
    },
    /// The claim sits on a dateline or page stamp: it dates the document.
    Header { trigger: TriggerHit },
    /// The claim's sentence is background (history, another event, a
    /// comparison), and the rule takes no background figure.
    Background { trigger: TriggerHit, why: String },
    /// No trigger matched in the claim's sentence; this one matched a few
    /// sentences away, beyond the rule's scope.
    TriggerElsewhere {
        trigger: TriggerHit,
        sentences_away: usize,
    },
}

impl Reason {
    /// Rewrites every byte range (for a saved web page: text to markup).
    pub fn map_ranges(&mut self, map: &impl Fn(Range<usize>) -> Range<usize>) {
        let hit = |h: &mut TriggerHit| h.range = map(h.range.clone());
        match self {
            Reason::Taken { trigger, scope, .. } | Reason::OutOfScope { trigger, scope, .. } => {
                hit(trigger);
                *scope = map(scope.clone());
            }
            Reason::NearerTrigger {
                trigger, winner, ..
            } => {
                hit(trigger);
                hit(winner);
            }
            Reason::NearerClaim { trigger, taken, .. } => {
                hit(trigger);
                *taken = map(taken.clone());
            }
            Reason::NotTaken { trigger }
            | Reason::ExcludedClaim { trigger, .. }
            | Reason::ExcludedTrigger { trigger, .. }
            | Reason::Header { trigger }
            | Reason::Background { trigger, .. }
            | Reason::TriggerElsewhere { trigger, .. } => hit(trigger),
        }
    }

    /// The trigger the decision is about.
    pub fn trigger(&self) -> &TriggerHit {
        match self {
            Reason::Taken { trigger, .. }
            | Reason::NearerClaim { trigger, .. }
            | Reason::NotTaken { trigger }
            | Reason::NearerTrigger { trigger, .. }
            | Reason::ExcludedClaim { trigger, .. }
            | Reason::ExcludedTrigger { trigger, .. }
            | Reason::OutOfScope { trigger, .. }
            | Reason::Header { trigger }
            | Reason::Background { trigger, .. }
            | Reason::TriggerElsewhere { trigger, .. } => trigger,
        }
    }
}

/// The reasons for every claim of one source, by claim index.
pub type Explanations = Vec<Vec<Reason>>;
