//! Values named by words rather than measured: a person's title, a quoted
//! passage, a yes/no state. They are compared by wording in
//! [`crate::compare`], not as sets of days or intervals.

use serde::Serialize;

/// A person mention: the full name it refers to within its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonValue {
    pub name: String,
}

/// The title or office attached to a person mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TitleValue {
    /// The office's words, lower-case, in order, qualifiers included
    /// ("acting foreign minister"). Affiliations ("Valdoria's", "Ostrian")
    /// and places ("to Tiran") are left out: they do not change the post.
    pub office: Vec<String>,
    /// The person's name as written (before back-references are resolved).
    pub written_name: String,
}

impl TitleValue {
    pub fn notation(&self) -> String {
        self.office.join(" ")
    }
}

/// A quoted passage and who it is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteValue {
    /// The words inside the quotation marks, as written.
    pub words: String,
    /// The speaker as the source names it, once resolved to a full name.
    pub speaker: Option<String>,
}

/// A yes/no fact, named by the rule ("done", "pending").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateValue {
    pub state: String,
    /// True when a negation or hedge ("has yet to", "is expected to")
    /// turned the statement into the rule's hedged state.
    pub hedged: bool,
}
